/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The statutory tables as the official forms print them (国办公开办函〔2019〕60号 / 〔2021〕30号):
 * the same row and column spans and the edition's own labels, all spelled by src/model/labels.ts.
 * A cell with a finding carries a numbered marker linking to the explanation below the table.
 */
import { PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_FIELDS, type ProactiveRowLabel } from '../../src/model/labels.ts';
import type { Cell as CellValue, Proactive2019 } from '../../src/model/report.ts';
import type { ReportPage } from '../../src/archive/site.ts';

/** One data cell. `path` is the dotted path below `tables` (the key of tables.literals). */
function Cell({ page, path, value, colspan, suffix }: { page: ReportPage; path: string; value: CellValue | undefined; colspan?: number; suffix?: string | null }) {
  const marks = page.cellFindings[`tables.${path}`] ?? [];
  const literal = page.report.tables.literals[path];
  const text = value === null || value === undefined ? (literal ?? '') : `${value}${suffix ?? ''}`;
  return (
    <td class={marks.length ? `num flagged sev-${page.cellSeverity[`tables.${path}`]}` : 'num'} colspan={colspan ? String(colspan) : undefined} data-cell={path}>
      {text}
      {marks.map((n) => (
        <a class="flag" href={`#finding-${n}`} aria-label={`问题 ${n}`}>
          {String(n)}
        </a>
      ))}
    </td>
  );
}

