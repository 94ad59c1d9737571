import type { DeterminismAuditDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { DeterminismAuditWords } from './en.ts';

const f = formatFor('zh');
const ui = t('zh');
const model = (id: string) => ui.models[id] ?? id;
type Row = DeterminismAuditDocument['rows'][number];
type Comparison = Row['comparisons']['sameSeed'];

const CLASS_NAMES = {
  deterministic: '确定性',
  'order-dependent': '依赖行顺序',
  'seed-dependent': '依赖种子',
  nondeterministic: '非确定性',
};
const CLASS_MEANINGS = {
  deterministic: '无论种子和行顺序如何，都得到同一个模型',
  'order-dependent': '每个种子得到同一个模型，行顺序变了模型就变',
  'seed-dependent': '换种子得到另一个模型，同一个种子再次得到同一个模型',
  nondeterministic: '同一个种子在同样的行上再运行一次，也会得到另一个模型',
};

function comparison(c: Comparison): string {
  if (c.outcome === 'bit-identical') return '逐位相同';
  const moved = c.maxAbsParameterDiff === null ? '' : `，参数最多相差 ${f.sci(c.maxAbsParameterDiff)}`;
  return c.outcome === 'same-predictions' ? `预测相同${moved}` : `预测不同${moved}`;
}

export const zh: DeterminismAuditWords = {
  name: '确定性审计',
  question: (doc) =>
    `每种算法每次都会得到同样的模型吗？${doc.spec.models.map(model).join('、')}各训练四次：种子 ${doc.spec.seed}；再用种子 ${doc.spec.seed}；在同样的数据和划分上用种子 ${doc.spec.otherSeed}；种子 ${doc.spec.seed} 但训练行换一种顺序。然后逐位比较得到的模型。`,
  title: (doc) => `确定性审计：${doc.spec.dataset.name}，${doc.rows.length} 种算法`,
  presetTitles: { 'digits-determinism': () => '每种算法每次都会得到同样的模型吗？（digits）' },
  headline: (doc) =>
    (['deterministic', 'order-dependent', 'seed-dependent', 'nondeterministic'] as const)
      .flatMap((c) => (doc.verdict[0].facts[c].length ? [`${CLASS_NAMES[c]}：${doc.verdict[0].facts[c].map(model).join('、')}`] : []))
      .join('；'),
  badge: (doc) => `${doc.verdict[0].facts.deterministic.length}/${doc.rows.length} 确定性`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const yes = v.outcome.is === 'yes';
      const classes = (['deterministic', 'order-dependent', 'seed-dependent', 'nondeterministic'] as const).flatMap((c) =>
        v.facts[c].length ? [`${CLASS_NAMES[c]}（${CLASS_MEANINGS[c]}）：${v.facts[c].map(model).join('、')}`] : [],
      );
      return {
        question: '每种算法每次都会得到同样的模型吗？',
        short: yes ? '是' : '否',
        tone: 'neutral' as const,
        answer: `${yes ? '是' : '否'}：${doc.rows.length} 种算法中有 ${v.facts.deterministic.length} 种无论种子和行顺序如何都得到同一个模型。${classes.join('。')}。`,
      };
    }),
  method: (doc) => [
    ...trainingMethod('zh', doc.spec, null),
    `四次训练：种子 ${doc.spec.seed}；再次用种子 ${doc.spec.seed}；在同样的数据和划分上用种子 ${doc.spec.otherSeed}（data 和 split 流固定为种子 ${doc.spec.seed}，只有算法自身的随机性改变）；种子 ${doc.spec.seed} 且训练行换成另一种固定顺序。`,
    doc.spec.training.reductionOrder === 'shuffled'
      ? '打乱求和顺序：每次运行中，每个批次都以另一种顺序对各行求和，即使种子相同，就像 GPU 上无序的并行归约。'
      : '求和顺序：所有求和都按固定顺序进行，所以同一个种子能逐位复现。',
    '比较：逐位比较学到的参数（kNN 没有参数，比较它在测试集上的预测）；参数不同时，再比较测试预测，并给出最大的参数差。',
    '决策树与 scikit-learn 一样：每个节点按由种子抽出的顺序访问特征，并保留第一个最优划分，所以特征之间打平时由种子决定。',
  ],
  labels: {
    heading: '审计表',
    algorithm: '算法',
    sameSeed: '同一种子再运行',
    otherSeed: '换一个种子',
    permuted: '打乱行顺序',
    category: '类别',
    comparedBy: '比较对象',
    compared: { parameters: '参数', predictions: '预测' },
    comparison,
    className: (c) => CLASS_NAMES[c],
    alt: '各算法的测试准确率。',
    modelName: model,
    driftHeading: '最后几位的差异如何增长',
    driftAxis: '同一种子两次运行之间的最大权重差',
    epochAxis: '轮次',
    driftAlt: '每轮之后，同一种子在同样的行上两次运行之间的最大权重差。',
    driftCaption: (last) => `同一种子的两次运行以不同顺序求和；最后一轮之后，它们的权重最多相差 ${last}。`,
    noDrift: '同一种子的两次运行在每一轮之后都逐位相同。',
  },
};
