// Generates N postings of about 2 KB as JSON Lines, with a known share of violations, for the audit
// test and benchmark:
//   posting i (0-based) has 限男性 in its requirements when i % 10 == 0   (gender-restriction, error)
//                        加微信 hr…a in its description when i % 7 == 0  (wechat-contact, error)
//                        35岁以下 in its requirements when i % 13 == 0   (age-restriction, warning)
//   and after every 1,000th posting comes one unreadable line.
//   node benches/gen-postings.mjs N OUT.jsonl
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export function expected(n) {
  const count = (m) => Math.floor((n - 1) / m) + 1;
  const both = count(70);
  return {
    postings: n,
    badLines: Math.floor(n / 1000),
    gender: count(10),
    wechat: count(7),
    age: count(13),
    withErrors: count(10) + count(7) - both,
  };
}

const DUTY = '负责传感器电路板的装配、焊接与功能检测，按工艺文件完成每日生产任务，记录生产数据并配合品质部门改进工艺；参与新产品试产，反馈装配中的问题并提出改进建议；遵守安全生产规范，保持工位整洁。';

export function posting(i) {
  let requirements = '中专及以上学历，男女不限，年满18周岁；有电子装配经验者优先；身体健康，能适应两班倒。';
  let description = DUTY.repeat(6) + '公司提供带薪岗前培训，工服免费发放，不收取任何费用。';
  if (i % 10 === 0) requirements += '限男性。';
  if (i % 13 === 0) requirements += '35岁以下。';
  if (i % 7 === 0) description += `加微信 hr${String(i).padStart(6, '0')}a 详聊。`;
  return {
    id: `gen-${i}`,
    title: '电子装配技术员',
    employer: '苏州明澜电子科技有限公司',
    employer_intro: '苏州明澜电子科技有限公司成立于2012年，注册资本5000万元，主营工业传感器的研发与制造，现有员工420人。',
    headcount: 5 + (i % 20),
    requirements,
    description,
    location: '江苏省苏州市工业园区星湖街328号',
    salary: `${6000 + (i % 10) * 100}-${8000 + (i % 10) * 100}元/月`,
    employment_type: '全职',
    valid_until: '2026-12-31',
    contact: '王女士（人事部），请通过平台消息联系',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2]);
  const path = process.argv[3];
  if (!Number.isInteger(n) || n <= 0 || !path) {
    console.error('usage: node benches/gen-postings.mjs N OUT.jsonl');
    process.exit(2);
  }
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const line = JSON.stringify(posting(i)) + '\n';
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
    if ((i + 1) % 1000 === 0 && !out.write('{"id": "broken", \n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.error(`${path}: ${n} postings, ${(bytes / n).toFixed(0)} bytes each on average, ${Math.floor(n / 1000)} unreadable lines`);
}
