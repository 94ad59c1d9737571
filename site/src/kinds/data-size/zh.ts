import type { DataSizeDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { pairedWords } from '../pairedWords.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { DataSizeWords } from './en.ts';
import { type Crossover, type Leader, meanAt } from './facts.ts';

const f = formatFor('zh');
const ui = t('zh');
const paired = pairedWords('zh');
const model = (id: string) => ui.models[id] ?? id;
const pctOrNa = (x: number | null) => (x === null ? ui.words.notAvailable : f.pct(x));

function leaderName(l: Leader): string {
  if (l.leader === null) return '全部发散';
  return l.tiedWith.length ? `持平：${[l.leader, ...l.tiedWith].map(model).join('、')}` : model(l.leader);
}

function leaderSentence(doc: DataSizeDocument, l: Leader, k: number): string {
  if (l.leader === null) return `训练集为 ${l.size} 行时，每次运行都发散了。`;
  const lead = `${model(l.leader)}（${pctOrNa(meanAt(doc, l.leader, k))}）`;
  if (!l.tiedWith.length) return `训练集为 ${l.size} 行时，${lead}最好，在同样的子集上胜过其他每个模型。`;
  return `训练集为 ${l.size} 行时，${lead}的均值最高，但与${l.tiedWith.map(model).join('、')}持平（差异在噪声之内）。`;
}

const crossing = (x: Crossover) =>
  x.direction === 'mlp-overtakes'
    ? `MLP 在 ${x.after} 到 ${x.size} 行之间超过${model(x.model)}`
    : `${model(x.model)}在 ${x.after} 到 ${x.size} 行之间超过 MLP`;

export const zh: DataSizeWords = {
  name: '数据规模',
  question: (doc) =>
    `深度学习比经典机器学习需要更多数据吗？${doc.spec.models.map(model).join('、')}分别在 ${doc.spec.sizes.join('、')} 行训练数据上学习，每个规模取 ${ui.words.seeds(doc.spec.seeds.length)}（随机子集），并在同样的 ${doc.testRows} 行测试数据上评分。`,
  title: (doc) =>
    `学习曲线：${doc.spec.dataset.name}，MLP 与经典模型，${doc.spec.sizes[0]} 到 ${doc.spec.sizes[doc.spec.sizes.length - 1]} 行`,
  presetTitles: {
    'digits-data-size': () => '深度学习需要更多数据吗？digits 上的学习曲线',
    'spiral-data-size': () => '螺旋数据上的学习曲线：MLP 与经典模型',
  },
  headline(doc) {
    const { leaders } = doc.verdict[0].facts;
    const first = leaders[0];
    const last = leaders[leaders.length - 1];
    return `${first.size} 行时最好：${leaderName(first)}；${last.size} 行时：${leaderName(last)}`;
  },
  badge: (doc) => {
    const { leaders } = doc.verdict[0].facts;
    const last = leaders[leaders.length - 1];
    return last.leader !== null && !last.tiedWith.length ? `最好：${model(last.leader)}` : `${last.size} 行时${ui.words.tied}`;
  },
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const { leaders, crossovers, mlpAgainst, divergedRuns } = v.facts;
      const k = leaders.length - 1;
      const last = leaders[k];
      const hasMlp = doc.curves.some((c) => c.model === 'mlp');
      const mlp = hasMlp ? `MLP 从 ${pctOrNa(meanAt(doc, 'mlp', 0))} 变为 ${pctOrNa(meanAt(doc, 'mlp', k))}。` : '';
      const level = mlpAgainst[0]?.level;
      const overtakes = crossovers.filter((x) => x.direction === 'mlp-overtakes');
      const overtaken = crossovers.filter((x) => x.direction === 'model-overtakes');
      const answer =
        !hasMlp || level === undefined
          ? null
          : overtakes.length
            ? {
                short: `是：MLP 超过了${overtakes.map((x) => model(x.model)).join('、')}`,
                sentence: `是，在这里：${overtakes.map(crossing).join('；')}（${paired.method(level)}）。`,
              }
            : overtaken.length
              ? {
                  short: `否：${overtaken.map((x) => model(x.model)).join('、')}超过了 MLP`,
                  sentence: `否，在这里：${overtaken.map(crossing).join('；')}（${paired.method(level)}）。`,
                }
              : {
                  short: '未见',
                  sentence: `在这些规模上未见：对每个经典模型，MLP 都没有出现在某个规模上显著落后、在另一个规模上显著领先的情况，反之亦然（${paired.method(level)}）。`,
                };
      const diverged = divergedRuns ? `有 ${divergedRuns} 次 MLP 运行发散，不计入均值。` : '';
      return {
        question: '深度学习比经典机器学习需要更多数据吗？',
        short:
          answer?.short ??
          (last.leader !== null && !last.tiedWith.length
            ? `${last.size} 行时${model(last.leader)}最好`
            : `${last.size} 行时${ui.words.tied}`),
        tone: 'neutral' as const,
        answer: `${answer?.sentence ?? ''}${leaderSentence(doc, leaders[0], 0)}${leaderSentence(doc, last, k)}${mlp}${diverged}`,
      };
    }),
  method: (doc) => [
    ...trainingMethod(
      'zh',
      { ...doc.spec, pins: {} },
      null,
      `学习率：恒定 ${doc.spec.training.optimizer.lr}；MLP 在每个规模上都训练 ${doc.spec.steps} 步（固定预算）。`,
    ),
    `子集：在每个规模上，${ui.words.seeds(doc.spec.seeds.length)}各自用 split 流从 ${doc.trainRows} 个训练行中抽取分层子集；缩放统计量来自子集；${doc.testRows} 个测试行保持不变。`,
    `经典模型：逻辑回归（softmax，L2 同 scikit-learn 的 C = 1）、kNN（k = ${doc.spec.knnK}）、完全生长的决策树、${doc.spec.forestTrees} 棵树的随机森林。`,
    '比较：同一个种子下每个模型拟合同样的子集，所以按种子配对比较（配对 t 区间，Bonferroni 校正）。只有显著胜过其他每个模型时，才说某个模型在该规模上领先；交叉点要求 MLP 在某个规模上显著落后于某模型、在之后的规模上显著领先（或相反）。发散的 MLP 运行单独计数，不计入比较。',
  ],
  labels: {
    heading: '学习曲线',
    caption: (seeds, testRows) => `每个规模上 ${seeds} 个分层子集的均值 ± 标准差；测试集固定为 ${testRows} 行。`,
    alt: '各模型测试准确率随训练集大小的变化（均值 ± 一个标准差）。',
    sizeAxis: '训练集大小（行）',
    model: '模型',
    divergedNote: (n) => `（${n} 次发散）`,
    differencesHeading: '按种子配对：MLP 对各模型',
    differencesCaption: (level) =>
      `MLP 减去该模型的准确率（百分点），为各种子的均值及其 ${level} 配对区间；▲ MLP 显著领先，▼ 显著落后，= 持平。`,
    difference: (meanDiff, interval, sign) => `${sign > 0 ? '▲' : sign < 0 ? '▼' : '='} ${f.points(meanDiff)} ${paired.interval(interval)}`,
    crossoversLine: (list) => `交叉点：${list}。`,
    crossover: crossing,
    leadersLine: (list) => `每个规模上最好的模型：${list}。`,
    leadersSeparator: '；',
    leader: (l) => `${l.size} 行：${leaderName(l)}`,
  },
};
