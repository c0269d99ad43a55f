/**
 * The one table that maps every statutory label to its data-contract key (docs/reports.md §3).
 * Parser, renderer and CSV all read it; nothing else spells these labels.
 *
 * `match` lists the label cores the parser looks for once a label is normalised
 * (whitespace, brackets and numbering removed); several are given where real reports
 * print known variants or typos (e.g. 「其他法律法规禁止公开」, 「本年度止件数」).
 */

export const SECTION_KEYS = ['overview', 'proactive', 'requests', 'reviewLitigation', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface SectionLabel {
  key: SectionKey;
  canonical: string;
  /** Normalised title cores that identify the section (docs/reports.md §2, plus legacy parts). */
  match: readonly string[];
}

export const SECTIONS: readonly SectionLabel[] = [
  { key: 'overview', canonical: '总体情况', match: ['总体情况', '概述', '总体工作情况'] },
  { key: 'proactive', canonical: '主动公开政府信息情况', match: ['主动公开政府信息情况', '主动公开政府信息的情况', '主动公开情况'] },
  {
    key: 'requests',
    canonical: '收到和处理政府信息公开申请情况',
    match: ['收到和处理政府信息公开申请情况', '依申请公开政府信息办理情况', '依申请公开政府信息情况', '依申请公开情况'],
  },
  {
    key: 'reviewLitigation',
    canonical: '政府信息公开行政复议、行政诉讼情况',
    match: ['行政复议', '行政诉讼'],
  },
  { key: 'problems', canonical: '存在的主要问题及改进情况', match: ['存在的主要问题', '存在问题', '主要问题及改进'] },
  {
    key: 'other',
    canonical: '其他需要报告的事项',
    // 收费及减免 is a legacy part that belongs to `other` (docs/reports.md §2).
    match: ['其他需要报告的事项', '需要说明的其他事项', '其他事项', '收费及减免', '收费和减免'],
  },
];

/** Applicant columns of table 3, in printed order. */
export const REQUEST_COLUMNS = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'socialWelfare', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
] as const;
export type RequestColumn = (typeof REQUEST_COLUMNS)[number]['key'];

export interface RowLabel {
  key: string;
  /** The label as the 2021 form prints it. */
  label: string;
  /** Group heading printed before the label in the form, e.g. 「（三）不予公开」. */
  group?: string;
  /** Normalised cores that identify the row; the first one that matches wins. */
  match: readonly string[];
  /** Editions whose form has this row. */
  editions: readonly Edition[];
  /** True for rows counted in the （七）总计 row (the 办理结果 rows). */
  result?: boolean;
}

export type Edition = 'legacy' | '2019' | '2021';

const modern: readonly Edition[] = ['2019', '2021'];

/** Rows of table 3 in printed order. */
export const REQUEST_ROWS: readonly RowLabel[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', match: ['本年新收'], editions: modern },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', match: ['上年结转'], editions: modern },
  { key: 'granted', label: '（一）予以公开', group: '三、本年度办理结果', match: ['予以公开'], editions: modern, result: true },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', match: ['部分公开'], editions: modern, result: true },
  { key: 'denied.stateSecret', label: '1.属于国家秘密', group: '（三）不予公开', match: ['国家秘密'], editions: modern, result: true },
  { key: 'denied.otherLaws', label: '2.其他法律行政法规禁止公开', group: '（三）不予公开', match: ['禁止公开'], editions: modern, result: true },
  { key: 'denied.threeSecurities', label: '3.危及“三安全一稳定”', group: '（三）不予公开', match: ['三安全一稳定', '三安全'], editions: modern, result: true },
  { key: 'denied.thirdParty', label: '4.保护第三方合法权益', group: '（三）不予公开', match: ['第三方合法权益', '第三方'], editions: modern, result: true },
  { key: 'denied.internalAffairs', label: '5.属于三类内部事务信息', group: '（三）不予公开', match: ['内部事务'], editions: modern, result: true },
  { key: 'denied.processInfo', label: '6.属于四类过程性信息', group: '（三）不予公开', match: ['过程性信息'], editions: modern, result: true },
  { key: 'denied.enforcementFiles', label: '7.属于行政执法案卷', group: '（三）不予公开', match: ['执法案卷'], editions: modern, result: true },
  { key: 'denied.queryMatters', label: '8.属于行政查询事项', group: '（三）不予公开', match: ['查询事项'], editions: modern, result: true },
  { key: 'unavailable.notHeld', label: '1.本机关不掌握相关政府信息', group: '（四）无法提供', match: ['不掌握'], editions: modern, result: true },
  { key: 'unavailable.needsCreation', label: '2.没有现成信息需要另行制作', group: '（四）无法提供', match: ['另行制作', '没有现成'], editions: modern, result: true },
  { key: 'unavailable.unclear', label: '3.补正后申请内容仍不明确', group: '（四）无法提供', match: ['仍不明确', '补正后'], editions: modern, result: true },
  { key: 'notProcessed.petition', label: '1.信访举报投诉类申请', group: '（五）不予处理', match: ['信访举报', '投诉类'], editions: modern, result: true },
  { key: 'notProcessed.duplicate', label: '2.重复申请', group: '（五）不予处理', match: ['重复申请'], editions: modern, result: true },
  { key: 'notProcessed.publication', label: '3.要求提供公开出版物', group: '（五）不予处理', match: ['公开出版物', '出版物'], editions: modern, result: true },
  { key: 'notProcessed.excessive', label: '4.无正当理由大量反复申请', group: '（五）不予处理', match: ['大量反复'], editions: modern, result: true },
  { key: 'notProcessed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理', match: ['重新出具', '确认或'], editions: modern, result: true },
  // The 2019 form has one 其他处理 row; the 2021 form splits it into three.
  { key: 'otherHandling', label: '（六）其他处理', match: ['其他处理'], editions: ['2019'], result: true },
  { key: 'otherHandling.noCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', match: ['逾期不补正', '不补正'], editions: ['2021'], result: true },
  { key: 'otherHandling.unpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: '（六）其他处理', match: ['缴纳费用', '收费通知'], editions: ['2021'], result: true },
  { key: 'otherHandling.other', label: '3.其他', group: '（六）其他处理', match: ['其他'], editions: ['2021'], result: true },
  { key: 'total', label: '（七）总计', match: ['总计'], editions: modern },
  { key: 'carriedForward', label: '四、结转下年度继续办理', match: ['结转下年'], editions: modern },
];

