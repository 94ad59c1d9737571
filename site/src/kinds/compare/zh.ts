import { translationOf } from '../../presentation/phrases.ts';
import type { en } from './en.ts';

/** A/B comparison, in Chinese. */
export const zh = translationOf<typeof en>()({
  name: 'A/B 对比',
  question: '{a} 比 {b} 更好吗？两者在同样的 {seeds}上训练，每个种子的两个准确率配对比较。',
  title: '{a} 对比 {b}，{seeds}',
  presetTitles: { 'digits-adam-vs-sgd': 'Adam 还是带动量的 SGD？digits 上的 {seeds}' },
  headline: '{a} − {b}：{difference} [{lo}, {hi}]',
  headlineBetter: '{winner} 更好：{a} − {b} {difference} [{lo}, {hi}]',
  headlineTied: '持平：{a} − {b} {difference} [{lo}, {hi}]',
  noVerdict: '无法判断',
  badge: 'Δ {difference}',
  verdict: {
    question: '{a} 比 {b} 更好吗？',
    shortWinner: '{winner} 更好，高 {difference}',
    shortTied: '持平：相差 {difference}，在噪声之内',
    answer: '{a} {meanA}，{b} {meanB}：相差 {difference}（95% 配对 t 区间 {lo} 到 {hi}）。{conclusion}{probability}{needed}',
    aBetter: '是：{winner} 更好，因为区间不包含零。',
    bBetter: '否：{winner} 更好，因为区间不包含零。',
    tiedWithin: '持平：区间包含零，且落在 ±{effect} 之内，所以真实差异小于这个幅度。',
    tiedNoise: '持平：区间包含零，差异在噪声之内；但这不能排除 {effect} 的差异。',
    probability: '换一个新种子，{a} 胜过 {b} 的概率为 {p}。',
    needed:
      '按配对差异的离散程度（标准差 {sd}），要在 5% 水平、80% 功效下检测出 {effect} 的差异，大约需要 {seeds} 个种子（每个种子两种配置都训练）。',
  },
  method: {
    armA: 'A 组，{label}：{steps}',
    armB: 'B 组，{label}：{steps}',
    difference: '差异：逐个种子配对之差（A − B）的均值及其 95% 配对 t 区间（种子只有十个左右时，百分位自助法区间覆盖不足）。',
    seedsNeeded:
      '所需种子数：配对 t 检验在 5%（双侧）水平、80% 功效下检测 {effect}（规格中的 effectSize）所需的种子数，按实测的配对差标准差，用 Guenther 公式 n = ((z.975 + z.8)·sd/δ)² + z.975²/2 计算。',
  },
  labels: {
    heading: '两种配置',
    groupsAlt: '每组每个种子的测试准确率（点）及组均值（竖线）。',
    groupsManyAlt: '每组的测试准确率：中间 90% 的种子（细线）、中间 50%（粗条）、中位数（圆圈）与均值（竖线）。',
    manyNote: '细线：中间 90% 的种子；粗条：中间 50%；圆圈：中位数；竖线：均值。',
    allRuns: '全部 {n} 次运行，每次一行：',
    seedDot: '种子 {seed}：{value}',
    differenceAxis: '准确率差（百分点），95% 配对 t 区间',
    differenceAlt: '两种配置的准确率差及其置信区间；阴影带为 ± 效应量。',
    differenceLabel: '{a} − {b}',
    betterLeft: '← {arm} 更好',
    betterRight: '{arm} 更好 →',
    probability: 'A 在新种子上胜出的概率',
    seedsNeeded: '检测 {effect} 所需的种子数（配对）',
  },
});
