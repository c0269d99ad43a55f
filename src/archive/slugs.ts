/**
 * archive: one slug, one agency. Toneless pinyin makes different names one slug (山西/陕西,
 * 朝阳区/潮阳区, 冀州/蓟州), and one name stands for bodies of different places (鼓楼区 of 福州 and
 * of 南京). Agencies sharing a slug are told apart by their region code (or, without one, a short
 * hash of the name), deterministically; the registry then keeps a published slug from ever changing.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../model/report.ts';
import { agencyKey } from '../extract/identity/names.ts';
import { groupBy } from './group.ts';

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

/** Who an agency is, for telling agencies apart: its folded name and its region. */
const identityOf = (r: Report) => (r.agency.registered ? `registry:${r.agency.name}` : `${agencyKey(r.agency.name)}|${r.agency.region?.code ?? ''}`);

/** Reports with each agency's slug unique to it (and ids to match). Slugs the registry set are kept. */
export function uniqueSlugs(reports: readonly Report[]): Report[] {
  const renamed = new Map<Report, string>();
  for (const [slug, rs] of groupBy(reports, (r) => [r.agency.slug])) {
    const identities = new Set(rs.map(identityOf));
    if (identities.size < 2) continue;
    const taken = new Set<string>();
    for (const [id, group] of groupBy(rs, (r) => [identityOf(r)])) {
      const first = group[0]!;
      let next = first.agency.registered ? slug : `${slug}-${first.agency.region?.code ?? hash(id)}`;
      if (taken.has(next)) next = `${slug}-${hash(id)}`;
      taken.add(next);
      for (const r of group) renamed.set(r, next);
    }
  }
  return reports.map((r) => {
    const slug = renamed.get(r);
    return slug && slug !== r.agency.slug ? { ...r, id: `${slug}/${r.year ?? 'unknown'}`, agency: { ...r.agency, slug } } : r;
  });
}
