import { studyHeadline } from '../../../src/document/headline.ts';
import type { StudyDocument } from '../../../src/document/studyDocument.ts';
import { formatters, type Locale } from './i18n.ts';

type QA = { question: string; answer: string };

/** The verdict of any study kind, per locale: the engine's English sentences, or Chinese worded from the same numbers. */
export function verdictOf(doc: StudyDocument, locale: Locale): QA[] {
  if (doc.kind === 'seed-variance') return [doc.answers.deterministic, doc.answers.seedEffect];
  if (locale === 'en') return doc.verdict;
  const f = formatters('zh');
  const lr = (x: number | null) => (x === null ? '无' : x.toPrecision(3));
  switch (doc.kind) {
    case 'lr-range-test': {
      const s = doc.suggestions[doc.verification.suggestion];
      const v = doc.verification;
      return [
        {
          question: '学习率范围测试建议用多大的学习率？',
          answer: `${v.suggestion} 规则建议 ${lr(s.median)}（${doc.curves.length} 个种子的中位数；四分位区间 ${lr(s.q25)} 到 ${lr(s.q75)}）。`,
        },
        {
          question: '建议值会随运行而变化吗？',
          answer: `在不同种子之间，四分位区间跨 ${s.iqrDecades?.toFixed(2) ?? '无'} 个数量级；steepest ${doc.suggestions.steepest.iqrDecades?.toFixed(2) ?? '无'}，minOver10 ${doc.suggestions.minOver10.iqrDecades?.toFixed(2) ?? '无'}，valley ${doc.suggestions.valley.iqrDecades?.toFixed(2) ?? '无'}。`,
        },
        {
          question: '用这个建议值训练，效果站得住吗？',
          answer:
            v.holdsUp === null
              ? '无法判断：运行发散了。'
              : `${v.holdsUp ? '是' : '否'}。平均测试准确率：${v.arms.map((a) => `×${a.multiplier}（lr ${lr(a.lr)}）：${a.summary ? f.pct(a.summary.mean) : '发散'}`).join('；')}。`,
        },
      ];
    }
    case 'lr-schedule': {
      const best = doc.schedules.find((s) => s.name === doc.best);
      return [
        {
          question: '在同样的种子上，哪种学习率计划训练得最好？',
          answer: best?.summary
            ? `${best.name}：均值 ${f.pct(best.summary.mean)}（95% 置信区间 ${f.pct(best.summary.ci95.t[0])}–${f.pct(best.summary.ci95.t[1])}）。${doc.schedules.map((s) => `${s.name} ${s.summary ? f.pct(s.summary.mean) : '发散'}`).join('；')}。`
            : '所有运行都发散了。',
        },
      ];
    }
    case 'data-size': {
      const sizes = doc.spec.sizes;
      const at = (model: string, k: number) => doc.curves.find((c) => c.model === model)!.points[k].mean;
      const last = sizes.length - 1;
      const cross = doc.crossovers.map((x) =>
        x.direction === 'mlp-overtakes' ? `MLP 在 ${x.size} 行时超过 ${x.model}` : `${x.model} 在 ${x.size} 行时超过 MLP`,
      );
      return [
        {
          question: '深度学习比经典机器学习需要更多数据吗？',
          answer:
            `训练集为 ${sizes[0]} 行时最好的模型是 ${doc.leaders.smallest}（${f.pct(at(doc.leaders.smallest, 0))}）；为 ${sizes[last]} 行时是 ${doc.leaders.largest}（${f.pct(at(doc.leaders.largest, last))}）。` +
            (doc.curves.some((c) => c.model === 'mlp') ? `MLP 从 ${f.pct(at('mlp', 0))} 提高到 ${f.pct(at('mlp', last))}。` : '') +
            (cross.length ? `交叉点：${cross.join('；')}。` : '没有交叉点：在每个规模上 MLP 与各经典模型的先后顺序都不变。'),
        },
      ];
    }
    case 'variance-sources': {
      const all = doc.sources.find((s) => s.name === 'all')!;
      const ranked = doc.sources.filter((s) => s.name !== 'all').sort((a, b) => (b.std ?? 0) - (a.std ?? 0));
      const std = (x: number | null) => (x === null ? '无' : `${f.points(x, 2)} 个百分点`);
      const im = doc.implementation;
      return [
        {
          question: '为什么同一个网络每次运行的准确率都不同？',
          answer: `所有来源同时变化时，测试准确率的标准差为 ${std(all.std)}。单独变化时：${ranked.map((s) => `${s.name} ${std(s.std)}${s.share !== null ? `（占单一来源方差的 ${f.pct(s.share)}）` : ''}`).join('，')}。`,
        },
        {
          question: '同一个种子，cpu 和 wasm 后端得到同样的模型吗？',
          answer: `${im.perSeed.length} 个种子中有 ${im.identicalFingerprints} 个指纹相同。权重最大差 ${im.maxAbsWeightDiff.toExponential(2)}，准确率最多相差 ${f.points(im.maxAbsAccuracyDiff, 2)} 个百分点。`,
        },
      ];
    }
    case 'determinism-audit': {
      const same = doc.rows.filter((r) => r.category === 'always-same').map((r) => r.model);
      const varies = doc.rows
        .filter((r) => r.category === 'varies')
        .map((r) => {
          const why = [
            !r.sameSeedIdentical && '即使种子相同',
            !r.differentSeedIdentical && '换种子时',
            !r.permutedRowsIdentical && '打乱行顺序时',
          ]
            .filter(Boolean)
            .join('、');
          return `${r.model}（${why}）`;
        });
      return [
        {
          question: '每种算法每次都会得到同样的模型吗？',
          answer: `总是同样的模型（同种子、换种子、打乱行顺序）：${same.join('、') || '无'}。会得到不同模型：${varies.join('；') || '无'}。`,
        },
      ];
    }
    case 'compare': {
      const [A, B] = doc.arms;
      const d = doc.difference;
      return [
        {
          question: `${A.label} 比 ${B.label} 更好吗？`,
          answer:
            d && A.summary && B.summary
              ? `${A.label} ${f.pct(A.summary.mean)}，${B.label} ${f.pct(B.summary.mean)}：相差 ${f.points(d.meanDiff, 2)} 个百分点（按种子配对的 95% bootstrap 置信区间 ${f.points(d.ci95[0], 2)} 到 ${f.points(d.ci95[1], 2)}）。` +
                `${d.ci95[0] > 0 || d.ci95[1] < 0 ? '区间不包含零。' : '区间包含零：没有明确的赢家。'}换一个新种子，${A.label} 胜过 ${B.label} 的概率为 ${f.pct(doc.probabilityABeatsB ?? 0)}。` +
                (doc.seedsToDetect
                  ? `要在 95% 水平、80% 功效下检测出这么大的差异，每组大约需要 ${doc.seedsToDetect} 个种子。`
                  : '两者均值相同。')
              : '无法判断：运行发散了。',
        },
      ];
    }
  }
}

