import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { VarianceSourcesWords } from './en.ts';

const f = formatFor('zh');
const ui = t('zh');
const std = (x: number | null) => (x === null ? ui.words.notAvailable : ui.words.points(f.points(x)));
const SOURCE_NAMES: Record<string, string> = {
  init: '初始权重',
  order: '数据顺序',
  split: '数据划分',
  dropout: 'dropout 掩码',
  all: '全部来源',
};

export const zh: VarianceSourcesWords = {
  name: '方差来源',
  question: (doc) =>
    `为什么同一个网络每次运行的准确率都不同？每个随机性来源（初始权重、数据顺序、数据划分、dropout 掩码）单独变化 ${doc.spec.runs} 次，其余固定为种子 ${doc.spec.baseSeed}；再让所有来源同时变化；并用 ${ui.words.seeds(doc.spec.implementationSeeds)}在 cpu 和 wasm 两个后端上训练。`,
  title: (doc) => `方差从哪里来：${doc.spec.dataset.name}，每个来源 ${doc.spec.runs} 次运行`,
  presetTitles: { 'digits-variance-sources': () => '为什么每次运行的准确率都不同？digits 上的方差来源' },
  headline(doc) {
    const all = doc.sources.find((s) => s.name === 'all');
    const [largest] = doc.verdict;
    const top =
      largest.question === 'largest-source' && largest.outcome.is === 'winner' ? SOURCE_NAMES[largest.outcome.who] : ui.words.none;
    return `全部来源：标准差 ${std(all?.std ?? null)}；最大的单一来源：${top}`;
  },
  badge: (doc) => `标准差 ${std(doc.sources.find((s) => s.name === 'all')?.std ?? null)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      if (v.question === 'largest-source') {
        const question = '为什么同一个网络每次运行的准确率都不同？';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
        const all = doc.sources.find((s) => s.name === 'all');
        const singles = v.facts.ranking.map((name) => {
          const s = doc.sources.find((x) => x.name === name);
          const share = s?.share == null ? '' : `（占单一来源方差之和的 ${f.pct(s.share)}）`;
          return `${SOURCE_NAMES[name]} ${std(s?.std ?? null)}${share}`;
        });
        return {
          question,
          short: v.outcome.is === 'winner' ? SOURCE_NAMES[v.outcome.who] : ui.words.tied,
          tone: 'neutral' as const,
          answer: `所有来源同时变化时，测试准确率的标准差为 ${std(all?.std ?? null)}。每次只变化一个来源时：${singles.join('，')}。`,
        };
      }
      const im = doc.implementation;
      const yes = v.outcome.is === 'yes';
      return {
        question: '同一个种子，cpu 和 wasm 后端得到同样的模型吗？',
        short: yes ? '是' : '否',
        tone: 'neutral' as const,
        answer: `${yes ? '是' : '否'}：${v.facts.seeds} 个种子中有 ${v.facts.identical} 个指纹相同。权重最大相差 ${f.sci(im.maxAbsWeightDiff)}，准确率最多相差 ${ui.words.points(f.points(im.maxAbsAccuracyDiff))}。`,
      };
    }),
  method: (doc) => [
    ...trainingMethod('zh', doc.spec, null),
    `来源：对初始权重、数据顺序、数据划分和 dropout 掩码中的每一个，第 1–${doc.spec.runs} 次运行只改变这一个流，其余流固定为种子 ${doc.spec.baseSeed}；“全部来源”让所有流一起变化。一个来源的占比是它的方差除以各单一来源方差之和。`,
    `实现层面：种子 1–${doc.spec.implementationSeeds} 分别在 cpu 和 wasm 上训练，比较指纹、最大权重差和准确率。`,
  ],
  labels: {
    heading: '各来源的方差',
    stdAxis: '测试准确率的标准差（百分点）',
    alt: '每个随机性来源单独变化、以及全部同时变化时，测试准确率的标准差。',
    groupsAlt: '每个来源下每次运行的测试准确率（点）及均值（竖线）。',
    seedDot: (seed, value) => `第 ${seed} 次运行：${value}`,
    source: '来源',
    sourceName: (name) => SOURCE_NAMES[name] ?? name,
    share: '占比',
    unused: { 'fixed-split': '这里的划分是固定的下标规则，没有可变化的随机性。', 'no-dropout': '模型没有 dropout，这个流从未被使用。' },
    implementationHeading: '实现层面：cpu 与 wasm',
    maxWeightDiff: '最大 |Δw|',
    accuracyCpuWasm: '准确率 cpu / wasm',
  },
};
