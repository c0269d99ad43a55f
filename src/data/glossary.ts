/**
 * The statutory terms the data uses, explained for readers who do not work in a disclosure office.
 * Each term is the form's own label, taken from src/model/labels.ts (never spelled here), beside
 * the columns it names and a short explanation written for the data page.
 */
import { PROACTIVE_ROWS, REQUEST_ROWS, REVIEW_FIELDS, REVIEW_GROUPS } from '../model/labels.ts';

export interface Term {
  /** The form's label. */
  term: string;
  /** The contract keys it names (column names of reports.csv, or key patterns). */
  keys: string[];
  explanation: string;
}

const row = (key: string) => REQUEST_ROWS.find((r) => r.key === key)!;
/** A group heading of table 3 (「（三）不予公开」) as the rows under it print it. */
const group = (prefix: string) => REQUEST_ROWS.find((r) => r.key.startsWith(`${prefix}.`))!.group!;
const reviewGroup = (key: string) => REVIEW_GROUPS.find((g) => g.key === key)!.label;
const reviewField = (key: string) => REVIEW_FIELDS.find((f) => f.key === key)!.label;
const proactiveField = (edition: '2019' | '2021', rowKey: string, fieldKey: string) => PROACTIVE_ROWS[edition].find((r) => r.key === rowKey)!.fields.find((f) => f.key === fieldKey)!.label;

const requestTerm = (key: string, explanation: string): Term => ({ term: row(key).label, keys: [`requests.${key}.*`], explanation });

/** Why each of the eight grounds of 不予公开 applies (条例第十四、十五、十六条). */
const DENIED: [string, string][] = [
  ['denied.stateSecret', '依法确定为国家秘密的信息。'],
  ['denied.otherLaws', '法律、行政法规禁止公开的其他信息。'],
  ['denied.threeSecurities', '公开后可能危及国家安全、公共安全、经济安全、社会稳定的信息。'],
  ['denied.thirdParty', '涉及商业秘密、个人隐私等，公开会损害第三方合法权益的信息。'],
  ['denied.internalAffairs', '人事管理、后勤管理、内部工作流程等内部事务信息。'],
  ['denied.processInfo', '讨论记录、过程稿、磋商信函、请示报告等过程性信息。'],
  ['denied.enforcementFiles', '行政执法案卷信息。'],
  ['denied.queryMatters', '法律法规规定通过查询途径获取的信息（如不动产登记资料）。'],
];

export const GLOSSARY: readonly Term[] = [
  requestTerm('newReceived', '本年度内新收到的政府信息公开申请件数（表三第一项）。'),
  requestTerm('carriedOver', '上一年度未办结、转入本年度继续办理的申请件数；应等于上年报告的「结转下年度继续办理」。'),
  requestTerm('granted', '申请的信息全部予以公开。'),
  requestTerm('partiallyGranted', '部分公开、部分不公开；一件申请作区分处理的，只计入此项。'),
  { term: group('denied'), keys: ['requests.denied.*'], explanation: '依法不予公开，按八种理由分列（下列各项）。' },
  ...DENIED.map(([key, explanation]) => ({ term: row(key).label, keys: [`requests.${key}.*`], explanation })),
  { term: group('unavailable'), keys: ['requests.unavailable.*'], explanation: '信息无法提供：本机关不掌握、需另行制作、或补正后申请内容仍不明确。' },
  { term: group('notProcessed'), keys: ['requests.notProcessed.*'], explanation: '申请不属于政府信息公开的范围而不予处理：信访举报投诉、重复申请、要求提供出版物、无正当理由大量反复申请、要求确认或重新出具已获取的信息。' },
  { term: row('otherHandling').label, keys: ['requests.otherHandling.*'], explanation: '其他处理方式。2019 版为一行（otherHandling）；2021 版分为逾期不补正、逾期未缴费、其他三行，跨版比较时将三行相加。' },
  requestTerm('total', '办理结果总计：以上各项办理结果（予以公开至其他处理）之和。'),
  requestTerm('carriedForward', '年底尚未办结、结转下一年度继续办理的申请件数。表三的勾稽关系：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。'),
  { term: reviewGroup('review'), keys: ['reviewLitigation.review.*'], explanation: '申请人对政府信息公开决定不服，向上级行政机关申请行政复议的案件数（表四）。' },
  { term: `${reviewGroup('litigationDirect')}、${reviewGroup('litigationAfterReview')}`, keys: ['reviewLitigation.litigationDirect.*', 'reviewLitigation.litigationAfterReview.*'], explanation: '申请人就政府信息公开向法院提起行政诉讼的案件数，分为未经复议直接起诉和复议后起诉。' },
  { term: reviewField('upheld'), keys: ['reviewLitigation.*.upheld'], explanation: '复议或判决维持了机关的决定。' },
  { term: reviewField('corrected'), keys: ['reviewLitigation.*.corrected'], explanation: '复议或判决纠正了机关的决定（撤销、变更、确认违法、责令履行等）。' },
  { term: reviewField('other'), keys: ['reviewLitigation.*.other'], explanation: '以其他方式结案，如申请人撤回、驳回、终止。' },
  { term: reviewField('pending'), keys: ['reviewLitigation.*.pending'], explanation: '年底尚未审结的案件。' },
  { term: proactiveField('2021', 'regulations', 'issued'), keys: ['proactive.*.issued'], explanation: '本年度制定发布的规章或行政规范性文件件数（2021 版表二）。' },
  { term: proactiveField('2021', 'regulations', 'repealed'), keys: ['proactive.*.repealed'], explanation: '本年度废止的件数。' },
  { term: proactiveField('2021', 'regulations', 'inForce'), keys: ['proactive.*.inForce'], explanation: '年底仍然有效的件数。' },
  { term: proactiveField('2021', 'licensing', 'decisions'), keys: ['proactive.licensing.decisions', 'proactive.penalties.decisions', 'proactive.enforcement.decisions'], explanation: '本年度作出的行政许可、行政处罚、行政强制决定数量。' },
  { term: proactiveField('2021', 'fees', 'amount'), keys: ['proactive.fees.amount'], explanation: '本年度行政事业性收费的金额，单位万元，可有小数。' },
];