/** 表二 主动公开政府信息情况: one block per 第二十条 item, each with its own header row. */
export function ProactiveTable({ page }: { page: ReportPage }) {
  const p = page.report.tables.proactive;
  if (!p) return null;
  const labels = PROACTIVE_ROWS[p.edition];
  const items: { item: string; rows: ProactiveRowLabel[] }[] = [];
  for (const row of labels) {
    const last = items[items.length - 1];
    if (last && last.item === row.item) last.rows.push(row);
    else items.push({ item: row.item, rows: [row] });
  }
  const width = 4; // 信息内容 + three figures, the widest block of either edition
  const values = p as unknown as Record<string, Record<string, CellValue>>;
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label="主动公开政府信息情况统计表">
      <table class="form form-proactive" id="table-proactive">
        <caption>主动公开政府信息情况</caption>
        {items.map(({ item, rows }) => {
          const fields = rows[0]!.fields;
          const spanLast = width - fields.length; // a block with fewer figures widens its last column
          return (
            <tbody>
              <tr>
                <th colspan={String(width)} scope="colgroup" class="item">{`第二十条第${item}项`}</th>
              </tr>
              <tr>
                <th scope="col">信息内容</th>
                {fields.map((f, i) => (
                  <th scope="col" colspan={i === fields.length - 1 && spanLast > 1 ? String(spanLast) : undefined}>
                    {f.label}
                  </th>
                ))}
              </tr>
              {rows.map((row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  {fields.map((f, i) => (
                    <Cell
                      page={page}
                      path={`proactive.${row.key}.${f.key}`}
                      value={values[row.key]?.[f.key]}
                      colspan={i === fields.length - 1 && spanLast > 1 ? spanLast : undefined}
                      suffix={p.edition === '2019' && row.key === 'procurement' && f.key === 'amount' ? (p as Proactive2019).procurement.amountUnit : null}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/** 表三 收到和处理政府信息公开申请情况, with the form's three header rows and nested row groups. */
export function RequestsTable({ page }: { page: ReportPage }) {
  const t = page.report.tables.requests;
  if (!t) return null;
  const edition = page.report.edition === '2019' ? '2019' : '2021';
  const rows = REQUEST_ROWS.filter((r) => r.editions.includes(edition));
  // Rows under 三、本年度办理结果: the result rows and their （七）总计.
  const under3 = rows.filter((r) => r.result || r.key === 'total');
  const groupSize = (group: string) => rows.filter((r) => r.group === group).length;
  const orgs = REQUEST_COLUMNS.filter((c) => !['naturalPerson', 'total'].includes(c.key));
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label="收到和处理政府信息公开申请情况统计表">
      <table class="form form-requests" id="table-requests">
        <caption>收到和处理政府信息公开申请情况</caption>
        <thead>
          <tr>
            <td colspan="3" rowspan="3" class="corner">
              （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
            </td>
            <th colspan="7" scope="colgroup">
              申请人情况
            </th>
          </tr>
          <tr>
            <th rowspan="2" scope="col">
              自然人
            </th>
            <th colspan={String(orgs.length)} scope="colgroup">
              法人或其他组织
            </th>
            <th rowspan="2" scope="col">
              总计
            </th>
          </tr>
          <tr>
            {orgs.map((c) => (
              <th scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const first3 = under3[0] === row;
            const inGroup = row.group && !row.group.startsWith('三');
            const firstOfGroup = inGroup && rows.find((r) => r.group === row.group) === row;
            return (
              <tr data-row={row.key}>
                {first3 ? (
                  <th rowspan={String(under3.length)} scope="rowgroup" class="group">
                    三、本年度办理结果
                  </th>
                ) : null}
                {firstOfGroup ? (
                  <th rowspan={String(groupSize(row.group!))} scope="rowgroup" class="group">
                    {row.group}
                  </th>
                ) : null}
                <th scope="row" colspan={under3.includes(row) ? (inGroup ? undefined : '2') : '3'}>
                  {row.label}
                </th>
                {REQUEST_COLUMNS.map((c) => (
                  <Cell page={page} path={`requests.rows.${row.key}.${c.key}`} value={t.rows[row.key]?.[c.key]} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** 表四 政府信息公开行政复议、行政诉讼情况: 行政复议 × 5, 行政诉讼 × (未经复议直接起诉 5 + 复议后起诉 5). */
export function ReviewLitigationTable({ page }: { page: ReportPage }) {
  const t = page.report.tables.reviewLitigation;
  if (!t) return null;
  const groups = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label="政府信息公开行政复议、行政诉讼情况统计表">
      <table class="form form-review" id="table-review-litigation">
        <caption>政府信息公开行政复议、行政诉讼情况</caption>
        <thead>
          <tr>
            <th colspan="5" scope="colgroup">
              行政复议
            </th>
            <th colspan="10" scope="colgroup">
              行政诉讼
            </th>
          </tr>
          <tr>
            {REVIEW_FIELDS.map((f) => (
              <th scope="col" rowspan="2" class="narrow">
                {f.label}
              </th>
            ))}
            <th colspan="5" scope="colgroup">
              未经复议直接起诉
            </th>
            <th colspan="5" scope="colgroup">
              复议后起诉
            </th>
          </tr>
          <tr>
            {groups.slice(1).flatMap(() =>
              REVIEW_FIELDS.map((f) => (
                <th scope="col" class="narrow">
                  {f.label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>{groups.flatMap((g) => REVIEW_FIELDS.map((f) => <Cell page={page} path={`reviewLitigation.${g}.${f.key}`} value={t[g][f.key]} />))}</tr>
        </tbody>
      </table>
    </div>
  );
}

/** 附表 政府信息公开情况统计表 of legacy reports: 指标名称 / 计量单位 / 本年度 / 历年累计. */
export function LegacyTable({ page }: { page: ReportPage }) {
  const s = page.report.tables.legacyStats;
  if (!s || !s.length) return null;
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label="政府信息公开情况统计表">
      <table class="form form-legacy" id="table-legacy">
        <caption>政府信息公开情况统计表（附表）</caption>
        <thead>
          <tr>
            <th scope="col">指标名称</th>
            <th scope="col">计量单位</th>
            <th scope="col">本年度</th>
            <th scope="col">历年累计</th>
          </tr>
        </thead>
        <tbody>
          {s.map((row, i) => (
            <tr>
              <th scope="row">{row.label}</th>
              <td>{row.unit ?? ''}</td>
              <Cell page={page} path={`legacyStats.${i}.thisYear`} value={row.thisYear} />
              <Cell page={page} path={`legacyStats.${i}.cumulative`} value={row.cumulative} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

