import { translationOf } from '../../presentation/phrases.ts';
import type { en } from './en.ts';

/** Determinism audit, in Chinese. */
export const zh = translationOf<typeof en>()({
  name: '确定性审计',
  question:
    '每种算法每次都会得到同样的模型吗？{models}各训练四次：种子 {seed}；再用种子 {seed}；在同样的数据和划分上用种子 {otherSeed}；种子 {seed} 但训练行换一种顺序。然后逐位比较得到的模型。',
  title: '确定性审计：{dataset}，{algorithms} 种算法',
  presetTitles: { 'digits-determinism': '每种算法每次都会得到同样的模型吗？（digits）' },
  headline: '{classes}',
  headlineClass: '{category}：{models}',
  headlineCount: '确定性 {deterministic}/{algorithms}',
  headlineCountOf: '确定性 {deterministic}/{algorithms}：{models}',
  badge: '{deterministic}/{algorithms} 确定性',
  classes: {
    deterministic: '确定性',
    'order-dependent': '依赖行顺序',
    'seed-dependent': '依赖种子',
    nondeterministic: '非确定性',
  },
  verdictClasses: {
    deterministic: '确定性（无论种子和行顺序如何，都得到同一个模型）：{models}。',
    'order-dependent': '依赖行顺序（每个种子得到同一个模型，行顺序变了模型就变）：{models}。',
    'seed-dependent': '依赖种子（换种子得到另一个模型，同一个种子再次得到同一个模型）：{models}。',
    nondeterministic: '非确定性（同一个种子在同样的行上再运行一次，也会得到另一个模型）：{models}。',
  },
  verdict: {
    question: '每种算法每次都会得到同样的模型吗？',
    short: '同一种子再运行：{sameSeed} · 换一个种子：{differentSeed} · 打乱行顺序：{permutedRows}',
    identical: {
      all: '{n} 个全部逐位相同',
      some: '{n} 个中 {k} 个逐位相同',
      none: '没有一个逐位相同',
    },
    answerYes: { other: '是：全部 {n} 种算法无论种子和行顺序如何，都得到同一个模型。{classes}' },
    answerNone: { other: '否：没有一种算法无论种子和行顺序如何都得到同一个模型。{classes}' },
    answerNo: { other: '否：{algorithms} 种算法中有 {n} 种无论种子和行顺序如何都得到同一个模型。{classes}' },
  },
  method: {
    fits: '四次训练：种子 {seed}；再次用种子 {seed}；在同样的数据和划分上用种子 {otherSeed}（data 和 split 流固定为种子 {seed}，只有算法自身的随机性改变）；种子 {seed} 且训练行换成另一种固定顺序。',
    shuffled: '打乱求和顺序：每次运行中，每个批次都以另一种顺序对各行求和，即使种子相同，就像 GPU 上无序的并行归约。',
    fixed: '求和顺序：所有求和都按固定顺序进行，所以同一个种子能逐位复现。',
    comparison: '比较：逐位比较学到的参数（kNN 没有参数，比较它在测试集上的预测）；参数不同时，再比较测试预测，并给出最大的参数差。',
    trees: '决策树与 scikit-learn 一样：每个节点按由种子抽出的顺序访问特征，并保留第一个最优划分，所以特征之间打平时由种子决定。',
    svms: 'SVM 与 scikit-learn 一样：RBF 核 SVM（C = {svmC}，gamma {gamma}）是 LIBSVM 的 SMO，不抽取任何随机数；线性 SVM（C = {linearC}）是 LIBLINEAR 的对偶坐标下降，按由种子抽出的顺序访问各行。',
  },
  labels: {
    heading: '审计表',
    algorithm: '算法',
    sameSeed: '同一种子再运行',
    otherSeed: '换一个种子',
    permuted: '打乱行顺序',
    category: '类别',
    comparedBy: '比较对象',
    compared: { parameters: '参数', predictions: '预测' },
    comparison: {
      identical: '逐位相同',
      samePredictions: '预测相同{moved}',
      otherPredictions: '预测不同{moved}',
      moved: '，参数最多相差 {diff}',
    },
    gridColumns: { sameSeed: '同一种子', otherSeed: '换种子', permuted: '换顺序' },
    gridAlt: '每个算法两次拟合是否一致：同一种子再运行、换一个种子、打乱行顺序（= 逐位相同，≈ 预测相同，≠ 预测不同）。',
    driftHeading: '最后几位的差异如何增长',
    driftAxis: '同一种子两次运行之间的最大权重差',
    epochAxis: '轮次',
    driftAlt: '每轮之后，同一种子在同样的行上两次运行之间的最大权重差。',
    driftCaption: '同一种子的两次运行以不同顺序求和；最后一轮之后，它们的权重最多相差 {last}。',
    noDrift: '同一种子的两次运行在每一轮之后都逐位相同。',
  },
});
