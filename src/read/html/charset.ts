/**
 * read (HTML): the page's characters. Portals serve GBK/GB2312 pages, some without any charset
 * declaration: a BOM decides, then a <meta> charset in the first bytes, then the bytes themselves
 * (valid UTF-8 is UTF-8; anything else is read as GB18030, the superset of GBK and GB2312).
 */
import iconv from 'iconv-lite';

const GB = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/i;

/** The charset a <meta> declares in the page's first 4 KB (read as ASCII), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  const declared = declaredCharset(bytes);
  if (declared && GB.test(declared)) return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Declared UTF-8 (or nothing) but not valid UTF-8: a GBK page saved without (or with a wrong) declaration.
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}
