/**
 * The optional `<report file>.meta.yaml`, checked field by field: every valid field is kept (it
 * overrides what the text says), every invalid or unknown one is dropped, and one finding in Chinese
 * says which and what each should be. Pure: the YAML comes parsed (src/io.ts reads the file).
 */
import { z } from 'zod';
import { finding, type Finding } from '../model/findings.ts';

/** A sidecar file larger than this is not read (src/io.ts): a real one is a few lines. */
export const SIDECAR_MAX_BYTES = 64 * 1024;

const AGENCY_MAX = 200;
const URL_MAX = 2000;

/** Characters as a reader counts them (code points, not UTF-16 units). */
const length = (s: string) => [...s].length;

/** An absolute http(s) URL with a host, nothing a browser would run (javascript:, data:) and no spaces or control characters. */
function isWebUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s) || /[\s\u0000-\u001f\u007f]/.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** YYYY-MM-DD naming a day of the calendar (no 2022-13-45, no 2021-02-29). */
function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** A YAML timestamp (the 1.1 schema reads an unquoted date as a Date) becomes its UTC day. */
const dayOf = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));

/** Each field: its schema, and what it should be (the finding's words). */
const FIELDS = {
  // No control characters, no bidirectional overrides: they would reach the terminal summary and turn text around on the pages.
  agency: { schema: z.string().trim().min(1).refine((s) => length(s) <= AGENCY_MAX && !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(s)), expect: `agency 应为机关名称（1–${AGENCY_MAX} 个字，不含控制字符）` },
  year: { schema: z.number().int().min(1990).max(2100), expect: 'year 应为 1990–2100 的整数' },
  region: { schema: z.union([z.string().regex(/^\d{6}$/), z.number().int().min(100000).max(999999).transform(String)]), expect: 'region 应为六位区划代码（如 "410704"）' },
  sourceUrl: { schema: z.string().max(URL_MAX).refine(isWebUrl), expect: `sourceUrl 应为 http:// 或 https:// 开头的网址（不超过 ${URL_MAX} 个字符）` },
  publishedOn: { schema: z.union([z.string(), z.date().transform(dayOf)]).refine(isRealDate), expect: 'publishedOn 应为真实日期 YYYY-MM-DD（如 2022-01-20）' },
} as const;
type Field = keyof typeof FIELDS;
const NAMES = Object.keys(FIELDS) as Field[];
const ALLOWED = `可用字段为 ${NAMES.join('、')}`;

/** The sidecar's fields, as validated (region as a string, publishedOn as YYYY-MM-DD). */
export const Sidecar = z
  .object({
    agency: FIELDS.agency.schema.optional(),
    year: FIELDS.year.schema.optional(),
    region: FIELDS.region.schema.optional(),
    sourceUrl: FIELDS.sourceUrl.schema.optional(),
    publishedOn: FIELDS.publishedOn.schema.optional(),
  })
  .strict();
export type Sidecar = z.output<typeof Sidecar>;

/** Text as a finding quotes it: on one line, at most `max` characters. */
function clip(s: string, max: number): string {
  const chars = [...s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** A value as the finding quotes it. */
function shown(v: unknown): string {
  if (typeof v === 'string') return `「${clip(v, 40)}」${/^\s*\d+\s*$/.test(v) ? '（加了引号的文字）' : ''}`;
  if (typeof v === 'boolean') return `是非值「${v}」`;
  if (v instanceof Date) return dayOf(v) || '无效日期';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object' && v !== null) return '映射';
  return String(v);
}

/**
 * The sidecar of the report at `path` (as the archive knows it), parsed from YAML: its valid fields,
 * and one `sidecar-invalid` finding when any field is invalid or not allowed. A field left empty
 * (`sourceUrl:`) counts as not given; an empty file gives nothing.
 */
export function checkSidecar(raw: unknown, path: string): { sidecar: Sidecar; findings: Finding[] } {
  const file = `附加元数据文件 ${path}.meta.yaml`;
  if (raw === undefined || raw === null) return { sidecar: {}, findings: [] };
  if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Date) {
    const hint = typeof raw === 'string' && raw.includes('：') ? '（字段后的冒号应为半角「:」）' : '';
    return { sidecar: {}, findings: [finding('sidecar-invalid', 'error', `${file} 应为每行「字段: 值」的 YAML（${ALLOWED}），现为${shown(raw)}${hint}。已忽略该文件。`)] };
  }
  const sidecar: Record<string, unknown> = {};
  const problems: string[] = [];
  const record = raw as Record<string, unknown>;
  for (const name of NAMES) {
    if (!Object.hasOwn(record, name) || record[name] === null || record[name] === undefined) continue;
    const parsed = FIELDS[name].schema.safeParse(record[name]);
    if (parsed.success) sidecar[name] = parsed.data;
    else problems.push(`${FIELDS[name].expect}，现为${shown(record[name])}`);
  }
  const unknown = Object.keys(record).filter((k) => !(NAMES as string[]).includes(k));
  if (unknown.length) {
    const listed = unknown.slice(0, 10).map((k) => clip(k, 30)).join('、') + (unknown.length > 10 ? ` 等 ${unknown.length} 个` : '');
    problems.push(`不允许的字段 ${listed}（${ALLOWED}）`);
  }
  const findings = problems.length
    ? [finding('sidecar-invalid', 'error', `${file} 中有无法使用的内容，已忽略${Object.keys(sidecar).length ? '这些字段，其余字段照常采用' : '这些字段'}：${problems.join('；')}。`)]
    : [];
  return { sidecar: sidecar as Sidecar, findings };
}
