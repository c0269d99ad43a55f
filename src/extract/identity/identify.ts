/**
 * identity: who reports, for which year, and where — decided by weighing every piece of evidence
 * (title, red header, first sentences, reporting period, page fields, sidecar, folder, file name)
 * instead of taking the first match. Each value keeps where it came from; weak or conflicting
 * evidence becomes a finding, and no evidence leaves the value unknown rather than guessed.
 */
import { basename, dirname } from 'node:path';
import type { SourceLine } from '../../read/decode.ts';
import type { NormalLine } from '../../read/text.ts';
import type { Evidence, EvidenceSource, Finding, Region } from '../../model/report.ts';
import { finding } from '../../model/findings.ts';
import { compact, readOpening, type Opening } from './opening.ts';
import { findTitles, type TitleFound } from './title.ts';
import { findStatements } from './statements.ts';
import { findPageFields, isoDate, PUBLISHER_LABELS, DATE_LABELS, type PageField } from './fields.ts';
import { agencyKey, expandName, isAgencyName, isPlaceOnly, nameAtEnd, NATIONAL } from './names.ts';
import { withPlace } from './place.ts';
import { regionByCode, regionFromFolders, resolveRegion } from '../region.ts';

/** How much each kind of evidence weighs. A value's score sums the best of each source. */
export const WEIGHTS: Record<EvidenceSource, number> = {
  sidecar: 1000,
  title: 100,
  period: 90,
  header: 80,
  body: 70,
  heading: 60,
  'page-field': 40,
  filename: 20,
  folder: 0,
  registry: 0,
};

/** Evidence strong enough that a disagreeing value is worth a warning. */
const CONFLICT_WEIGHT = 70;
/** Below this, the value rests on weak evidence and an info finding says so. */
const SOLID_WEIGHT = 80;

export interface IdentityInput {
  lines: readonly NormalLine[];
  /** Path relative to the reports folder: folders may name the region, the file name the agency and year. */
  path: string;
  sidecar: { agency?: string | undefined; year?: number | undefined; region?: string | number | undefined };
}

export interface Identity {
  agency: string | null;
  /** agencyKey(agency), made once (null exactly when there is no agency): the region, the aliases and the slug start from it. */
  key: string | null;
  aliases: string[];
  year: number | null;
  region: Region | null;
  title: string | null;
  titleLine: number | null;
  provenance: Record<string, 'text' | 'sidecar' | 'filename' | 'folder' | 'none'>;
  evidence: { agency: Evidence | null; year: Evidence | null; candidates: Evidence[] };
  pageFields: PageField[];
  pageDate: string | null;
  findings: Finding[];
}

/** Agency and year from a file name such as 「海淀区人民政府-2020.txt」. */
export function identityFromFileName(path: string): { agency: string | null; year: number | null } {
  const stem = basename(path).replace(/\.[^.]+$/, '');
  const m = /^(.*?)[-_\s]*((?:19|20)\d{2})年?(?:度)?(?:[-_].*)?$/u.exec(stem);
  if (!m) return { agency: null, year: null };
  const agency = m[1]!.replace(/[-_\s]+$/, '');
  return { agency: /[\u4e00-\u9fa5]/.test(agency) ? agency : null, year: Number(m[2]) };
}

/**
 * The title as printed: its source lines with runs of spaces made one (the agency's line above first).
 * A line that holds more than the title (a flattened page) gives the title as read instead.
 */
function printedTitle(lines: readonly SourceLine[], t: TitleFound): string {
  const raw = (n: number) => lines[n - 1]?.text.trim().replace(/\s+/g, ' ') ?? '';
  const body = t.lines.map(raw).join('');
  const text = compact(body).replace(/\t/g, '') === t.title ? body : t.title;
  return t.agencyLine !== null ? `${raw(t.agencyLine)} ${text}` : text;
}

