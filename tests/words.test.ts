/** Agency names cut into words, and the slugs made of them (src/extract/identity/words.ts, names.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameWords } from '../src/extract/identity/words.ts';
import { slugOf } from '../src/extract/identity/names.ts';

test('places first, then the words of administration; a run the list does not know stays whole', () => {
  const cases: [string, string][] = [
    ['鲤城区行政服务中心管理委员会', '鲤城区 行政 服务 中心 管理 委员会'],
    ['泉州市数字泉州建设办公室', '泉州市 数字 泉州 建设 办公室'],
    ['厦门市思明区鹭江街道办事处', '厦门市 思明区 鹭江 街道 办事处'],
    ['福建省人力资源和社会保障厅', '福建省 人力资源 和 社会 保障 厅'],
    ['新乡市凤泉区大块镇人民政府', '新乡市 凤泉区 大块 镇 人民政府'],
    // 会 is a word of the list, but not inside 会宁县 (a place) …
    ['会宁县人民政府', '会宁县 人民政府'],
    // … nor 州 inside an unknown run.
    ['国家税务总局泉州市税务局', '国家 税务 总局 泉州市 税务 局'],
    ['Shenzhen 2049 委员会', 'Shenzhen 2049 委员会'],
  ];
  for (const [name, words] of cases) assert.equal(nameWords(name).join(' '), words, name);
});

test('a slug is the pinyin of each word, a hyphen between: readable, and still every syllable in order', () => {
  assert.equal(slugOf('鲤城区行政服务中心管理委员会'), 'lichengqu-xingzheng-fuwu-zhongxin-guanli-weiyuanhui');
  assert.equal(slugOf('凤泉区人民政府'), 'fengquanqu-renminzhengfu');
  // Polyphones read in their word: 重庆 chong, 长寿 chang, 银行 hang.
  assert.equal(slugOf('重庆市长寿区人民政府'), 'chongqingshi-changshouqu-renminzhengfu');
  assert.equal(slugOf('银行业监督管理委员会'), 'yinhangye-jiandu-guanli-weiyuanhui');
  assert.equal(slugOf('Shenzhen 2049 委员会'), 'shenzhen-2049-weiyuanhui');
});
