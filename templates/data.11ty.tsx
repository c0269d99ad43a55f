/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * /data/: what can be downloaded, the format of each file, its columns and the statutory terms
 * (site.data, src/data/model.ts). The data files are links to save (`download`): a browser would
 * show nothing useful of a CSV or a database.
 */
import { Layout } from './_includes/layout.tsx';
import type { Data } from './_includes/data.ts';
import type { Column } from '../src/data/columns.ts';
import type { DataFile, SliceLink } from '../src/data/model.ts';

export const data = { permalink: '/data/index.html' };

function Files({ files }: { files: DataFile[] }) {
  return (
    <ul>
      {files.map((f) => (
        <li>
          <a href={f.href} download>
            {f.name}
          </a>
          {`：${f.description}`}
        </li>
      ))}
    </ul>
  );
}

function Slices({ slices }: { slices: SliceLink[] }) {
  return (
    <ul class="data-slices">
      {slices.map((s) => (
        <li>
          {`${s.text}（${s.reportCount} 份）：`}
          {s.files.map((f, i) => (
            <>
              {i > 0 ? '、' : ''}
              <a href={f.href} download>
                {f.name}
              </a>
            </>
          ))}
        </li>
      ))}
    </ul>
  );
}

function Columns({ columns, caption }: { columns: readonly Column[]; caption: string }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">列名</th>
            <th scope="col">中文标题</th>
            <th scope="col">类型</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr>
              <td>
                <code>{c.name}</code>
              </td>
              <td>{c.title}</td>
              <td>{c.type}</td>
              <td>{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function render({ site }: Data) {
  const d = site.data;
  return (
    <Layout title="数据下载" canonical={site.canonical.data} breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '数据下载' }]}>
      <h1>数据下载</h1>
      <p>
        {'使用条件：'}
        {d.config.licence}
        {d.config.licenceUrl ? (
          <>
            {'（'}
            <a href={d.config.licenceUrl}>许可全文</a>
            {'）'}
          </>
        ) : null}
      </p>

      <h2>全部报告</h2>
      <p>{`全部 ${site.reportCount} 份报告，每次构建由报告原文重新生成：`}</p>
      <Files files={d.files} />
      <ul>
        <li>
          <a href="/data/index.json">index.json</a>
          {'：全部报告的索引，每项为 { id, agency, year, url, json }。'}
        </li>
        <li>
          每份报告页旁有 <code>report.json</code>（解析后的完整数据，含数据质量问题）和 <code>source.txt</code>（原文文本，UTF-8，行号与问题说明中的行号一致）。
        </li>
      </ul>

      <h2>文件格式</h2>
      <ul>
        <li>CSV 文件为 UTF-8 编码并带 BOM（Excel 可直接打开，不会乱码），逗号分隔，CRLF 换行，按 RFC 4180 加引号。</li>
        <li>空白单元格表示报告未填写，或填写了「—」「/」「无」等，不是 0；报告写「〇」的为 0。单元格的原文见 cells.csv 的 literal 列。</li>
        <li>reports.csv 的表格列名是数据约定的点分路径，如 <code>requests.denied.stateSecret.naturalPerson</code>；两个版式的表二列都在，不适用的为空。</li>
        <li>cells.csv 每个单元格一行，值为空的单元格也是一行；2019 年以前格式的附表为 <code>legacyStats</code>，行键为指标序号，列为 thisYear（本年度）与 cumulative（历年累计），并有指标名称与计量单位。</li>
        <li>reports.jsonl 每行一份报告的完整 JSON，无 BOM，LF 换行。</li>
        <li>nianbao.sqlite 的 cells 表与 cells.csv 行数相同；findings 表为每条数据质量问题一行；indicators 表为每份报告每个指标一行，indicator_definitions 表为每个指标的定义一行。</li>
        <li>表格键名是稳定的数据约定，只增不改。</li>
      </ul>

      <h2>指标</h2>
      <p>
        {'指标是本站由报告表二至表四（2019 年以前的报告为附表）的单元格按固定公式算出的派生数值，如公开率、不予公开率、复议纠错率，不是报告原文所写。每个指标的公式、所读单元格和何时留空，见 '}
        <a href="/data/indicators.json" download>
          indicators.json
        </a>
        {' 与'}
        <a href="/methodology/">计算方法</a>
        {'页。'}
      </p>
      <ul>
        <li>
          reports.csv 末尾每个指标一列，列名为 <code>indicators.&lt;id&gt;</code>（如 <code>indicators.disclosureRate</code>），与 report.json 中 <code>indicators</code> 的键和 indicators.json 的 <code>id</code> 一致；按年度、按省份的 reports.csv 也有这些列。
        </li>
        <li>比例类指标为 0 至 1 的小数（不是百分数），数值保留 12 位有效数字。</li>
        <li>无法计算的指标为空，不是 0：原因（单元格空白、该版表格没有这一项、分母为 0）见 report.json 的 indicators 与 SQLite indicators 表的 blank 列，那里也有分子、分母和上年的数值。</li>
      </ul>

      <h2>按年度</h2>
      <Slices slices={d.years} />

      <h2>按省份</h2>
      <Slices slices={d.regions} />
      {d.withoutRegion > 0 ? <p>{`另有 ${d.withoutRegion} 份报告的行政区划不明：它们在全部报告和所属年度的文件中，不在任何省份的文件中。`}</p> : null}

      <h2>字段说明</h2>
      <Columns columns={d.columns.reports} caption="reports.csv 与 SQLite reports 表的列" />
      <Columns columns={d.columns.indicators} caption="reports.csv 与 SQLite reports 表的指标列" />
      <Columns columns={d.columns.cells} caption="cells.csv 与 SQLite cells 表的列" />
      <Columns columns={d.columns.findings} caption="SQLite findings 表的列" />
      <Columns columns={d.columns.indicatorTable} caption="SQLite indicators 表的列" />
      <Columns columns={d.columns.definitionTable} caption="SQLite indicator_definitions 表的列（indicators.json 的定义，每个指标一行）" />

      <h2>术语</h2>
      <dl class="glossary">
        {d.glossary.map((t) => (
          <>
            <dt>{t.term}</dt>
            <dd>
              {t.explanation}
              {t.keys.map((k) => (
                <>
                  {' '}
                  <code>{k}</code>
                </>
              ))}
            </dd>
          </>
        ))}
      </dl>
    </Layout>
  );
}
