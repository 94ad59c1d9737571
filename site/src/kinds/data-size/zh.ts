import { translationOf } from '../../presentation/phrases.ts';
import type { en } from './en.ts';

/** Data size, in Chinese. */
export const zh = translationOf<typeof en>()({
  name: '数据规模',
  question:
    '深度学习比经典机器学习需要更多数据吗？{models}分别在 {sizes} 行训练数据上学习，每个规模取 {seeds}（随机子集），并在同样的 {testRows} 行测试数据上评分。',
  title: '学习曲线：{dataset}，MLP 与经典模型，{smallest} 到 {largest} 行',
  presetTitles: {
    'digits-data-size': '深度学习需要更多数据吗？digits 上的学习曲线',
    'spiral-data-size': '螺旋数据上的学习曲线：MLP 与经典模型',
  },
  headline: '{firstSize} 行时最好：{first}；{lastSize} 行时：{last}',
  badgeBest: '最好：{model}',
  badgeTied: '{size} 行时持平',
  leader: { diverged: '全部没有学会', tied: '持平：{models}' },
  leaderSentence: {
    diverged: '训练集为 {size} 行时，每次运行都没有学会。',
    best: '训练集为 {size} 行时，{model}（{mean}）最好，在同样的子集上胜过其他每个模型。',
    tied: '训练集为 {size} 行时，{model}（{mean}）的均值最高，但与{others}持平（差异在噪声之内）。',
  },
  crossing: {
    'mlp-overtakes': 'MLP 在 {after} 到 {size} 行之间超过{model}',
    'model-overtakes': '{model}在 {after} 到 {size} 行之间超过 MLP',
  },
  verdict: {
    question: '深度学习比经典机器学习需要更多数据吗？',
    yesShort: '是：MLP 超过了{models}',
    yes: '是，在这里：{crossings}（{method}）。',
    noShort: { other: '否：{models}超过了 MLP' },
    no: '否，在这里：{crossings}（{method}）。',
    notShownShort: '未发现交叉',
    notShown:
      '在这些规模上未发现交叉：对每个经典模型，MLP 都没有出现在某个规模上显著落后、在另一个规模上显著领先的情况，反之亦然（{method}）。',
    leaderShort: '{size} 行时{model}最好',
    tiedShort: '{size} 行时持平',
    answer: '{answer}{first}{last}{mlp}{diverged}',
    mlp: 'MLP 从 {from} 变为 {to}。',
    diverged: { other: '有 {n} 次 MLP 运行没有学会，不计入均值。' },
  },
  method: {
    learningRate: '学习率：恒定 {lr}；MLP 在每个规模上都训练 {steps} 步（固定预算）。',
    subsets:
      '子集：在每个规模上，{seeds}各自用 split 流从 {trainRows} 个训练行中抽取分层子集；缩放统计量来自子集；{testRows} 个测试行保持不变。',
    classic:
      '经典模型：逻辑回归（softmax，L2 同 scikit-learn 的 C = 1，用 L-BFGS 拟合，同它的默认求解器）、kNN（k = {k}）、完全生长的决策树、{trees} 棵树的随机森林、RBF 核 SVM（C = {svmC}，gamma {gamma}；LIBSVM 的 SMO，同 scikit-learn 的 SVC）和线性 SVM（C = {linearC}；LIBLINEAR 的对偶坐标下降，同 LinearSVC）。',
    comparisons:
      '比较：同一个种子下每个模型拟合同样的子集，所以按种子配对比较（配对 t 区间，Bonferroni 校正）。只有显著胜过其他每个模型时，才说某个模型在该规模上领先；交叉点要求 MLP 在某个规模上显著落后于某模型、在之后的规模上显著领先（或相反）。没有学会的 MLP 运行单独计数，不计入比较。',
  },
  labels: {
    heading: '学习曲线',
    caption: '每个规模上 {seeds} 个分层子集的均值 ± 标准差；测试集固定为 {testRows} 行。',
    alt: '各模型测试准确率随训练集大小的变化（均值 ± 一个标准差）。',
    sizeAxis: '训练集大小（行）',
    model: '模型',
    divergedNote: '（{n} 次没有学会）',
    differencesHeading: '按种子配对：MLP 对各模型',
    differencesCaption: 'MLP 减去该模型的准确率（百分点），为各种子的均值及其 {level} 配对区间；▲ MLP 显著领先，▼ 显著落后，= 持平。',
    difference: { ahead: '▲ {difference} {interval}', behind: '▼ {difference} {interval}', tied: '= {difference} {interval}' },
    crossoversLine: '交叉点：{crossovers}。',
    leadersLine: '每个规模上最好的模型：{leaders}。',
    leader: '{size} 行：{leader}',
  },
});
