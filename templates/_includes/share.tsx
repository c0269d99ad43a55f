/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * 链接与嵌入: a page's permanent URL, its embed's <iframe> code and a link's code, each in a readonly
 * <textarea> — selected and copied without JavaScript. The code comes from the model
 * (src/archive/embed.ts): absolute URLs with --site-url, the site's paths without.
 */
import type { ShareCode } from '../../src/archive/embed.ts';

export function ShareSection({ code, what }: { code: ShareCode; what: string }) {
  return (
    <section id="share" class="share" aria-labelledby="share-h">
      <h2 id="share-h">链接与嵌入</h2>
      <p>{`永久网址：`}<a href={code.href}>{code.permanent}</a></p>
      <p class="note">{`在政府网站或其他网页上展示${what}：复制下面的代码粘贴到网页中。嵌入卡片不含脚本，不加载其他网站的任何资源。`}</p>
      <label for="share-iframe">嵌入代码（iframe）</label>
      <textarea id="share-iframe" readonly rows={3}>{code.iframe}</textarea>
      <label for="share-link">链接代码</label>
      <textarea id="share-link" readonly rows={2}>{code.link}</textarea>
    </section>
  );
}
