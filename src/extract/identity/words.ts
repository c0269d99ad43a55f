/**
 * identity: an agency's name cut into words, for URL slugs a reader can read
 * (鲤城区行政服务中心管理委员会 → 鲤城区 · 行政 · 服务 · 中心 · 管理 · 委员会 →
 * `lichengqu-xingzheng-fuwu-zhongxin-guanli-weiyuanhui`).
 *
 * Chinese writes no spaces, and no segmenter ships with the project (pinyin-pro cuts into single
 * characters). Agency names are a small language of their own, though: places first (found in the
 * GB/T 2260 names, src/extract/region.ts), then the words of the administration, which the list
 * below holds (longest match first). A run of characters the list does not know stays one word
 * (数字泉州建设 → 数字 · 泉州 · 建设: 泉州 is such a run). A wrong cut costs only readability: the
 * slug is still the pinyin of every character, in order.
 */
import { leadingDivision } from '../region.ts';

/** Words of agency names. Compounds are listed only where they read as one word (人大, 街道). */
const WORDS = new Set(
  [
    // bodies and offices
    '人民政府', '政府', '人民代表大会', '人大', '常务委员会', '常委会', '委员会', '管委会', '办公室', '办公厅', '办事处', '街道', '局', '厅', '部', '署', '院', '所', '站', '队', '处', '科', '会', '社', '中心',
    '总局', '分局', '支队', '大队', '派出所', '人民法院', '人民检察院', '法院', '检察院', '党校', '学院', '学校', '大学', '医院', '研究院', '研究所', '图书馆', '博物馆', '档案馆', '纪念馆', '公司', '集团',
    '乡', '镇', '村', '社区', '居民委员会', '村民委员会', '开发区', '高新区', '新区', '园区', '试验区', '示范区', '保税区', '自贸区', '管理区', '林区', '农场', '口岸', '港', '机场',
    // what they do
    '行政', '政务', '服务', '管理', '建设', '发展', '改革', '和', '与', '及', '教育', '科学', '技术', '科技', '工业', '信息化', '信息', '公安', '民政', '司法', '财政', '人力资源', '社会', '保障',
    '自然资源', '自然', '资源', '生态', '环境', '住房', '城乡', '城市', '交通', '运输', '水利', '水务', '农业', '农村', '商务', '文化', '旅游', '广电', '广播', '电视', '体育', '卫生', '健康', '计划生育',
    '退役军人', '事务', '应急', '审计', '国有资产', '监督', '市场', '统计', '医疗', '税务', '海关', '林业', '草原', '粮食', '物资', '储备', '能源', '信访', '人民防空', '人防', '机关', '地方', '金融',
    '数据', '大数据', '数字', '综合', '执法', '规划', '国土', '保护', '气象', '地震', '档案', '知识产权', '残疾人', '联合会', '妇女', '总工会', '工会', '红十字会', '供销', '合作社', '编制', '机构',
    '宣传部', '组织部', '统战部', '政法', '纪律', '检查', '监察', '接待', '外事', '侨务', '港澳', '台湾', '民族', '宗教', '扶贫', '乡村', '振兴', '招商', '投资', '促进', '经济', '贸易', '对外',
    '安全', '生产', '食品', '药品', '质量', '技术监督', '工商', '物价', '价格', '住房公积金', '公积金', '不动产', '登记', '公共', '资源交易', '交易', '采购', '营商', '优化', '营造', '城管', '园林',
    '绿化', '市政', '公用', '事业', '房产', '房地产', '征收', '安置', '移民', '海洋', '渔业', '畜牧', '兽医', '农机', '水产', '烟草', '专卖', '邮政', '通信', '铁路', '航务', '海事', '民航', '消防',
    '救援', '人才', '就业', '劳动', '仲裁', '社会保险', '国家', '中国', '中共', '共青团', '办', '委', '网信',
  ].sort((a, b) => b.length - a.length),
);
const LONGEST = Math.max(...[...WORDS].map((w) => w.length));

const HAN = /\p{Script=Han}/u;

/** The longest word of the list that `s` starts with, or null. */
function knownWord(s: string): string | null {
  for (let k = Math.min(LONGEST, s.length); k >= 1; k--) if (WORDS.has(s.slice(0, k))) return s.slice(0, k);
  return null;
}

/**
 * A one-character word (局, 乡, 和, 办) is a word only where something known follows it, or nothing:
 * elsewhere it is a character of a name the list does not know (州 in 泉州, 会 in 会宁县).
 */
function standsAlone(word: string, after: string): boolean {
  if (word.length > 1 || !after || !HAN.test(after[0]!)) return true;
  const next = knownWord(after);
  return (next !== null && next.length > 1) || leadingDivision(after) !== null;
}

/** The name's words, in order: its leading places, then the words of the list, unknown runs kept whole, non-Han runs apart. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let rest = name;
  // Places first: 泉州市 · 鲤城区 (a division name, as the GB/T 2260 list writes it).
  for (let place = leadingDivision(rest); place; place = leadingDivision(rest)) {
    words.push(place);
    rest = rest.slice(place.length);
  }
  let unknown = '';
  const flush = () => {
    if (unknown) words.push(unknown);
    unknown = '';
  };
  while (rest) {
    const ch = rest[0]!;
    if (!HAN.test(ch)) {
      flush();
      const run = /^[^\p{Script=Han}]+/u.exec(rest)![0];
      if (run.trim()) words.push(run.trim());
      rest = rest.slice(run.length);
      continue;
    }
    const word = knownWord(rest);
    if (word && standsAlone(word, rest.slice(word.length))) {
      flush();
      words.push(word);
      rest = rest.slice(word.length);
    } else {
      unknown += ch;
      rest = rest.slice(1);
    }
  }
  flush();
  return words;
}
