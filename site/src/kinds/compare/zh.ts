import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { CompareWords } from './en.ts';

const f = formatFor('zh');
const ui = t('zh');
const pts = (x: number) => ui.words.points(f.points(x));

export const zh: CompareWords = {
  name: 'A/B 对比',
  question: (doc) =>
    `${doc.spec.a.label} 比 ${doc.spec.b.label} 更好吗？两者在同样的 ${ui.words.seeds(doc.spec.seeds.length)}上训练，每个种子的两个准确率配对比较。`,
  title: (doc) => `${doc.spec.a.label} 对比 ${doc.spec.b.label}，${ui.words.seeds(doc.spec.seeds.length)}`,
  presetTitles: { 'digits-adam-vs-sgd': (doc) => `Adam 还是带动量的 SGD？digits 上的 ${ui.words.seeds(doc.spec.seeds.length)}` },
  headline(doc) {
    const d = doc.difference;
    return d
      ? `${doc.arms[0].label} − ${doc.arms[1].label}：${pts(d.meanDiff)} [${f.points(d.ci95[0])}, ${f.points(d.ci95[1])}]`
      : '无法判断';
  },
  badge: (doc) => (doc.difference ? `Δ ${pts(doc.difference.meanDiff)}` : ui.words.notAvailable),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const [A, B] = doc.arms;
      const question = `${A.label} 比 ${B.label} 更好吗？`;
      const d = doc.difference;
      if (v.outcome.is === 'undecided' || !d || !A.summary || !B.summary) {
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided['all-diverged'] };
      }
      const winner = v.outcome.is === 'winner' ? (v.outcome.who === 'a' ? A.label : B.label) : null;
      const effect = pts(v.facts.effectSize);
      const conclusion = winner
        ? `${v.outcome.is === 'winner' && v.outcome.who === 'a' ? '是' : '否'}：${winner} 更好，因为区间不包含零。`
        : v.facts.withinEffectSize
          ? `持平：区间包含零，且落在 ±${effect} 之内，所以真实差异小于这个幅度。`
          : `持平：区间包含零，差异在噪声之内；但这不能排除 ${effect} 的差异。`;
      const needed = doc.seedsNeeded
        ? `按配对差异的离散程度（标准差 ${pts(d.sdDiff)}），要在 5% 水平、80% 功效下检测出 ${pts(doc.seedsNeeded.effectSize)} 的差异，大约需要 ${doc.seedsNeeded.seeds} 个种子（每个种子两种配置都训练）。`
        : '';
      const p =
        doc.probabilityABeatsB === null ? '' : `换一个新种子，${A.label} 胜过 ${B.label} 的概率为 ${f.pct(doc.probabilityABeatsB)}。`;
      return {
        question,
        short: winner ?? ui.words.tied,
        tone: 'neutral' as const,
        answer: `${A.label} ${f.pct(A.summary.mean)}，${B.label} ${f.pct(B.summary.mean)}：相差 ${pts(d.meanDiff)}（95% 配对 t 区间 ${f.points(d.ci95[0])} 到 ${f.points(d.ci95[1])}）。${conclusion}${p}${needed}`,
      };
    }),
  method: (doc) => [
    `A 组，${doc.spec.a.label}：${trainingMethod('zh', doc.spec.a, null).join('')}`,
    `B 组，${doc.spec.b.label}：${trainingMethod('zh', doc.spec.b, null).join('')}`,
    ui.method.seeds(doc.spec.seeds, f),
    '差异：逐个种子配对之差（A − B）的均值及其 95% 配对 t 区间（种子只有十个左右时，百分位自助法区间覆盖不足）。',
    `所需种子数：配对 t 检验在 5%（双侧）水平、80% 功效下检测 ${pts(doc.spec.effectSize)}（规格中的 effectSize）所需的种子数，按实测的配对差标准差，用 Guenther 公式 n = ((z.975 + z.8)·sd/δ)² + z.975²/2 计算。`,
  ],
  labels: {
    heading: '两种配置',
    groupsAlt: '每组每个种子的测试准确率（点）及组均值（竖线）。',
    seedDot: (seed, value) => `种子 ${seed}：${value}`,
    differenceAxis: '准确率差（百分点），95% 配对 t 区间',
    differenceAlt: '两种配置的准确率差及其置信区间；阴影带为 ± 效应量。',
    differenceLabel: (a, b) => `${a} − ${b}`,
    betterSide: (arm, side) => (side === 'left' ? `← ${arm} 更好` : `${arm} 更好 →`),
    probability: 'A 在新种子上胜出的概率',
    seedsNeeded: (effect) => `检测 ${effect} 所需的种子数（配对）`,
  },
};
