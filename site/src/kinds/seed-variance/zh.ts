import { translationOf } from '../../presentation/phrases.ts';
import type { en } from './en.ts';

/** Seed variance, in Chinese. */
export const zh = translationOf<typeof en>()({
  name: '种子方差',
  question: '用 {runs} 个不同的随机种子，在同样的数据上训练同一个网络。同一个种子会得到同样的权重吗？测试准确率随种子变化多大？',
  title: '种子方差：{dataset}，MLP {layers}，{optimizer}，{seeds}',
  presetTitles: {
    'digits-reference': '种子对准确率的影响有多大？digits 上的 MLP，{seeds}',
    'moons-dropout': '带 dropout 的噪声双月数据上的种子方差',
    'iris-small': '鸢尾花数据上的种子方差（小网络）',
  },
  headline: '{seeds}：{mean}，标准差 {std}；{repeatability}',
  headlineDiverged: '{seeds}：全部发散',
  repeatability: { identical: '可复现 ✓', differs: '不可复现 ✗', 'not-measured': '未测可复现性' },
  badge: '{mean}，标准差 {std}',
  badgeDiverged: '发散',
  sameWeights: {
    question: '同一个种子，同样的权重？',
    yes: '是 ✓',
    no: '否 ✗',
    answerYes:
      '是。种子 {repeated} 在另一个分组中重新训练了一次，每个 SHA-256 指纹都逐位一致（种子 {seed}：{fingerprint}…，后端 {backend}）。',
    answerNo: '否。种子 {seeds} 重新训练后得到了不同的权重。',
  },
  spread: {
    question: '测试准确率随种子变化多大？',
    answerNone: '完全不变：{finished} 个种子的准确率都是 {mean}。{diverged}',
    answer:
      '在 {seeds}上，测试准确率从 {min}（种子 {worst}）到 {max}（种子 {best}）：均值 {mean}，标准差 {std}，均值的 95% 置信区间为 {lo} – {hi}。{diverged}',
    diverged: { other: '{n} 次运行发散（损失变为 NaN 或无穷大），未计入统计。' },
  },
  labels: {
    spread: '准确率的变化幅度',
    perSeed: '每个种子的测试准确率',
    perSeedAlt: '{n} 个种子测试准确率的点图，均值 {mean}，均值的 95% 置信区间为 {lo} – {hi}。',
    perSeedNote: '每个点代表一个种子。竖线是均值，色带是均值的 95% 置信区间（t 分布）。',
    seedDot: '种子 {seed}：{accuracy}',
    histogram: '分布',
    histogramAlt: '各种子测试准确率的直方图。',
    curves: '训练曲线',
    curvesNote: '细线：每个种子一条。粗线：各种子的中位数。',
    testAccuracyCurve: '每轮的测试准确率',
    trainLossCurve: '每轮的训练损失',
    curvesAlt: '{what}：每个种子一条细线，加一条中位数粗线。',
    lossAxis: '训练损失',
    epochAxis: '轮次',
    countAxis: '种子数',
    statistics: '统计量',
    minMax: '最小 / 最大',
    bestWorst: '最好与最差的种子',
    best: '最好：种子 {seed}，{accuracy}',
    worst: '最差：种子 {seed}，{accuracy}',
    outliers: '离群值（超出 1.5 倍四分位距）',
    outlier: '种子 {seed}（{accuracy}）',
    table: '所有种子',
    testLoss: '测试损失',
    trainLoss: '训练损失',
  },
});
