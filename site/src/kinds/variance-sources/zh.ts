import { translationOf } from '../../presentation/phrases.ts';
import type { en } from './en.ts';

/** Variance sources, in Chinese. */
export const zh = translationOf<typeof en>()({
  name: '方差来源',
  question:
    '为什么同一个网络每次运行的准确率都不同？每个随机性来源（{sources}）单独变化 {runs} 次，其余固定为种子 {baseSeed}；再让所有来源同时变化；并用 {seeds}在 cpu 和 wasm 两个后端上训练。',
  title: '方差从哪里来：{dataset}，每个来源 {runs} 次运行',
  presetTitles: { 'digits-variance-sources': '为什么每次运行的准确率都不同？digits 上的方差来源' },
  headline: '全部来源：标准差 {std}；最大的单一来源：{top}',
  headlineTied: '持平：{sources}',
  headlineWinner: '{source}，标准差 {std}',
  headlineFailed: '{runs} 次运行中 {failed} 次没有学会',
  badge: '标准差 {std}',
  badgeFailed: '{failed}/{runs} 没有学会',
  sources: { data: '数据生成', split: '数据划分', init: '初始权重', order: '数据顺序', dropout: 'dropout 掩码', all: '全部来源' },
  sourceWords: { data: '数据生成', split: '数据划分', init: '初始权重', order: '数据顺序', dropout: 'dropout 掩码', all: '全部来源' },
  cannotVary: {
    'bundled-data': '{source}无法变化：数据集是内置的。',
    'fixed-split': '{source}无法变化：划分是固定的下标规则。',
    'no-dropout': '{source}无法变化：模型没有 dropout。',
  },
  cannotVaryAll: '{reasons}',
  interval: ' [{lo}, {hi}]',
  spread: '{std}{interval}',
  largest: {
    question: '为什么同一个网络每次运行的准确率都不同？',
    winnerShort: '主要来自{source}：标准差 {std}',
    tiedShort: '持平：{sources}',
    winner: '{leader}最大：它的方差显著大于其他每个来源（方差比及 {level} F 区间：{ratios}）。',
    tied: '{leader}的离散最大，但与{others}持平：方差比的 {level} F 区间包含 1（{ratios}）。',
    ratio: '对{source} ×{ratio}{interval}',
    noSpread: '{source}没有离散',
    single: '{source} {spread}{share}',
    share: '（占单一来源方差之和的 {share}{interval}）',
    answer: '{ranking}所有来源同时变化时，测试准确率的标准差为 {all}（95% 区间）。每次只变化一个来源时：{singles}。{cannotVary}{scale}',
    scale:
      '作为参照：在 {testRows} 个测试行上 {accuracy} 的测试准确率，其二项标准误为 {se}（√(p(1−p)/n)），即仅仅换一个同样大小的测试集就会带来的变化。{fixedSplit}',
    fixedSplit: '这里的划分是固定的，每次运行都在同样的行上评分，所以任何测得的来源都不包含这部分误差。',
  },
  addUp: {
    question: '各单一来源加起来等于全部同时变化吗？',
    yes: '是，在噪声之内：区间包含 1。{measured}',
    more: '否：各来源一起变化时，准确率的离散大于它们各自效应之和（相互放大）。{measured}',
    less: '否：各来源一起变化时，准确率的离散小于它们各自效应之和（效应相互重叠）。{measured}',
    measured:
      '如果各来源独立相加，全部同时变化时的标准差应为单一来源方差之和的平方根，即 {expected}；实测为 {all}。全部来源的方差与该和之比：{ratio}{interval}（95% 自助法区间）。',
  },
  implementation: {
    question: '同一个种子，cpu 和 wasm 后端得到同样的模型吗？',
    answerYes: '是：{seeds} 个种子中有 {identical} 个指纹相同。{difference}',
    answerIdentical: '是：{seeds} 个种子中有 {identical} 个指纹相同：权重逐位相同，因此每个种子的准确率也相同。',
    sameAccuracy: '权重最大相差 {weightDiff}，每个种子的准确率相同。',
    answerNo: '否：{seeds} 个种子中有 {identical} 个指纹相同。{difference}',
    differs: '权重最大相差 {weightDiff}，准确率最多相差 {accuracyDiff}。',
  },
  method: {
    sources:
      '来源：对{sources}中的每一个，第 1–{runs} 次运行只改变这一个流，其余流固定为种子 {baseSeed}；“全部来源”让所有流一起变化。一个来源的占比是它的方差除以各单一来源方差之和。',
    uncertainty:
      '不确定性：每个标准差给出 95% 卡方区间（假设运行结果近似正态）；每个占比给出 95% 百分位自助法区间（2000 次重抽样，各来源的运行分别重抽）；最大来源与其他每个来源用方差比的 F 区间比较（Bonferroni 校正）。测试集抽样误差为二项标准误 √(p(1−p)/n)，与 Bouthillier 等人（MLSys 2021）的处理相同。',
    implementation: '实现层面：种子 1–{seeds} 分别在 cpu 和 wasm 上训练，比较指纹、最大权重差和准确率。',
  },
  labels: {
    heading: '各来源的方差',
    stdAxis: '测试准确率的标准差（百分点）',
    alt: '每个随机性来源单独变化、以及全部同时变化时，测试准确率的标准差及其 95% 区间；虚线标出测试集抽样误差。',
    testSamplingMark: '测试集抽样',
    groupsAlt: '每个来源下每次运行的测试准确率（点）及均值（竖线）。',
    groupsManyAlt: '每个来源的测试准确率：中间 90% 的运行（细线）、中间 50%（粗条）、中位数（圆圈）与均值（竖线）。',
    allRuns: '全部 {n} 次运行，每次一行：',
    manyNote: '细线：中间 90% 的运行；粗条：中间 50%；圆圈：中位数；竖线：均值。',
    seedDot: '第 {seed} 次运行：{value}',
    source: '来源',
    stdWithInterval: '标准差 [95% 区间]',
    share: '占比 [95% 区间]',
    unused: {
      'bundled-data': '数据集是内置的：数据流不生成任何东西。',
      'fixed-split': '这里的划分是固定的下标规则，没有可变化的随机性。',
      'no-dropout': '模型没有 dropout，这个流从未被使用。',
    },
    implementationHeading: '实现层面：cpu 与 wasm',
    maxWeightDiff: '最大 |Δw|',
    accuracyCpuWasm: '准确率 cpu / wasm',
  },
});
