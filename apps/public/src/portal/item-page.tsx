/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  findColumn,
  type LinkTarget,
  type PublicItemDetail,
  type Tombstone,
  validityNames,
} from "@gov/domain";
import { raw } from "hono/html";
import { dayOf, disclosureMethodNames } from "./labels.ts";
import { itemPath, listPath } from "./paths.ts";

function Links(props: { targets: LinkTarget[] | undefined }) {
  const targets = props.targets ?? [];
  if (targets.length === 0) return <>无</>;
  return (
    <ul>
      {targets.map((t) => (
        <li>
          <a href={itemPath(t)}>{t.title}</a>
        </li>
      ))}
    </ul>
  );
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * An item as a 政府信息公开 page shows it: the metadata table (索引号 … 修改或废止它的文件),
 * then the body (sanitized when it was written, ADR 0012), attachments and editions.
 */
export function ItemPage(props: { item: PublicItemDetail; unitName: string }) {
  const { item } = props;
  const { links } = item;
  const column = findColumn(item.columnId);
  const changedBy = [...(links["amended-by"] ?? []), ...(links["repealed-by"] ?? [])];
  const interpretations = [...(links["interpreted-by"] ?? []), ...(links.interprets ?? [])];
  const rows: [string, unknown][] = [
    ["索引号", item.indexNumber],
    ["信息类别", item.category],
    ["发布机构", item.issuingOrgan ?? props.unitName],
    ["生成日期", item.generatedOn],
    ["公开方式", disclosureMethodNames[item.disclosureMethod]],
    ["公开时限", item.timeLimit],
    ["公开范围", item.scope],
    ["文号", item.docNumber ?? "无"],
    ["有效性", item.validity ? validityNames[item.validity] : "—"],
  ];
  return (
    <article>
      {column && (
        <nav aria-label="所在栏目" class="meta">
          所在栏目：<a href={listPath({ column: column.id })}>{column.name}</a>
        </nav>
      )}
      <h1>{item.title}</h1>
      {changedBy.map((t) => (
        <p class="notice">
          本件已被<a href={itemPath(t)}>《{t.title}》</a>
          {(links["repealed-by"] ?? []).includes(t) ? "废止" : "修改"}。
        </p>
      ))}
      <table class="metadata">
        <caption class="visually-hidden">信息索引</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{String(value ?? "")}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">相关解读</th>
            <td>
              <Links targets={interpretations} />
            </td>
          </tr>
          <tr>
            <th scope="row">相关文件</th>
            <td>
              <Links targets={links.related} />
            </td>
          </tr>
          <tr>
            <th scope="row">修改或废止它的文件</th>
            <td>
              <Links targets={changedBy} />
            </td>
          </tr>
        </tbody>
      </table>
      <section aria-labelledby="body-heading">
        <h2 id="body-heading">正文</h2>
        <div class="item-body">{raw(item.body)}</div>
      </section>
      {item.attachments.length > 0 && (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">附件</h2>
          <ul>
            {item.attachments.map((a) => (
              <li>
                <a href={a.url}>{a.name}</a> <span class="meta">（{megabytes(a.size)}）</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading">版本</h2>
        <ul>
          {item.editionDates.map((e) => (
            <li>
              第{e.edition}版，{dayOf(e.publishedAt)}发布{e.edition === item.edition ? "（现行版本）" : ""}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** A withdrawn item answers with its tombstone: what was public is never silently lost (ADR 0010). */
export function TombstonePage(props: { tombstone: Tombstone }) {
  const t = props.tombstone;
  return (
    <article class="tombstone">
      <h1>{t.title}</h1>
      <p>本信息已撤回，不再公开。</p>
      <table class="metadata">
        <tbody>
          <tr>
            <th scope="row">索引号</th>
            <td>{t.indexNumber ?? ""}</td>
          </tr>
          <tr>
            <th scope="row">撤回理由</th>
            <td>{t.reason}</td>
          </tr>
          <tr>
            <th scope="row">撤回日期</th>
            <td>{dayOf(t.withdrawnAt)}</td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
