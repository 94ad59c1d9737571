import type { ScheduleSpec } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { pairedWords } from '../pairedWords.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { LrScheduleWords } from './en.ts';
import { winningSchedule } from './winner.ts';

const f = formatFor('zh');
const ui = t('zh');
const paired = pairedWords('zh');

function describeSchedule(s: ScheduleSpec): string {
  switch (s.type) {
    case 'constant':
      return `${s.name}：恒定 ${f.lr(s.lr)}`;
    case 'step':
      return `${s.name}：${s.rates.map(f.lr).join('、')}，在第 ${s.boundaries.join('、')} 轮之后切换`;
    case 'exponential':
      return `${s.name}：${f.lr(s.lr)}，每轮乘以 ${s.gamma}`;
    case 'triangular':
      return `${s.name}：在 ${f.lr(s.minLr)} 与 ${f.lr(s.maxLr)} 之间三角循环，半个周期 ${s.halfCycleEpochs} 轮，每批变化`;
    case 'one-cycle':
      return `${s.name}：在前 ${f.pct(s.pctStart, 0)} 的步数内升到 ${f.lr(s.maxLr)}，随后余弦退火（除数 ${s.divFactor} 和 ${s.finalDivFactor}）`;
  }
}

export const zh: LrScheduleWords = {
  name: '学习率计划',
  question: (doc) =>
    `哪种学习率计划最适合训练这个网络？${doc.spec.schedules.length} 种计划，每种都在同样的 ${ui.words.seeds(doc.spec.seeds.length)}上训练。`,
  title: (doc) => `学习率计划：${doc.spec.dataset.name}，${doc.spec.schedules.length} 种计划，${ui.words.seeds(doc.spec.seeds.length)}`,
  presetTitles: { 'digits-lr-schedules': (doc) => `从高到低，还是循环？digits 上的 ${doc.spec.schedules.length} 种学习率计划` },
  headline(doc) {
    const { outcome, facts } = doc.verdict[0];
    const best = winningSchedule(doc);
    if (best?.summary) return `最好：${best.name}，${ui.words.seeds(best.runs.length)}上 ${f.pct(best.summary.mean)}`;
    if (outcome.is === 'tied') return `持平：${[facts.leader ?? '', ...facts.tiedWith].join('、')}`;
    return facts.leader ? `只有 ${facts.leader}` : '全部发散';
  },
  badge(doc) {
    const best = winningSchedule(doc);
    return best?.summary
      ? `${best.name} ${f.pct(best.summary.mean)}`
      : doc.verdict[0].outcome.is === 'tied'
        ? '持平'
        : ui.words.notAvailable;
  },
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const question = '在同样的种子上，哪种计划训练得最好？';
      if (v.outcome.is === 'undecided')
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
      const { leader, tiedWith, comparisons, level, notAtMinimum } = v.facts;
      const means = doc.schedules.map((s) => `${s.name} ${s.summary ? f.pct(s.summary.mean) : ui.words.diverged}`).join('；');
      const diffs = paired.differences(comparisons, (c) => `${leader} − ${c.against}`);
      const method = paired.method(level);
      const caution = notAtMinimum.length
        ? `注意：${notAtMinimum.join('、')} 结束时的学习率高于其最低值（周期被截断），可能影响排名。`
        : '';
      if (v.outcome.is === 'winner')
        return {
          question,
          short: v.outcome.who,
          tone: 'neutral' as const,
          answer: `${v.outcome.who}：在同样的种子上胜过其他每种计划（${method}：${diffs}）。各计划均值：${means}。${caution}`,
        };
      if (v.outcome.is === 'tied')
        return {
          question,
          short: ui.words.tied,
          tone: 'neutral' as const,
          answer: `持平：${leader} 的均值最高，但它对 ${tiedWith.join('、')} 的领先在噪声之内（${method}：${diffs}）。各计划均值：${means}。${caution}`,
        };
      return {
        question,
        short: leader ?? ui.words.notAvailable,
        tone: 'neutral' as const,
        answer: `只训练了 ${leader}：${means}。${caution}`,
      };
    }),
  method: (doc) => [
    ...trainingMethod('zh', doc.spec, null, `学习率，每次一种计划：${doc.spec.schedules.map(describeSchedule).join('；')}。`),
    ui.method.seeds(doc.spec.seeds, f),
  ],
  labels: {
    heading: '学习率与准确率',
    lrCaption: '各计划的学习率随步数的变化。',
    lrAlt: '每种学习率计划的学习率随步数的变化。',
    lrAxis: '学习率',
    stepAxis: '步数',
    dotsCaption: '每个点：一个种子的最终测试准确率；竖线：均值。',
    groupsAlt: '每组每个种子的测试准确率（点）及组均值（竖线）。',
    seedDot: (seed, value) => `种子 ${seed}：${value}`,
    curvesAlt: '各学习率计划每轮测试准确率的中位数。',
    epochAxis: '轮次',
    schedule: '计划',
    end: '结束于最低学习率',
    endNote: (last, lowest) => `最后 ${last}，最低 ${lowest}`,
  },
};
