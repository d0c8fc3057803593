/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { publishedLetterDetail, publishedLetters } from "@gov/core";
import { fail, type PublishedLetter, type Unit, UnitCode } from "@gov/domain";
import { type AppEnv, idParam, PageQuery } from "@gov/http";
import type { Hono } from "hono";
import { z } from "zod";
import { FeedLink, feeds } from "./feed-link.tsx";
import { mailboxPath } from "./mailbox-pages.tsx";
import { type C, givenQuery, page, parsed } from "./render.tsx";

export const repliesPath = `${mailboxPath}/replies`;

const RepliesQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unit: UnitCode.optional(),
  ...PageQuery.shape,
});

export const replyPath = (id: string) => `${repliesPath}/${id}`;

/** The replies the writers agreed to publish, newest reply first, filtered by reply year and answering unit. */
export function RepliesPage(props: {
  letters: PublishedLetter[];
  units: Unit[];
  filter: { year?: number | undefined; unit?: string | undefined };
  next: string | null;
}) {
  const { filter } = props;
  return (
    <>
      <h1>市长信箱公开答复</h1>
      <p>以下来信经写信人同意公开，不含写信人信息。</p>
      <form class="filters" method="get" action={repliesPath} aria-label="筛选公开答复">
        <div>
          <label for="replies-year">答复年份</label>
          <input
            id="replies-year"
            name="year"
            inputmode="numeric"
            size={6}
            value={filter.year === undefined ? "" : String(filter.year)}
          />
        </div>
        <div>
          <label for="replies-unit">答复部门</label>
          <select id="replies-unit" name="unit">
            <option value="">全部</option>
            {props.units.map((u) => (
              <option value={u.code} selected={u.code === filter.unit}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">筛选</button>
      </form>
      <FeedLink href={feeds.letters} label="公开答复" />
      {props.letters.length === 0 ? (
        <p>暂无公开答复。</p>
      ) : (
        <ul class="item-list">
          {props.letters.map((l) => (
            <li>
              <a href={replyPath(l.id)}>{l.subject}</a>
              <div class="meta">
                受理日期{l.receivedOn} · 答复日期{l.repliedOn} · 答复部门{l.unitName}
              </div>
            </li>
          ))}
        </ul>
      )}
      {props.next && (
        <nav class="pager" aria-label="分页">
          <a href={props.next} rel="next">
            下一页
          </a>
        </nav>
      )}
    </>
  );
}

/** One letter and its reply, with the four facts a 市长信箱 page shows: received, replied, by whom, what. */
export function ReplyPage(props: { letter: PublishedLetter }) {
  const l = props.letter;
  return (
    <>
      <h1>{l.subject}</h1>
      <table class="metadata">
        <tbody>
          <tr>
            <th scope="row">受理日期</th>
            <td>{l.receivedOn}</td>
          </tr>
          <tr>
            <th scope="row">答复日期</th>
            <td>{l.repliedOn}</td>
          </tr>
          <tr>
            <th scope="row">答复部门</th>
            <td>{l.unitName}</td>
          </tr>
        </tbody>
      </table>
      <section aria-labelledby="letter-heading">
        <h2 id="letter-heading">来信内容</h2>
        <p>{l.body}</p>
      </section>
      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading">答复内容</h2>
        <p>{l.reply}</p>
      </section>
      <p>
        <a href={repliesPath}>返回公开答复</a>
      </p>
    </>
  );
}

/** The query of the same list with the next cursor. */
function nextPage(c: C, cursor: string | null): string | null {
  if (!cursor) return null;
  const url = new URL(c.req.url);
  url.searchParams.set("cursor", cursor);
  return `${url.pathname}?${url.searchParams}`;
}

/** 市长信箱's published replies as pages (issue 16): a list and a page per letter, nothing about the writer. */
export function publishedReplyPages(portal: Hono<AppEnv>) {
  portal.get("/mailbox/replies", async (c) => {
    const asked = parsed(RepliesQuery, givenQuery(c));
    if (!asked.ok) return fail("validation", "参数有误", asked.issues);
    const { year, unit, limit, cursor } = asked.value;
    const [found, units] = await Promise.all([
      publishedLetters(c.var.deps, { year, unit }, { limit, cursor }),
      c.var.deps.store.units.list(),
    ]);
    const kept = new URLSearchParams({
      ...(year ? { year: String(year) } : {}),
      ...(unit ? { unit } : {}),
    }).toString();
    return page(
      c,
      {
        title: "市长信箱公开答复",
        canonicalPath: `${repliesPath}${kept ? `?${kept}` : ""}`,
        description: "经写信人同意公开的市长信箱来信与答复：受理日期、答复日期、答复部门、答复内容。",
        feeds: [{ title: "市长信箱公开答复（Atom）", href: feeds.letters }],
      },
      <RepliesPage
        letters={found.items}
        units={units}
        filter={{ year, unit }}
        next={nextPage(c, found.nextCursor)}
      />,
    );
  });
  portal.get("/mailbox/replies/:id", async (c) => {
    const id = parsed(idParam("letter"), { id: c.req.param("id") });
    if (!id.ok) return fail("not-found", "公开答复不存在");
    const letter = await publishedLetterDetail(c.var.deps, id.value.id);
    return page(
      c,
      {
        title: letter.subject,
        canonicalPath: replyPath(letter.id),
        description: `${letter.unitName}于${letter.repliedOn}答复：${letter.reply.slice(0, 100)}`,
        ogType: "article",
      },
      <ReplyPage letter={letter} />,
    );
  });
}
