import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { notAnswered } from '../notAnswered.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { VarianceSourcesWords } from './en.ts';
import { addUpFacts, byUse, singleSources, sourceOf, spreadWords } from './facts.ts';

const f = formatFor('zh');
const ui = t('zh');
const { points, interval, pctInterval, spread } = spreadWords('zh');
const SOURCE_NAMES: Record<string, string> = {
  data: '数据生成',
  split: '数据划分',
  init: '初始权重',
  order: '数据顺序',
  dropout: 'dropout 掩码',
  all: '全部来源',
};
const name = (s: string) => SOURCE_NAMES[s] ?? s;
const CANNOT_VARY = { 'bundled-data': '数据集是内置的', 'fixed-split': '划分是固定的下标规则', 'no-dropout': '模型没有 dropout' };
const UNUSED = {
  'bundled-data': '数据集是内置的：数据流不生成任何东西。',
  'fixed-split': '这里的划分是固定的下标规则，没有可变化的随机性。',
  'no-dropout': '模型没有 dropout，这个流从未被使用。',
};

export const zh: VarianceSourcesWords = {
  name: '方差来源',
  question: (doc) =>
    `为什么同一个网络每次运行的准确率都不同？每个随机性来源（${singleSources(doc).map(name).join('、')}）单独变化 ${doc.spec.runs} 次，其余固定为种子 ${doc.spec.baseSeed}；再让所有来源同时变化；并用 ${ui.words.seeds(doc.spec.implementationSeeds)}在 cpu 和 wasm 两个后端上训练。`,
  title: (doc) => `方差从哪里来：${doc.spec.dataset.name}，每个来源 ${doc.spec.runs} 次运行`,
  presetTitles: { 'digits-variance-sources': () => '为什么每次运行的准确率都不同？digits 上的方差来源' },
  headline(doc) {
    const [largest] = doc.verdict;
    const top =
      largest.question !== 'largest-source' || largest.facts.leader === null
        ? ui.words.none
        : largest.outcome.is === 'winner'
          ? name(largest.facts.leader)
          : `持平：${[largest.facts.leader, ...largest.facts.tiedWith].map(name).join('、')}`;
    return `全部来源：标准差 ${points(sourceOf(doc, 'all')?.std ?? null)}；最大的单一来源：${top}`;
  },
  badge: (doc) => `标准差 ${points(sourceOf(doc, 'all')?.std ?? null)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      if (v.question === 'largest-source') {
        const question = '为什么同一个网络每次运行的准确率都不同？';
        if (v.outcome.is === 'undecided' || v.facts.leader === null)
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided['all-diverged'] };
        const { leader, tiedWith, comparisons, level } = v.facts;
        const { varied, fixed } = byUse(doc, v.facts.ranking);
        const cannotVary = fixed
          .map((s) => {
            const reason = sourceOf(doc, s)?.unusedBecause;
            return reason ? `${name(s)}无法变化：${CANNOT_VARY[reason]}。` : '';
          })
          .join('');
        const singles = varied.map((source) => {
          const s = sourceOf(doc, source);
          const share = s?.share == null ? '' : `（占单一来源方差之和的 ${f.pct(s.share)}${pctInterval(s.shareInterval)}）`;
          return `${name(source)} ${spread(doc, source)}${share}`;
        });
        const ratios = comparisons
          .filter((c) => varied.includes(c.against))
          .map((c) =>
            c.ratio === null
              ? `${name(c.against)}没有离散`
              : `对${name(c.against)} ×${f.num(c.ratio, 2)}${interval(c.interval, (x) => f.num(x, 2))}`,
          )
          .join('，');
        const ranking =
          v.outcome.is === 'winner'
            ? `${name(leader)}最大：它的方差显著大于其他每个来源（方差比及 ${f.pct(level, 2)} F 区间：${ratios}）。`
            : `${name(leader)}的离散最大，但与${tiedWith.map(name).join('、')}持平：方差比的 ${f.pct(level, 2)} F 区间包含 1（${ratios}）。`;
        const { testSampling } = doc;
        const scale =
          testSampling.standardError === null || testSampling.accuracy === null
            ? ''
            : `作为参照：在 ${testSampling.testRows} 个测试行上 ${f.pct(testSampling.accuracy)} 的测试准确率，其二项标准误为 ${points(testSampling.standardError)}（√(p(1−p)/n)），即仅仅换一个同样大小的测试集就会带来的变化。${sourceOf(doc, 'split')?.unusedBecause === 'fixed-split' ? '这里的划分是固定的，每次运行都在同样的行上评分，所以任何测得的来源都不包含这部分误差。' : ''}`;
        return {
          question,
          short: v.outcome.is === 'winner' ? name(leader) : `${ui.words.tied}：${[leader, ...tiedWith].map(name).join('、')}`,
          tone: 'neutral' as const,
          answer: `${ranking}所有来源同时变化时，测试准确率的标准差为 ${spread(doc, 'all')}（95% 区间）。每次只变化一个来源时：${singles.join('，')}。${cannotVary}${scale}`,
        };
      }
      if (v.question === 'sources-add-up') {
        const question = '各单一来源加起来等于全部同时变化吗？';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'neutral' as const, answer: ui.words.undecided[v.outcome.because] };
        const facts = addUpFacts(v.facts);
        const measured = `如果各来源独立相加，全部同时变化时的标准差应为单一来源方差之和的平方根，即 ${points(facts.expectedStd)}；实测为 ${points(facts.allStd)}。全部来源的方差与该和之比：${f.num(facts.ratio, 2)}${interval(v.facts.ratioInterval, (x) => f.num(x, 2))}（95% 自助法区间）。`;
        if (v.outcome.is === 'yes')
          return { question, short: ui.words.yes, tone: 'neutral' as const, answer: `是，在噪声之内：区间包含 1。${measured}` };
        return {
          question,
          short: ui.words.no,
          tone: 'neutral' as const,
          answer: facts.above
            ? `否：各来源一起变化时，准确率的离散大于它们各自效应之和（相互放大）。${measured}`
            : `否：各来源一起变化时，准确率的离散小于它们各自效应之和（效应相互重叠）。${measured}`,
        };
      }
      const im = doc.implementation;
      if (v.outcome.is === 'undecided') return notAnswered('zh', '同一个种子，cpu 和 wasm 后端得到同样的模型吗？', v.outcome.because);
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
    `来源：对${singleSources(doc).map(name).join('、')}中的每一个，第 1–${doc.spec.runs} 次运行只改变这一个流，其余流固定为种子 ${doc.spec.baseSeed}；“全部来源”让所有流一起变化。一个来源的占比是它的方差除以各单一来源方差之和。`,
    '不确定性：每个标准差给出 95% 卡方区间（假设运行结果近似正态）；每个占比给出 95% 百分位自助法区间（2000 次重抽样，各来源的运行分别重抽）；最大来源与其他每个来源用方差比的 F 区间比较（Bonferroni 校正）。测试集抽样误差为二项标准误 √(p(1−p)/n)，与 Bouthillier 等人（MLSys 2021）的处理相同。',
    `实现层面：种子 1–${doc.spec.implementationSeeds} 分别在 cpu 和 wasm 上训练，比较指纹、最大权重差和准确率。`,
  ],
  labels: {
    heading: '各来源的方差',
    stdAxis: '测试准确率的标准差（百分点）',
    alt: '每个随机性来源单独变化、以及全部同时变化时，测试准确率的标准差及其 95% 区间；虚线标出测试集抽样误差。',
    testSamplingMark: '测试集抽样',
    groupsAlt: '每个来源下每次运行的测试准确率（点）及均值（竖线）。',
    seedDot: (seed, value) => `第 ${seed} 次运行：${value}`,
    source: '来源',
    sourceName: name,
    stdWithInterval: '标准差 [95% 区间]',
    share: '占比 [95% 区间]',
    unused: UNUSED,
    implementationHeading: '实现层面：cpu 与 wasm',
    maxWeightDiff: '最大 |Δw|',
    accuracyCpuWasm: '准确率 cpu / wasm',
  },
};
