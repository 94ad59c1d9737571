import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { notAnswered } from '../notAnswered.ts';
import { dataShape, trainingMethod } from '../setupMethod.ts';
import type { SeedVarianceWords } from './en.ts';

const f = formatFor('zh');
const ui = t('zh');

export const zh: SeedVarianceWords = {
  name: '种子方差',
  question: (doc) =>
    `用 ${doc.runs.length} 个不同的随机种子，在同样的数据上训练同一个网络。同一个种子会得到同样的权重吗？测试准确率随种子变化多大？`,
  title: (doc) =>
    `种子方差：${doc.spec.dataset.name}，MLP ${doc.model.layerSizes.join('-')}，${doc.spec.training.optimizer.kind}，${ui.words.seeds(doc.runs.length)}`,
  presetTitles: {
    'digits-reference': (doc) => `种子对准确率的影响有多大？digits 上的 MLP，${ui.words.seeds(doc.runs.length)}`,
    'moons-dropout': () => '带 dropout 的噪声双月数据上的种子方差',
    'iris-small': () => '鸢尾花数据上的种子方差（小网络）',
  },
  headline(doc) {
    const s = doc.summary;
    const repeats = !doc.repeatability.seeds.length ? '未测可复现性' : doc.repeatability.identical ? '可复现 ✓' : '不可复现 ✗';
    return s
      ? `${ui.words.seeds(doc.runs.length)}：${f.pct(s.mean)}，标准差 ${ui.words.points(f.points(s.std))}；${repeats}`
      : `${ui.words.seeds(doc.runs.length)}：全部发散`;
  },
  badge: (doc) => (doc.summary ? `${f.pct(doc.summary.mean)}，标准差 ${ui.words.points(f.points(doc.summary.std))}` : '发散'),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const repeated = f.list(doc.repeatability.seeds);
      if (v.question === 'same-seed-same-weights') {
        const { seed, fingerprint } = v.facts.example;
        if (v.outcome.is === 'undecided') return notAnswered('zh', '同一个种子，同样的权重？', v.outcome.because);
        return v.outcome.is === 'yes'
          ? {
              question: '同一个种子，同样的权重？',
              short: '是 ✓',
              tone: 'good' as const,
              answer: `是。种子 ${repeated} 在另一个分组中重新训练了一次，每个 SHA-256 指纹都逐位一致（种子 ${seed}：${fingerprint.slice(0, 12)}…，后端 ${doc.environment.backend}）。`,
            }
          : {
              question: '同一个种子，同样的权重？',
              short: '否 ✗',
              tone: 'bad' as const,
              answer: `否。种子 ${f.list(doc.repeatability.mismatches.map((m) => m.seed))} 重新训练后得到了不同的权重。`,
            };
      }
      const s = doc.summary;
      const question = '测试准确率随种子变化多大？';
      if (v.outcome.is === 'undecided' || !s)
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided['all-diverged'] };
      const diverged = v.facts.diverged ? `${v.facts.diverged} 次运行发散（损失变为 NaN 或无穷大），未计入统计。` : '';
      if (v.outcome.is === 'no')
        return {
          question,
          short: ui.words.points(f.points(0)),
          tone: 'neutral' as const,
          answer: `完全不变：${v.facts.finished} 个种子的准确率都是 ${f.pct(s.mean, 2)}。${diverged}`,
        };
      return {
        question,
        short: ui.words.points(f.points(s.max - s.min, 1)),
        tone: 'neutral' as const,
        answer:
          `在 ${ui.words.seeds(s.n)}上，测试准确率从 ${f.pct(s.min)}（种子 ${s.worst.seed}）到 ${f.pct(s.max)}（种子 ${s.best.seed}）：` +
          `均值 ${f.pct(s.mean)}，标准差 ${ui.words.points(f.points(s.std))}，均值的 95% 置信区间为 ${f.pct(s.ci95.t[0])} – ${f.pct(s.ci95.t[1])}。${diverged}`,
      };
    }),
  method: (doc) => trainingMethod('zh', doc.spec, dataShape(doc)),
  labels: {
    spread: '准确率的变化幅度',
    perSeed: '每个种子的测试准确率',
    perSeedAlt: (n, mean, lo, hi) => `${n} 个种子测试准确率的点图，均值 ${mean}，均值的 95% 置信区间为 ${lo} – ${hi}。`,
    perSeedNote: '每个点代表一个种子。竖线是均值，色带是均值的 95% 置信区间（t 分布）。',
    seedDot: (seed, accuracy) => `种子 ${seed}：${accuracy}`,
    histogram: '分布',
    histogramAlt: '各种子测试准确率的直方图。',
    curves: '训练曲线',
    curvesNote: '细线：每个种子一条。粗线：各种子的中位数。',
    testAccuracyCurve: '每轮的测试准确率',
    trainLossCurve: '每轮的训练损失',
    curvesAlt: (what) => `${what}：每个种子一条细线，加一条中位数粗线。`,
    lossAxis: '训练损失',
    epochAxis: '轮次',
    countAxis: '种子数',
    statistics: '统计量',
    minMax: '最小 / 最大',
    bestWorst: '最好与最差的种子',
    best: (seed, accuracy) => `最好：种子 ${seed}，${accuracy}`,
    worst: (seed, accuracy) => `最差：种子 ${seed}，${accuracy}`,
    outliers: '离群值（超出 1.5 倍四分位距）',
    outlier: (seed, accuracy) => `种子 ${seed}（${accuracy}）`,
    table: '所有种子',
    testLoss: '测试损失',
    trainLoss: '训练损失',
  },
};