/** The key result in a line, per locale. */
export function headlineOf(doc: StudyDocument, locale: Locale): string {
  if (locale === 'en' || doc.kind === 'seed-variance') return locale === 'en' ? studyHeadline(doc) : seedVarianceZh(doc);
  const f = formatters('zh');
  switch (doc.kind) {
    case 'lr-range-test': {
      const s = doc.suggestions[doc.verification.suggestion];
      return `${doc.verification.suggestion} 建议 lr ${s.median?.toPrecision(2) ?? '无'}（跨 ${s.iqrDecades?.toFixed(2) ?? '无'} 个数量级）${doc.verification.holdsUp ? '，站得住 ✓' : doc.verification.holdsUp === false ? '，站不住 ✗' : ''}`;
    }
    case 'lr-schedule': {
      const best = doc.schedules.find((s) => s.name === doc.best);
      return best?.summary ? `最好：${best.name}，${f.pct(best.summary.mean)}` : '全部发散';
    }
    case 'data-size':
      return `${doc.spec.sizes[0]} 行时最好：${doc.leaders.smallest}；${doc.spec.sizes[doc.spec.sizes.length - 1]} 行时：${doc.leaders.largest}`;
    case 'variance-sources': {
      const all = doc.sources.find((s) => s.name === 'all');
      return `全部来源：标准差 ${all?.std == null ? '无' : f.points(all.std, 2)} 个百分点`;
    }
    case 'determinism-audit':
      return `总是同样的模型：${
        doc.rows
          .filter((r) => r.category === 'always-same')
          .map((r) => r.model)
          .join('、') || '无'
      }`;
    case 'compare':
      return doc.difference ? `${doc.arms[0].label} − ${doc.arms[1].label}：${f.points(doc.difference.meanDiff, 2)} 个百分点` : '无法判断';
  }
}

function seedVarianceZh(doc: Extract<StudyDocument, { kind: 'seed-variance' }>): string {
  const f = formatters('zh');
  const s = doc.summary;
  const det = doc.repeatability.identical ? '可复现 ✓' : '不可复现 ✗';
  return s ? `${doc.runs.length} 个种子：${f.pct(s.mean)} ± ${f.points(s.std, 1)}，${det}` : `${doc.runs.length} 个种子：全部发散`;
}