function gather(opening: Opening, fields: readonly PageField[], path: string, lines: readonly SourceLine[]): { candidates: Evidence[]; title: { text: string; line: number } | null } {
  const candidates: Evidence[] = [];
  const add = (field: Evidence['field'], value: string | number, source: EvidenceSource, line: number | null, text: string) =>
    candidates.push({ field, value, source, weight: WEIGHTS[source], line, text });
  const titles = findTitles(opening);
  const title = titles.find((t) => t.kind === 'title' && t.year !== null) ?? titles.find((t) => t.kind === 'title') ?? null;
  for (const t of titles) {
    const source = t.kind === 'title' ? 'title' : 'body';
    if (t.year !== null) add('year', t.year, source, t.line, t.text);
    if (t.agency) add('agency', t.agency, t.agencyLine !== null ? 'header' : source, t.agencyLine ?? t.line, t.text);
  }
  for (const s of findStatements(opening)) add(s.field, s.value, s.source, s.line, s.text);
  for (const f of fields) {
    if (!PUBLISHER_LABELS.has(f.label)) continue;
    const name = nameAtEnd(f.value) ?? (isAgencyName(expandName(f.value)) ? f.value : null);
    if (name) add('agency', name, 'page-field', f.line, `${f.label}：${f.value}`);
  }
  const fromName = identityFromFileName(path);
  if (fromName.agency && isAgencyName(expandName(fromName.agency))) add('agency', fromName.agency, 'filename', null, basename(path));
  if (fromName.year) add('year', fromName.year, 'filename', null, basename(path));
  return { candidates, title: title ? { text: printedTitle(lines, title), line: title.agencyLine ?? title.line } : null };
}

/**
 * One report names its body with and without the place above it (田林街道办事处, 徐汇区田林街道办事处):
 * each name maps to the fullest form among the report's own names that ends with it after a place.
 */
function fullestForms(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of keys) {
    const longer = keys.filter((l) => l.length > k.length && l.endsWith(k) && (isPlaceOnly(l.slice(0, l.length - k.length)) || l.slice(0, l.length - k.length) === NATIONAL));
    out.set(k, longer.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] ?? k);
  }
  return out;
}

interface Ranked {
  value: string | number;
  score: number;
  best: Evidence;
  all: Evidence[];
}

/** Group candidates by value; a value scores the best weight of each source, summed. */
function rank(candidates: readonly Evidence[], keyOf: (e: Evidence) => string | number): Ranked[] {
  const groups = new Map<string | number, Evidence[]>();
  for (const c of candidates) {
    const k = keyOf(c);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.entries()]
    .map(([value, all]) => {
      const bySource = new Map<string, number>();
      for (const e of all) bySource.set(e.source, Math.max(bySource.get(e.source) ?? 0, e.weight));
      const best = [...all].sort((a, b) => b.weight - a.weight || (a.line ?? Infinity) - (b.line ?? Infinity))[0]!;
      return { value, score: [...bySource.values()].reduce((a, b) => a + b, 0), best, all };
    })
    .sort((a, b) => b.score - a.score || b.best.weight - a.best.weight || (a.best.line ?? Infinity) - (b.best.line ?? Infinity));
}

const SOURCE_ZH: Record<EvidenceSource, string> = {
  title: '标题',
  period: '统计期限',
  header: '版头',
  body: '正文',
  heading: '年度标题',
  'page-field': '网页字段',
  filename: '文件名',
  folder: '所在文件夹',
  sidecar: '附加元数据',
  registry: '机关名录',
};
const where = (e: Evidence) => `${SOURCE_ZH[e.source]}${e.line ? `（第${e.line}行）` : ''}`;

