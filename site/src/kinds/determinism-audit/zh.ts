import { t } from '../../i18n/index.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { DeterminismAuditWords } from './en.ts';

const ui = t('zh');
const model = (id: string) => ui.models[id] ?? id;

export const zh: DeterminismAuditWords = {
  name: '确定性审计',
  question: (doc) =>
    `每种算法每次都会得到同样的模型吗？${doc.spec.models.map(model).join('、')}各训练四次：种子 ${doc.spec.seed}、再用种子 ${doc.spec.seed}、种子 ${doc.spec.otherSeed}、以及种子 ${doc.spec.seed} 但训练行换一种顺序。然后逐位比较得到的模型。`,
  title: (doc) => `确定性审计：${doc.spec.dataset.name}，${doc.rows.length} 种算法`,
  presetTitles: { 'digits-determinism': () => '每种算法每次都会得到同样的模型吗？（digits）' },
  headline: (doc) => `总是同样的模型：${doc.verdict[0].facts.alwaysSame.map(model).join('、') || ui.words.none}`,
  badge: (doc) => `${doc.verdict[0].facts.alwaysSame.length}/${doc.rows.length} 总是相同`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const varies = v.facts.varies.map((id) => {
        const r = doc.rows.find((x) => x.model === id);
        const why = [
          r && !r.sameSeedIdentical && '即使种子相同',
          r && !r.differentSeedIdentical && '换种子时',
          r && !r.permutedRowsIdentical && '打乱行顺序时',
        ].filter((x): x is string => Boolean(x));
        return `${model(id)}（${why.join('、')}）`;
      });
      const yes = v.outcome.is === 'yes';
      return {
        question: '每种算法每次都会得到同样的模型吗？',
        short: yes ? '是' : '否',
        tone: 'neutral' as const,
        answer: `${yes ? '是' : '否'}。总是同样的模型（同种子、换种子、打乱行顺序）：${v.facts.alwaysSame.map(model).join('、') || ui.words.none}。会得到不同模型：${varies.join('；') || ui.words.none}。`,
      };
    }),
  method: (doc) => [
    ...trainingMethod('zh', doc.spec, null),
    `四次训练：种子 ${doc.spec.seed}；再次用种子 ${doc.spec.seed}；种子 ${doc.spec.otherSeed}；种子 ${doc.spec.seed} 且训练行换成另一种固定顺序。MLP 和经典模型的随机性都来自该种子的各个流。`,
    '比较：逐位比较学到的参数（kNN 没有参数，比较它在测试集上的预测）。',
  ],
  labels: {
    heading: '审计表',
    algorithm: '算法',
    sameSeed: '同种子同顺序：相同？',
    otherSeed: '换种子：相同？',
    permuted: '同种子、打乱行：相同？',
    comparedBy: '比较对象',
    compared: { parameters: '参数', predictions: '预测' },
    samePredictions: '（预测相同）',
    alwaysSame: '总是同样的模型：',
    varies: '每次可能不同：',
    alt: '各算法的测试准确率。',
    modelName: model,
  },
};
