/**
 * archive: two files of one agency and year. A shared folder holds stale copies beside the real
 * report (「凤泉区人民政府-2021 (副本).txt」, 「…-备份.txt」); which one is published is decided by
 * evidence, never by which name sorts first: the file whose own text states the identity, then the
 * name that is not a copy's, then the one with fewer errors. When the evidence ties, both are named
 * and --strict fails.
 */
import type { Report } from '../model/report.ts';
import { byCodePoint } from './order.ts';

export interface Duplicate {
  /** The report left out. */
  report: Report;
  /** The report published in its place. */
  kept: Report;
  /** Why the kept one was chosen (English, for the summary). */
  why: string;
  /** No evidence told them apart: the first by path was published; --strict fails. */
  tied: boolean;
}

/** How a copy's file name looks: 副本, 拷贝, 备份, copy, backup, old, 旧, (2), ~$. */
const COPY = /副本|拷贝|复制|备份|copy|backup|(?:^|[^a-z])old(?:[^a-z]|$)|旧|~\$|[(（]\d+[)）]|_\d+\.[a-z]+$/iu;

const named = (r: Report) => ['agency', 'year'].every((k) => ['text', 'sidecar', 'registry'].includes(r.provenance[k] ?? 'none'));
const errors = (r: Report) => r.findings.filter((f) => f.severity === 'error').length;
const fileName = (r: Report) => r.source.path.split('/').pop() ?? r.source.path;

/** The evidence, strongest first: each a reason and a score (higher is better). */
const EVIDENCE: [string, (r: Report) => number][] = [
  ['its text states the agency and year', (r) => (named(r) ? 1 : 0)],
  ['its name is not a copy\'s', (r) => (COPY.test(fileName(r)) ? 0 : 1)],
  ['it has fewer errors', (r) => -errors(r)],
];

/** Of reports sharing one id, the one to publish and the others with why. */
export function pickOne(same: readonly Report[]): { kept: Report; duplicates: Duplicate[] } {
  const ranked = [...same].sort((a, b) => {
    for (const [, score] of EVIDENCE) if (score(a) !== score(b)) return score(b) - score(a);
    return byCodePoint(a.source.path, b.source.path);
  });
  const kept = ranked[0]!;
  const duplicates = ranked.slice(1).map((report) => {
    const decisive = EVIDENCE.find(([, score]) => score(kept) !== score(report));
    return { report, kept, why: decisive ? decisive[0] : 'nothing told them apart; the first by path was published', tied: !decisive };
  });
  return { kept, duplicates };
}