/** What each finding about a decision says, per field (Chinese, for readers; the stem is the report's path). */
const SAY = {
  agency: {
    path: ['agency', 'name'],
    fromFilename: (v: string | number, stem: string) => `正文未写明发布机关，机关名称「${v}」取自文件名。确认无误后，可在 ${stem}.meta.yaml 中写入「agency: ${v}」。`,
    weak: (v: string | number, e: Evidence, stem: string) => `报告没有写明机关的标题，发布机关「${v}」仅依据${where(e)}「${e.text}」确定。请核对：无误可在 agencies.yaml 中登记该机关（npm run agencies 生成条目），有误请在 ${stem}.meta.yaml 中写入「agency: 机关全称」。`,
    conflict: (v: string | number, e: Evidence, r: Ranked, stem: string) => `${where(e)}写明发布机关为「${v}」，而${where(r.best)}写作「${r.value}」。已采用前者；如有误，请在 ${stem}.meta.yaml 中写入「agency: 机关全称」。`,
    unknown: (stem: string) => `无法确定发布机关：标题、版头、正文开头、网页字段和文件名都没有写明机关名称。请添加 ${stem}.meta.yaml，写入「agency: 机关全称」。`,
  },
  year: {
    path: ['year'],
    fromFilename: (v: string | number, stem: string) => `正文未写明报告年度，年度 ${v} 取自文件名。确认无误后，可在 ${stem}.meta.yaml 中写入「year: ${v}」。`,
    weak: (v: string | number, e: Evidence, stem: string) => `报告的标题和统计期限都没有写明年度，年度 ${v} 仅依据${where(e)}「${e.text}」确定。请核对：可在 ${stem}.meta.yaml 中写入「year: ${v}」或正确的年度。`,
    conflict: (v: string | number, e: Evidence, r: Ranked, stem: string) => `${where(e)}写明年度为 ${v}，而${where(r.best)}为 ${r.value} 年（「${r.best.text}」）。已采用 ${v}；如有误，请在 ${stem}.meta.yaml 中写入「year: 统计年度」。`,
    unknown: (stem: string) => `无法确定报告年度：标题、统计期限、正文开头和文件名都没有写明年度（发布日期、文号和法规日期不作为年度）。请添加 ${stem}.meta.yaml，写入「year: 统计年度」（如 2021）。`,
  },
} as const;

interface Decision {
  value: string | number | null;
  evidence: Evidence | null;
  provenance: Identity['provenance'][string];
  findings: Finding[];
}

/**
 * One identity field decided: the sidecar if it says, else the best-ranked value, with a finding
 * when it rests on the file name or on weak evidence, when a strong rival disagrees, or when nothing says.
 */
function decide(field: 'agency' | 'year', sidecar: string | number | undefined, ranked: readonly Ranked[], stem: string, isRival: (top: Ranked, r: Ranked) => boolean): Decision {
  const say = SAY[field];
  const path = [...say.path];
  if (sidecar) return { value: sidecar, provenance: 'sidecar', findings: [], evidence: { field, value: sidecar, source: 'sidecar', weight: WEIGHTS.sidecar, line: null, text: `${stem}.meta.yaml` } };
  const top = ranked[0];
  if (!top) return { value: null, evidence: null, provenance: 'none', findings: [finding(`${field}-unknown`, 'error', say.unknown(stem), path)] };
  const findings: Finding[] = [];
  const { best } = top;
  if (best.source === 'filename') findings.push(finding(`${field}-from-filename`, 'info', say.fromFilename(top.value, stem), path));
  else if (best.weight < SOLID_WEIGHT) findings.push(finding(`${field}-weak`, 'info', say.weak(top.value, best, stem), path, best.line));
  const rival = ranked.slice(1).find((r) => r.best.weight >= CONFLICT_WEIGHT && isRival(top, r));
  if (rival) findings.push(finding(`${field}-conflict`, 'warning', say.conflict(top.value, best, rival, stem), path, rival.best.line));
  return { value: top.value, evidence: best, provenance: best.source === 'filename' ? 'filename' : 'text', findings };
}

