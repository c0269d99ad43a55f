/**
 * pdf/radicals: fonts that map glyphs to compatibility code points. NFKC turns the Kangxi
 * radicals (⼈ U+2F08 → 人, ⼀ → 一) and other compatibility forms into ordinary characters; the CJK
 * Radicals Supplement (U+2E80–U+2EF3: ⺠ → 民, ⻓ → 长) has no decomposition, so a table maps each
 * radical that stands for an ordinary character onto it.
 */

/** CJK Radicals Supplement → the unified ideograph it is drawn as (those with a plain equivalent). */
const SUPPLEMENT: Record<string, string> = {
  '⺀': '冫', '⺁': '厂', '⺂': '乛', '⺃': '乚', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺈': '𠂊', '⺉': '刂',
  '⺊': '卜', '⺋': '㔾', '⺌': '小', '⺎': '兀', '⺏': '尣', '⺐': '尢', '⺑': '𡯂', '⺒': '巳', '⺓': '幺',
  '⺔': '彑', '⺕': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺',
  '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牜', '⺨': '犭',
  '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺯': '糸', '⺰': '纟', '⺱': '罓', '⺲': '罒',
  '⺳': '网', '⺴': '罓', '⺵': '罓', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '月',
  '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角',
  '⻇': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅',
  '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页',
  '⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '𩙿', '⻟': '飠', '⻠': '饣', '⻡': '𩠐', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '齐', '⻬': '齐', '⻭': '齿', '⻮': '齿',
  '⻯': '龙', '⻰': '龙', '⻱': '龜', '⻲': '龟', '⻳': '龟',
};

const RADICAL = /[\u2E80-\u2EF3]/g;

/**
 * NFKC on the compatibility ideographs only (Kangxi radicals, CJK compatibility ideographs): NFKC on
 * everything would also turn ① into 1 and （一） into (一), which later stages read as they are.
 */
export function fixRadicals(s: string): string {
  const kangxi = s.replace(/[\u2F00-\u2FD5\uF900-\uFAFF]/g, (c) => c.normalize('NFKC'));
  return kangxi.replace(RADICAL, (c) => SUPPLEMENT[c] ?? c);
}