/** Table 4 column groups and fields, in printed order. */
export const REVIEW_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼 · 未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼 · 复议后起诉' },
] as const;
export const REVIEW_FIELDS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

export interface ProactiveRowLabel {
  key: string;
  label: string;
  /** 第二十条第（N）项 caption the row sits under. */
  item: string;
  match: readonly string[];
  fields: readonly { key: string; label: string }[];
}

const fields2021Docs = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
] as const;
const fields2019Docs = [
  { key: 'newlyMade', label: '本年新制作数量' },
  { key: 'newlyPublished', label: '本年新公开数量' },
  { key: 'totalPublished', label: '对外公开总数量' },
] as const;
const fields2019Items = [
  { key: 'previousCount', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
] as const;

/** Rows of table 2 per edition, in printed order. */
export const PROACTIVE_ROWS: Record<'2019' | '2021', readonly ProactiveRowLabel[]> = {
  '2021': [
    { key: 'regulations', label: '规章', item: '（一）', match: ['规章'], fields: fields2021Docs },
    { key: 'normativeDocuments', label: '行政规范性文件', item: '（一）', match: ['规范性文件'], fields: fields2021Docs },
    { key: 'licensing', label: '行政许可', item: '（五）', match: ['行政许可'], fields: [{ key: 'decisions', label: '本年处理决定数量' }] },
    { key: 'penalties', label: '行政处罚', item: '（六）', match: ['行政处罚'], fields: [{ key: 'decisions', label: '本年处理决定数量' }] },
    { key: 'enforcement', label: '行政强制', item: '（六）', match: ['行政强制'], fields: [{ key: 'decisions', label: '本年处理决定数量' }] },
    { key: 'fees', label: '行政事业性收费', item: '（八）', match: ['行政事业性收费', '事业性收费'], fields: [{ key: 'amount', label: '本年收费金额（单位：万元）' }] },
  ],
  '2019': [
    { key: 'regulations', label: '规章', item: '（一）', match: ['规章'], fields: fields2019Docs },
    { key: 'normativeDocuments', label: '规范性文件', item: '（一）', match: ['规范性文件'], fields: fields2019Docs },
    { key: 'licensing', label: '行政许可', item: '（五）', match: ['行政许可'], fields: fields2019Items },
    { key: 'otherServices', label: '其他对外管理服务事项', item: '（五）', match: ['其他对外管理服务', '对外管理服务'], fields: fields2019Items },
    { key: 'penalties', label: '行政处罚', item: '（六）', match: ['行政处罚'], fields: fields2019Items },
    { key: 'enforcement', label: '行政强制', item: '（六）', match: ['行政强制'], fields: fields2019Items },
    { key: 'fees', label: '行政事业性收费', item: '（八）', match: ['行政事业性收费', '事业性收费'], fields: fields2019Items.slice(0, 2) },
    {
      key: 'procurement',
      label: '政府集中采购',
      item: '（九）',
      match: ['政府集中采购', '集中采购'],
      fields: [
        { key: 'projects', label: '采购项目数量' },
        { key: 'amount', label: '采购总金额' },
      ],
    },
  ],
};
