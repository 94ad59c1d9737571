import type { DataSizeDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { DataSizeWords } from './en.ts';

const f = formatFor('zh');
const ui = t('zh');
const model = (id: string) => ui.models[id] ?? id;
const meanAt = (doc: DataSizeDocument, id: string, k: number) => doc.curves.find((c) => c.model === id)?.points[k]?.mean ?? Number.NaN;
const crossing = (x: { model: string; size: number; direction: 'mlp-overtakes' | 'model-overtakes' }) =>
  x.direction === 'mlp-overtakes' ? `MLP 在 ${x.size} 行时超过${model(x.model)}` : `${model(x.model)}在 ${x.size} 行时超过 MLP`;

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
    return `${first.size} 行时最好：${model(first.model)}；${last.size} 行时：${model(last.model)}`;
  },
  badge: (doc) => `最好：${model(doc.verdict[0].facts.leaders[doc.verdict[0].facts.leaders.length - 1].model)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const { leaders, crossovers } = v.facts;
      const k = leaders.length - 1;
      const first = leaders[0];
      const last = leaders[k];
      const hasMlp = doc.curves.some((c) => c.model === 'mlp');
      const mlp = hasMlp ? `MLP 从 ${f.pct(meanAt(doc, 'mlp', 0))} 提高到 ${f.pct(meanAt(doc, 'mlp', k))}。` : '';
      const cross = crossovers.length
        ? `交叉点：${crossovers.map(crossing).join('；')}。`
        : hasMlp
          ? '没有交叉点：在每个规模上，MLP 与各经典模型的先后顺序都不变。'
          : '';
      return {
        question: '深度学习比经典机器学习需要更多数据吗？',
        short: `${last.size} 行时${model(last.model)}最好`,
        tone: 'neutral' as const,
        answer: `训练集为 ${first.size} 行时最好的模型是${model(first.model)}（${f.pct(meanAt(doc, first.model, 0))}）；为 ${last.size} 行时是${model(last.model)}（${f.pct(meanAt(doc, last.model, k))}）。${mlp}${cross}`,
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
  ],
  labels: {
    heading: '学习曲线',
    caption: (seeds, testRows) => `每个规模上 ${seeds} 个分层子集的均值 ± 标准差；测试集固定为 ${testRows} 行。`,
    alt: '各模型测试准确率随训练集大小的变化（均值 ± 一个标准差）。',
    sizeAxis: '训练集大小（行）',
    model: '模型',
    crossoversLine: (list) => `交叉点：${list}。`,
    crossover: crossing,
    leadersLine: (list) => `每个规模上最好的模型：${list}。`,
    leader: (size, id) => `${size} 行：${model(id)}`,
  },
};
