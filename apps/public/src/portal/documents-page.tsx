/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type NormativeCatalogue, type NormativeRegisterEntry, Validity, validityNames } from "@gov/domain";
import { itemPath, portalBase } from "./paths.ts";

/** The normative-document catalogue of a year (the annual report's three figures) and the register. */
export function DocumentsPage(props: {
  catalogue: NormativeCatalogue;
  register: NormativeRegisterEntry[];
  years: number[];
  validity: string | undefined;
  unitNames: Map<string, string>;
}) {
  const { catalogue } = props;
  return (
    <>
      <h1>规范性文件</h1>
      <form class="filters" method="get" action={`${portalBase}/documents`} aria-label="年度与有效性">
        <div>
          <label for="documents-year">年度</label>
          <select id="documents-year" name="year">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === catalogue.year}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="documents-validity">有效性</label>
          <select id="documents-validity" name="validity">
            <option value="">全部</option>
            {Validity.options.map((v) => (
              <option value={v} selected={v === props.validity}>
                {validityNames[v]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">查看</button>
      </form>
      <p>
        <a href={`${portalBase}/v1/feeds/normative-documents.atom`} type="application/atom+xml">
          订阅规范性文件（Atom）
        </a>
      </p>
      <h2>{catalogue.year}年度目录</h2>
      <p>
        本年制发{catalogue.issued}件，废止{catalogue.repealed}件，年末现行有效{catalogue.valid}件。
      </p>
      <table>
        <caption class="visually-hidden">{catalogue.year}年度制发的规范性文件</caption>
        <thead>
          <tr>
            <th scope="col">文号</th>
            <th scope="col">标题</th>
            <th scope="col">成文日期</th>
            <th scope="col">年末有效性</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.documents.map((d) => (
            <tr>
              <td>{d.docNumber ?? ""}</td>
              <td>
                <a href={itemPath(d)}>{d.title}</a>
              </td>
              <td>{d.generatedOn}</td>
              <td>{validityNames[d.validity]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{catalogue.year}年成文的规范性文件（现行状态）</h2>
      <ul class="item-list">
        {props.register.map((d) => (
          <li>
            <a href={itemPath(d)}>{d.title}</a>
            <div class="meta">
              {d.docNumber ?? ""} · {d.issuingOrgan ?? props.unitNames.get(d.unitCode) ?? d.unitCode} ·{" "}
              {validityNames[d.validity]}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
