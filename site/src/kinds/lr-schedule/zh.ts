import type { ScheduleSpec } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { LrScheduleWords } from './en.ts';
import { winningSchedule } from './winner.ts';

const f = formatFor('zh');
const ui = t('zh');

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
    const best = winningSchedule(doc);
    return best?.summary ? `最好：${best.name}，${ui.words.seeds(best.runs.length)}上 ${f.pct(best.summary.mean)}` : '全部发散';
  },
  badge(doc) {
    const best = winningSchedule(doc);
    return best?.summary ? `${best.name} ${f.pct(best.summary.mean)}` : '发散';
  },
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const question = '在同样的种子上，哪种计划训练得最好？';
      if (v.outcome.is !== 'winner')
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
      const who = v.outcome.who;
      const best = doc.schedules.find((s) => s.name === who);
      const all = doc.schedules.map((s) => `${s.name} ${s.summary ? f.pct(s.summary.mean) : ui.words.diverged}`).join('；');
      const ci = best?.summary ? `（均值的 95% 置信区间 ${f.pct(best.summary.ci95.t[0])} – ${f.pct(best.summary.ci95.t[1])}）` : '';
      return { question, short: who, tone: 'neutral' as const, answer: `${who}，平均测试准确率最高${ci}。各计划均值：${all}。` };
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
  },
};
