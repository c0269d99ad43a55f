/**
 * search: the kind of an agency, told from how its name ends — a search filter (机关类型) that lets a
 * reader keep, say, only the people's governments, or only the street offices and townships.
 *
 * Five kinds, checked in this order (the first that matches wins):
 *   1. 街道和乡镇       — 街道办事处, 街道, …乡/镇/苏木 (人民)政府, …乡, …镇: a township's government is a
 *                        township before it is a government, so this comes first;
 *   2. 人民政府及办公室  — …人民政府, …政府, …政府办公室, …政府办公厅 (a government's general office
 *                        publishes on its behalf);
 *   3. 中心和事业单位    — …中心, …院, …所, …站, …馆, …队, …学校: service centres and public institutions;
 *   4. 政府工作部门      — …局, …厅, …委员会, …管委会, …委, …办公室, …办, …部, …署, …会: the
 *                        departments (a 行政服务中心管理委员会 is a committee, so a department);
 *   5. 其他             — anything else (a company, a court, a name cut short).
 * A name is looked at as written; a name in Traditional script has been matched in Simplified by the
 * parser already (the archive's canonical name is Simplified).
 */

export const AGENCY_KINDS = ['人民政府及办公室', '政府工作部门', '街道和乡镇', '中心和事业单位', '其他'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Name endings per kind, in the order they are tried. */
const RULES: readonly [AgencyKind, RegExp][] = [
  ['街道和乡镇', /(?:街道办事处|街道办|街道|(?:乡|镇|苏木)(?:人民)?政府(?:办公室)?|[乡镇]|苏木)$/],
  ['人民政府及办公室', /政府(?:办公室|办公厅)?$/],
  ['中心和事业单位', /(?:中心|院|所|站|馆|队|学校)$/],
  ['政府工作部门', /(?:局|厅|委员会|委|办公室|办|部|署|会)$/],
];

/** The kind of agency a name says, e.g. 凤泉区人民政府 → 人民政府及办公室, 泉港区行政服务中心 → 中心和事业单位. */
export function agencyKind(name: string): AgencyKind {
  const n = name.trim();
  for (const [kind, ending] of RULES) if (ending.test(n)) return kind;
  return '其他';
}