export function identify(input: IdentityInput): Identity {
  const opening = readOpening(input.lines);
  const pageFields = findPageFields(input.lines);
  const { candidates: raw, title } = gather(opening, pageFields, input.path, input.lines);
  const findings: Finding[] = [];
  const provenance: Identity['provenance'] = {};
  const folders = dirname(input.path).split(/[\\/]/).filter((s) => s && s !== '.');
  const folderRegion = regionFromFolders(folders);
  const context = `${folders.join(' ')}\n${opening.text}`;

  // Short and placeless names (县教科局, 区政府办公室) take their place from a full mention or the context.
  const candidates = raw.map((c) => (c.field === 'agency' ? { ...c, value: withPlace(String(c.value), opening, folderRegion) } : c));
  // Each agency candidate's key, computed once, with how the text wrote it; then its group: the fullest form of the key.
  const named = candidates.flatMap((c, i) => (c.field === 'agency' ? [{ c, key: agencyKey(String(c.value)), written: String(raw[i]!.value) }] : []));
  const fullest = fullestForms(named.map((n) => n.key));
  const groupOf = new Map(named.map((n) => [n.c, fullest.get(n.key)!]));
  const agencyCandidates = named.map((n) => n.c);
  const agencies = rank(agencyCandidates, (c) => groupOf.get(c)!);
  const years = rank(candidates.filter((c) => c.field === 'year'), (c) => Number(c.value));
  const stem = input.path;

  // A body and its office or committee (某中心 / 某中心管委会, 区政府 / 区政府办公室 that compiled the report) are no conflict.
  const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a) || b.endsWith(a);
  const agencyDecision = decide('agency', input.sidecar.agency?.replace(/\s+/g, ''), agencies, stem, (top, r) => r.best.source !== 'page-field' && !related(String(r.value), String(top.value)));
  const yearDecision = decide('year', input.sidecar.year, years, stem, () => true);
  for (const [field, d] of [['agency', agencyDecision], ['year', yearDecision]] as const) {
    provenance[field] = d.provenance;
    findings.push(...d.findings);
  }
  const agency = agencyDecision.value === null ? null : String(agencyDecision.value);
  const key = agency ? agencyKey(agency) : null;
  const year = yearDecision.value === null ? null : Number(yearDecision.value);
  const agencyEvidence = agencyDecision.evidence;
  const yearEvidence = yearDecision.evidence;

  // Region
  let region: Region | null = null;
  if (input.sidecar.region !== undefined) {
    const code = String(input.sidecar.region);
    region = regionByCode(code);
    provenance['region'] = 'sidecar';
    if (!region) findings.push(finding('region-code-unknown', 'error', `附加元数据中的区划代码 ${code} 不在 GB/T 2260 区划表中。`, ['agency', 'region']));
  } else if (key !== null) {
    const r = resolveRegion(key.replace(NATIONAL, ''), `${folders.join(' ').repeat(3)}\n${context}`);
    region = r.region ?? (r.ambiguous.length ? null : folderRegion);
    provenance['region'] = r.region ? 'text' : region ? 'folder' : 'none';
    if (r.ambiguous.length) {
      findings.push(finding('region-ambiguous', 'warning', `机关名称中的地名对应多个行政区划（${r.ambiguous.map((a) => `${a.path.join('')} ${a.code}`).join('、')}），正文未给出足以区分的上级地名。请在 ${stem}.meta.yaml 中写明 region，或把报告放在以区划命名的文件夹中。`, ['agency', 'region']));
    } else if (!region) {
      findings.push(finding('region-unknown', 'warning', `无法从机关名称「${agency}」确定所属行政区划。请在 ${stem}.meta.yaml 中写明 region（六位区划代码），或把报告放在以区划命名的文件夹中（如 reports/福建省/泉州市/）。`, ['agency', 'region']));
    }
  } else provenance['region'] = 'none';

  const aliases = [...new Set(named.filter((n) => groupOf.get(n.c) === key).flatMap((n) => [String(n.c.value), n.written]))]
    .map((a) => a.replace(/\s+/g, ''))
    .filter((a) => a !== agency);
  const date = pageFields.find((f) => DATE_LABELS.has(f.label));
  return {
    agency,
    key,
    aliases,
    year,
    region,
    title: title?.text ?? null,
    titleLine: title?.line ?? null,
    provenance,
    evidence: { agency: agencyEvidence, year: yearEvidence, candidates: candidates.slice(0, 30) },
    pageFields,
    pageDate: date ? isoDate(date.value) : null,
    findings,
  };
}
