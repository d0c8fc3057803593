/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { CountedColumnNode, Item, Unit } from "@gov/domain";
import { FeedLink, feeds } from "./feed-link.tsx";
import { dayOf } from "./labels.ts";
import { itemPath, listPath, portalBase } from "./paths.ts";

function ColumnBranch(props: { nodes: CountedColumnNode[] }) {
  return (
    <ul>
      {props.nodes.map((node) => (
        <li>
          <a href={listPath({ column: node.id })}>{node.name}</a> <span class="meta">（{node.total}条）</span>
          {node.children.length > 0 && <ColumnBranch nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

/** Home: the catalogue with counts, the latest items, the units that publish. */
export function Home(props: {
  tree: CountedColumnNode[];
  latest: Item[];
  units: Unit[];
  unitNames: Map<string, string>;
}) {
  return (
    <>
      <h1>政府信息公开</h1>
      <form class="filters" method="get" action={`${portalBase}/search`} aria-label="站内检索">
        <div>
          <label for="home-q">检索标题、正文或文号</label>
          <input id="home-q" name="q" type="search" maxlength={100} />
        </div>
        <button type="submit">检索</button>
      </form>
      <h2 id="latest">最新公开</h2>
      <FeedLink href={feeds.latest} label="最新公开" />
      <ul class="item-list" aria-labelledby="latest">
        {props.latest.map((item) => (
          <li>
            <a href={itemPath(item)}>{item.title}</a>
            <div class="meta">
              {props.unitNames.get(item.unitCode) ?? item.unitCode} · {dayOf(item.firstPublishedAt)}
            </div>
          </li>
        ))}
      </ul>
      <h2 id="catalogue">公开目录</h2>
      <nav class="column-tree" aria-labelledby="catalogue">
        <ColumnBranch nodes={props.tree} />
      </nav>
      <h2 id="figures">公开数据</h2>
      <ul aria-labelledby="figures">
        <li>
          <a href={`${portalBase}/statistics/applications`}>政府信息公开申请统计</a>
        </li>
        <li>
          <a href={`${portalBase}/statistics/letters`}>市长信箱统计</a>
        </li>
        <li>
          <a href={`${portalBase}/mailbox/replies`}>市长信箱公开答复</a>
        </li>
      </ul>
      <h2 id="units">公开单位</h2>
      <ul aria-labelledby="units">
        {props.units.map((unit) => (
          <li>
            <a href={listPath({ unit: unit.code })}>{unit.name}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
