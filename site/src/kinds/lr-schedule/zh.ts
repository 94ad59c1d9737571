import { translationOf } from '../../presentation/phrases.ts';
import type { en } from './en.ts';

/** LR schedules, in Chinese. */
export const zh = translationOf<typeof en>()({
  name: '学习率计划',
  question: '哪种学习率计划最适合训练这个网络？{schedules} 种计划，每种都在同样的 {seeds}上训练。',
  title: '学习率计划：{dataset}，{schedules} 种计划，{seeds}',
  presetTitles: { 'digits-lr-schedules': '从高到低，还是循环？digits 上的 {schedules} 种学习率计划' },
  headlineBest: '最好：{name}，{seeds}上 {mean}',
  headlineTied: '持平：{names}',
  headlineOnly: '只有 {name}',
  headlineDiverged: '全部没有学会',
  badgeBest: '{name} {mean}',
  badgeTied: '持平',
  verdict: {
    question: '在同样的种子上，哪种计划训练得最好？',
    winner: '{winner}：在同样的种子上胜过其他每种计划（{method}：{differences}）。各计划均值：{means}。{caution}',
    tied: '持平：{leader} 的均值最高，但它对 {others} 的领先在噪声之内（{method}：{differences}）。各计划均值：{means}。{caution}',
    only: '只训练了 {leader}：{means}。{caution}',
    caution: { other: '注意：{schedules} 结束时的学习率高于其最低值（周期被截断），可能影响排名。' },
    difference: '{leader} − {other}',
    mean: '{name} {mean}',
  },
  schedule: {
    constant: '{name}：恒定 {lr}',
    step: '{name}：{rates}，在第 {boundaries} 轮之后切换',
    exponential: '{name}：{lr}，每轮乘以 {gamma}',
    triangular: '{name}：在 {min} 与 {max} 之间三角循环，半个周期 {half} 轮，每批变化',
    'one-cycle': '{name}：在前 {start} 的步数内升到 {max}，随后余弦退火（除数 {div} 和 {finalDiv}）',
  },
  learningRate: '学习率，每次一种计划：{schedules}。',
  labels: {
    heading: '学习率与准确率',
    lrCaption: '各计划的学习率随步数的变化。',
    lrAlt: '每种学习率计划的学习率随步数的变化。',
    lrAxis: '学习率',
    stepAxis: '步数',
    dotsCaption: '每个点：一个种子的最终测试准确率；竖线：均值。',
    groupsAlt: '每组每个种子的测试准确率（点）及组均值（竖线）。',
    seedDot: '种子 {seed}：{value}',
    curvesAlt: '各学习率计划每轮测试准确率的中位数。',
    epochAxis: '轮次',
    schedule: '计划',
    end: '结束于最低学习率',
    endNote: '最后 {last}，最低 {lowest}',
  },
});
