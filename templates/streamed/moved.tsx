/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The pages left at URLs the archive published and no longer makes (src/archive/published.ts): a
 * redirect to where the page went, or a page saying it was withdrawn and why. Written by the build
 * (src/build/moved.ts), never by Eleventy.
 */
import { Layout } from '../_includes/layout.tsx';

/** A redirect: refreshes at once, names its new place for search engines, and links it for everyone else. */
export function renderRedirect({ to, canonical, shown }: { to: string; canonical: string; shown: string }) {
  return (
    <>
      {{ html: '<!doctype html>\n' }}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'" />
          <meta http-equiv="refresh" content={`0; url=${to}`} />
          <meta name="robots" content="noindex" />
          <link rel="canonical" href={canonical} />
          <title>页面已迁移 · 年报</title>
        </head>
        <body>
          <p>
            {'本页已迁移至 '}
            <a href={to}>{shown}</a>
            {'。'}
          </p>
        </body>
      </html>
    </>
  );
}

/** A withdrawn URL: what it was, why it was taken down, and where to go on. */
export function renderWithdrawn({ agency, reason, agencyUrl }: { agency: string; reason: string; agencyUrl: string | null }) {
  return (
    <Layout title="已撤回" breadcrumbs={[{ href: '/', text: '首页' }, { href: '', text: '已撤回' }]} meta={[['robots', 'noindex']]}>
      <h1>此页已撤回</h1>
      <p>{`本地址曾发布${agency}的页面，现已由本档案的维护者撤回。`}</p>
      <p>
        {'撤回原因：'}
        {reason}
      </p>
      <p>{agencyUrl ? <a href={agencyUrl}>{`查看${agency}的其他报告`}</a> : <a href="/agencies/">浏览全部机关</a>}</p>
    </Layout>
  );
}
