/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * /methodology/ (方法与指标): every indicator as it is computed — formula in symbols and in words,
 * the cells it reads (the form's words and the model's paths), the legacy appendix's formula, the
 * editions, when it is blank — then how sums, rankings and the checks across years are made. Each
 * definition has its anchor (/methodology/#disclosureRate). The model is site.methodology
 * (src/archive/methodology.ts).
 */
import { Layout } from './_includes/layout.tsx';
import type { Data } from './_includes/data.ts';
import type { FormulaView } from '../src/archive/methodology.ts';

export const data = { permalink: '/methodology/index.html' };

function Terms({ formula, caption }: { formula: FormulaView; caption: string }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={caption}>
      <table class="terms">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">符号</th>
            <th scope="col">含义</th>
            <th scope="col">所读单元格（表格用语）</th>
            <th scope="col">模型路径（report.json）</th>
          </tr>
        </thead>
        <tbody>
          {formula.terms.map((t) => (
            <tr>
              <th scope="row">
                <code>{t.symbol}</code>
              </th>
              <td>{t.name}</td>
              <td>
                <ul class="cells">
                  {t.cells.map((c) => (
                    <li>{c.words}</li>
                  ))}
                </ul>
              </td>
              <td>
                <ul class="cells">
                  {t.cells.map((c) => (
                    <li>
                      <code>{c.path}</code>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function render({ site }: Data) {
  const m = site.methodology;
  return (
    <Layout title="方法与指标" canonical={m.canonical} description="各项派生指标（公开率、不予公开率、复议纠错率等）的公式、所读单元格、空白规则，以及汇总、排名和跨年度检查的方法。" breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '方法与指标' }]}>
      <h1>方法与指标</h1>
      <p class="lead">
        {'本站从每份报告的法定统计表（表二、表三、表四；2019 年以前为附表）算出下列指标。每项指标都写明公式、所读的单元格和留空的规则；同样的定义以数据形式发布在 '}
        {/* A data file to save, as on the data page (the bulk data writes it). */}
        <a href={m.dataUrl} download>
          <code>{m.dataUrl}</code>
        </a>
        {'。'}
      </p>
      <nav class="toc" aria-label="指标目录">
        <ol>
          <li>
            <a href="#headline">首选指标</a>
          </li>
          <li>
            <a href="#aggregates">汇总方法</a>
          </li>
          <li>
            <a href="#ranking">排名与最低样本量</a>
          </li>
          <li>
            <a href="#across-years">跨年度检查</a>
          </li>
          {m.groups.map((g) => (
            <li>
              <a href={`#group-${g.key}`}>{g.label}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="headline">
        <h2 id="headline">{`首选指标：${m.headline.name} ${m.headline.formula}`}</h2>
        <p>{m.headline.note}</p>
        <p>
          <a href={`#${m.headline.id}`}>{`${m.headline.name}的完整定义`}</a>
        </p>
      </section>

      <section aria-labelledby="aggregates">
        <h2 id="aggregates">汇总方法</h2>
        <p>一个地区、一个年度或一类机关的比例指标，是其全部报告的分子之和除以分母之和，从不把各机关的比率直接平均：大机关和小机关按各自的件数计入。计数指标（申请量、办理量）和差额指标直接相加。每个汇总值旁注明 n，即能算出该项的报告份数；算不出的报告（单元格空白、表格版本没有这一项、分母为 0）不计入分子和分母，也不计入 n。</p>
        <p>{`例：两个机关的${m.headline.name}分别为 ${m.example.parts.join('、')}。`}</p>
        <ul>
          <li>{`汇总：${m.example.sum}（本站的算法）；`}</li>
          <li>{`而不是平均：${m.example.mean}。`}</li>
        </ul>
      </section>

      <section aria-labelledby="ranking">
        <h2 id="ranking">排名与最低样本量</h2>
        <p>{`排名从高到低，数值相同者名次相同，下一名次相应顺延（1、2、2、4）。件数太少时比率偶然性很大（2 件中公开 2 件就是 100%），所以只有分母（计数指标为其本身）不少于 ${m.minimum} 件的机关或地区参加排名，其余标「样本不足」，不计名次；算不出数值的标「—」。差额指标不排名。`}</p>
        <p>{`本站的最低样本量为 ${m.minimum} 件，取自${m.minimumSource}。`}</p>
        <p>{`地区年度对比页上的${m.headline.name}分布图也只计达到这一件数的机关。机关类型（${m.kinds.join('、')}）按机关名称的结尾判断。`}</p>
      </section>

      <section aria-labelledby="across-years">
        <h2 id="across-years">跨年度检查</h2>
        <p>同一机关相邻两年的报告互相核对，发现的问题记在后一年的报告上（见各报告页的「数据质量」）：</p>
        <ul>
          <li>结转：本年表三「上年结转」应等于上一年表三「结转下年度继续办理」，逐列核对；</li>
          <li>存量与流量（表二，2021 版）：规章、行政规范性文件的「现行有效件数」应等于上年现行有效件数 + 本年制发件数 − 本年废止件数；</li>
          <li>{`突变：一项指标与上一年之比大于 ${m.jump.above} 或小于 ${m.jump.below}，且两年的件数都不少于 ${m.minimum} 件（比例和比值看分母，计数看两年中较大的数），记为一条提示，请读者核对两年的报告。`}</li>
        </ul>
      </section>

      {m.groups.map((g) => (
        <section aria-labelledby={`group-${g.key}`}>
          <h2 id={`group-${g.key}`}>{g.label}</h2>
          {g.definitions.map((d) => (
            <article class="definition" id={d.id} aria-labelledby={`${d.id}-name`}>
              <h3 id={`${d.id}-name`}>
                {d.name} <code class="id">{d.id}</code>
                {d.headline ? <span class="badge">首选</span> : null}
              </h3>
              <dl class="meta">
                <dt>公式</dt>
                <dd>
                  <code>{d.formula.symbols}</code>
                </dd>
                <dt>文字</dt>
                <dd>{d.formula.words}</dd>
                <dt>类型</dt>
                <dd>{d.kind}</dd>
                <dt>旧版附表</dt>
                <dd>
                  {d.legacy ? (
                    <>
                      <code>{d.legacy.symbols}</code>
                      {`：${d.legacy.words}`}
                    </>
                  ) : (
                    d.legacyText
                  )}
                </dd>
                <dt>适用版本</dt>
                <dd>{d.editions}</dd>
                <dt>空白规则</dt>
                <dd>{d.blank}</dd>
                {d.note ? (
                  <>
                    <dt>说明</dt>
                    <dd>{d.note}</dd>
                  </>
                ) : null}
              </dl>
              <Terms formula={d.formula} caption={`${d.name}（2019 版和 2021 版表格）所读的单元格`} />
              {d.legacy ? <Terms formula={d.legacy} caption={`${d.name}（旧版附表）所读的行`} /> : null}
            </article>
          ))}
        </section>
      ))}
    </Layout>
  );
}
