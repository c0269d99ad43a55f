/**
 * A section's narrative blocks → HTML (src/render/narrative.ts): each block type gives its element,
 * the report text is always text — never markdown, never HTML — and whatever string a paragraph
 * holds comes back, entities decoded, as the same text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { renderNarrative } from '../src/render/narrative.ts';
import type { Block } from '../src/model/report.ts';

const p = (text: string): Block => ({ type: 'paragraph', text, line: 1 });
const h = (marker: string, text: string): Block => ({ type: 'heading', marker, text, line: 1 });
const ul = (...items: [string, string][]): Block => ({ type: 'list', items: items.map(([marker, text]) => ({ marker, text, line: 1 })) });

/** The character references the stringifier writes (hex, decimal, and the named ones for good measure). */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (html: string) =>
  html.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (all, hex?: string, dec?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    const c = NAMED[name!.toLowerCase()];
    assert.ok(c !== undefined, `unexpected reference ${all}`);
    return c;
  });

test('a heading is an h3 with its marker', () => {
  assert.equal(renderNarrative([h('（一）', '主动公开情况')]), '<h3>（一）主动公开情况</h3>');
  assert.equal(renderNarrative([h('1.', '')]), '<h3>1.</h3>');
});

test('a paragraph is a p', () => {
  assert.equal(renderNarrative([p('2021 年共主动公开政府信息 1810 条。')]), '<p>2021 年共主动公开政府信息 1810 条。</p>');
});

test('a list is a ul of li, one per line, each with its marker', () => {
  assert.equal(renderNarrative([ul(['①', '推进“掌上办”。'], ['②', '二维码服务。'])]), '<ul>\n<li>①推进“掌上办”。</li>\n<li>②二维码服务。</li>\n</ul>');
});

test('blocks are joined by newlines; two lists stay two lists', () => {
  assert.equal(
    renderNarrative([h('（一）', '标题'), p('正文。'), ul(['①', '甲']), ul(['②', '乙']), p('完。')]),
    '<h3>（一）标题</h3>\n<p>正文。</p>\n<ul>\n<li>①甲</li>\n</ul>\n<ul>\n<li>②乙</li>\n</ul>\n<p>完。</p>',
  );
});

test('no blocks, an empty paragraph and an empty list render as nothing', () => {
  assert.equal(renderNarrative([]), '');
  assert.equal(renderNarrative([p(''), ul()]), '');
  assert.equal(renderNarrative([p(''), p('甲'), ul(), p('乙')]), '<p>甲</p>\n<p>乙</p>');
});

test('hostile text is escaped text, never markup', () => {
  const cases: [string, string][] = [
    ['<script>alert(1)</script>', '<p>&#x3C;script>alert(1)&#x3C;/script></p>'],
    ['*bold*', '<p>*bold*</p>'],
    ['# x', '<p># x</p>'],
    ['[a](javascript:alert(1))', '<p>[a](javascript:alert(1))</p>'],
    ['&amp;', '<p>&#x26;amp;</p>'],
    ['<img src=x onerror=alert(1)>', '<p>&#x3C;img src=x onerror=alert(1)></p>'],
    ['</p><p onclick="x">', '<p>&#x3C;/p>&#x3C;p onclick="x"></p>'],
    ['<!-- c -->', '<p>&#x3C;!-- c --></p>'],
    ['    four spaces are not code', '<p>    four spaces are not code</p>'],
    ['a  \nb', '<p>a  \nb</p>'],
    ['- dash\n1. one\n> quote', '<p>- dash\n1. one\n> quote</p>'],
    ['\u0000', '<p>\uFFFD</p>'],
    ['a\uD800b\uDC00', '<p>a\uD800b\uDC00</p>'],
  ];
  for (const [text, html] of cases) {
    assert.equal(renderNarrative([p(text)]), html, JSON.stringify(text));
    assert.equal(renderNarrative([h('（一）', text)]), html.replace(/^<p>/, '<h3>（一）').replace(/<\/p>$/, '</h3>'));
    assert.equal(renderNarrative([ul(['①', text])]), html.replace(/^<p>/, '<ul>\n<li>①').replace(/<\/p>$/, '</li>\n</ul>'));
  }
  const long = `${'<b>长'.repeat(50_000)}`;
  assert.equal(renderNarrative([p(long)]), `<p>${'&#x3C;b>长'.repeat(50_000)}</p>`);
});

/** Strings of any UTF-16 code units (lone surrogates included), of any code points, and of markup-ish characters. */
const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...'<>&;#x3C/\'"=`*_[]()!-\\ \t\n\r\u0000\u00A0\u3000aè政。'), maxLength: 60 }),
);

test('any paragraph text comes back as the same text, and as nothing but one p', () => {
  const parser = unified().use(rehypeParse, { fragment: true });
  fc.assert(
    fc.property(anyText, (text) => {
      const html = renderNarrative([p(text)]);
      const shown = text.replaceAll('\u0000', '\uFFFD');
      if (!text) return assert.equal(html, '');
      // Only <p>…</p> around text where 「<」 can only be a reference: no element, attribute or comment slips in.
      const m = /^<p>([^<]*)<\/p>$/.exec(html);
      assert.ok(m, JSON.stringify(html));
      assert.equal(decode(m[1]!), shown);
      // And an HTML parser agrees: one p holding one text node (it reads a CR, CRLF included, as LF).
      const root = parser.parse(html) as Root;
      assert.equal(root.children.length, 1);
      const el = root.children[0] as Element;
      assert.equal(el.tagName, 'p');
      assert.deepEqual(el.properties, {});
      assert.deepEqual(
        el.children.map((c) => c.type),
        ['text'],
      );
      assert.equal((el.children[0] as { value: string }).value, shown.replace(/\r\n?/g, '\n'));
    }),
    { numRuns: 2000, seed: 20260318 },
  );
});
