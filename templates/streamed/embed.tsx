/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The embeds a government portal puts in an <iframe>: one report's key figures (/embed/<slug>/<year>/)
 * and an agency's last years (/embed/<slug>/). Written beside the report and agency pages by the same
 * tasks (src/build/tasks.ts), from models made in src/archive/embed.ts.
 *
 * Self-contained: no script, no image, no font, no stylesheet to fetch — one <style> element, allowed
 * by its hash in the embed's own Content-Security-Policy (`default-src 'none'`, so nothing else loads
 * or runs). Nothing forbids framing: a portal on any origin may show it (frame-ancestors cannot be set
 * from a <meta> anyway). The one link, to the full page, opens outside the frame.
 */
import { createHash } from 'node:crypto';
import type { AgencyEmbed, EmbedFigures, ReportEmbed } from '../../src/archive/embed.ts';

/** The whole look of an embed. No url(): nothing is fetched, and the path-prefix rewriting has nothing to touch. */
const CSS = [
  'body{margin:0;font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1b1b1b;background:#fff}',
  '.card{border:1px solid #c8c8c8;border-top:3px solid #1f5fa8;border-radius:4px;padding:.6rem .8rem;max-width:100%;box-sizing:border-box}',
  'h1{font-size:1rem;margin:0 0 .4rem}',
  'dl{margin:0;display:grid;grid-template-columns:1fr 1fr;gap:.4rem .8rem}',
  'dt{color:#555;font-size:.8rem}',
  'dd{margin:0;font-size:1.2rem;font-weight:600}',
  'dd small{display:block;font-size:.75rem;font-weight:400;color:#555}',
  'table{border-collapse:collapse;width:100%;font-size:.85rem}',
  'caption{text-align:left;font-weight:600;margin-bottom:.3rem}',
  'th,td{border:1px solid #c8c8c8;padding:.2rem .4rem}',
  'thead th{background:#f4f6f8}',
  'td{text-align:right;font-variant-numeric:tabular-nums}',
  'p{margin:.5rem 0 0;font-size:.85rem}',
  'a{color:#1f5fa8}',
  '.by{color:#555;font-size:.75rem}',
].join('');

/**
 * The embed's Content-Security-Policy: nothing at all but its own <style> (by hash; no 'unsafe-inline',
 * so even markup that slipped into a report's name could not style or load anything).
 */
export const EMBED_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const NONE = '未列出';
const count = (v: number | null) => (v === null ? NONE : `${v} 件`);

function Frame({ title, children }: { title: string; children?: JSX.Children }) {
  return (
    <>
      {{ html: '<!doctype html>\n' }}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta http-equiv="Content-Security-Policy" content={EMBED_CSP} />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{title}</title>
          <style>{{ html: CSS }}</style>
        </head>
        <body>{children}</body>
      </html>
    </>
  );
}

/** 「83.3%」 with its inputs under it, or why there is no share. */
function Share({ f }: { f: EmbedFigures }) {
  const what = f.legacy ? ['同意公开答复', '答复总数'] : ['予以公开', '办理结果总计'];
  return (
    <dd>
      {f.share ?? NONE}
      <small>{`${what[0]} ${f.granted ?? NONE}${f.granted === null ? '' : ' 件'} ÷ ${what[1]} ${f.handled ?? NONE}${f.handled === null ? '' : ' 件'}`}</small>
    </dd>
  );
}

const Source = () => <p class="by">数据来源：年报 · 政府信息公开工作年度报告档案</p>;

export function renderReportEmbed(e: ReportEmbed) {
  return (
    <Frame title={e.heading}>
      <article class="card">
        <h1>{e.heading}</h1>
        <dl>
          <div>
            <dt>本年新收申请</dt>
            <dd>{count(e.received)}</dd>
          </div>
          <div>
            <dt>予以公开比例</dt>
            <Share f={e} />
          </div>
          <div>
            <dt>行政复议</dt>
            <dd>{count(e.reviews)}</dd>
          </div>
          <div>
            <dt>行政诉讼</dt>
            <dd>{count(e.lawsuits)}</dd>
          </div>
        </dl>
        <p>
          <a href={e.pageUrl} target="_blank" rel="noopener">
            查看完整报告（表格、全文和数据）
          </a>
        </p>
        <Source />
      </article>
    </Frame>
  );
}

const cell = (v: number | null) => (v === null ? '—' : String(v));

export function renderAgencyEmbed(e: AgencyEmbed) {
  return (
    <Frame title={`${e.agency} 历年政府信息公开`}>
      <article class="card">
        <table>
          <caption>{`${e.agency} 历年政府信息公开（件）`}</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">新收申请</th>
              <th scope="col">予以公开</th>
              <th scope="col">公开比例</th>
              <th scope="col">行政复议</th>
              <th scope="col">行政诉讼</th>
            </tr>
          </thead>
          <tbody>
            {e.rows.map((r) => (
              <tr>
                <th scope="row">{r.year === null ? '不明' : String(r.year)}</th>
                <td>{cell(r.received)}</td>
                <td>{cell(r.granted)}</td>
                <td>{r.share ?? '—'}</td>
                <td>{cell(r.reviews)}</td>
                <td>{cell(r.lawsuits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={e.pageUrl} target="_blank" rel="noopener">
            查看该机关的全部年度报告
          </a>
        </p>
        <p class="by">公开比例 = 予以公开 ÷ 办理结果总计；— 表示报告未列出。</p>
        <Source />
      </article>
    </Frame>
  );
}
