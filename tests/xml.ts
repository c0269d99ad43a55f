/**
 * Test support: a small XML well-formedness check (no dependency) — one XML declaration at most and
 * first, tags that nest and close, one root element, attributes quoted, no `<` in text, and `&` only
 * as one of XML's five entities or a character reference. Enough for the sitemap and the feed, whose
 * only markup is elements, attributes and text. Returns the problem, or null.
 */
export function xmlProblem(xml: string): string | null {
  let rest = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  if (rest.includes('<?')) return 'a processing instruction or a second declaration';
  const stack: string[] = [];
  let roots = 0;
  const TEXT_OK = /^(?:[^<&]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)*$/;
  const TAG = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (!TEXT_OK.test(text)) return `bad text: ${text.slice(0, 60)}`;
    if (stack.length === 0 && text.trim()) return `text outside the root: ${text.slice(0, 60)}`;
    if (lt < 0) break;
    rest = rest.slice(lt);
    const m = TAG.exec(rest);
    if (!m) return `bad tag: ${rest.slice(0, 60)}`;
    const [whole, closing, name, attrs, selfClosing] = m;
    for (const [, quoted] of attrs!.matchAll(/=\s*("[^"]*"|'[^']*')/g)) if (!TEXT_OK.test(quoted!.slice(1, -1))) return `bad attribute value in ${whole}`;
    if (closing) {
      if (stack.pop() !== name) return `</${name}> closes nothing open`;
    } else if (!selfClosing) {
      if (stack.length === 0 && roots++ > 0) return 'a second root element';
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    rest = rest.slice(whole!.length);
  }
  if (stack.length) return `unclosed: ${stack.join(' ')}`;
  return roots === 1 ? null : 'no root element';
}
