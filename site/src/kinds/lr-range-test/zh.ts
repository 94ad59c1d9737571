import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { pairedWords } from '../pairedWords.ts';
import { trainingMethod } from '../setupMethod.ts';
import type { LrRangeTestWords } from './en.ts';

const f = formatFor('zh');
const ui = t('zh');
const paired = pairedWords('zh');
const lr = (x: number | null) => (x === null ? ui.words.notAvailable : f.lr(x));
const decades = (x: number | null) => (x === null ? ui.words.notAvailable : `${f.num(x, 2)} 个数量级`);

export const zh: LrRangeTestWords = {
  name: '学习率范围测试',
  question: (doc) =>
    `这个网络该用多大的学习率？Smith 的范围测试在 ${ui.words.seeds(doc.spec.seeds.length)}上，让学习率逐批从 ${f.lr(doc.spec.range.startLr)} 增大到 ${f.lr(doc.spec.range.endLr)}，从每条损失曲线上读出建议值，再用建议值训练加以检验。`,
  title: (doc) => `学习率范围测试：${doc.spec.dataset.name}，${doc.spec.training.optimizer.kind}，${ui.words.seeds(doc.spec.seeds.length)}`,
  presetTitles: { 'digits-lr-range': (doc) => `该用多大的学习率？${ui.words.seeds(doc.spec.seeds.length)}上的范围测试（digits，SGD）` },
  headline(doc) {
    const rule = doc.verification.suggestion;
    const s = doc.suggestions[rule];
    const holds = doc.verdict.find((v) => v.question === 'holds-up')?.outcome.is;
    const tail = holds === 'yes' ? '，经检验成立 ✓' : holds === 'no' ? '，经检验不成立 ✗' : '';
    return `${rule} 建议 lr ${lr(s.median)}（四分位距 ${decades(s.iqrDecades)}）${tail}`;
  },
  badge: (doc) => `lr ${lr(doc.suggestions[doc.verification.suggestion].median)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const s = doc.suggestions[doc.verification.suggestion];
      if (v.question === 'suggested-lr') {
        const question = '范围测试建议用多大的学习率？';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
        const over =
          v.facts.seedsWithSuggestion === v.facts.seeds
            ? `${v.facts.seeds} 个种子`
            : `${v.facts.seeds} 个种子中给出建议的 ${v.facts.seedsWithSuggestion} 个`;
        return {
          question,
          short: `lr ${lr(s.median)}`,
          tone: 'neutral' as const,
          answer: `${v.facts.rule} 规则建议 ${lr(s.median)}：这是 ${over}的中位数，四分位区间为 ${lr(s.q25)} 到 ${lr(s.q75)}。`,
        };
      }
      if (v.question === 'suggestion-spread') {
        const question = '建议值随种子变化多大？';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
        const all = (['steepest', 'minOver10', 'valley'] as const).map((r) => `${r} ${decades(doc.suggestions[r].iqrDecades)}`);
        return {
          question,
          short: decades(s.iqrDecades),
          tone: 'neutral' as const,
          answer: `中间一半种子的建议值跨越 ${decades(s.iqrDecades)}（一个数量级即相差 10 倍）。各规则：${all.join('，')}。`,
        };
      }
      // What is left is the holds-up question.
      const question = '用这个建议值训练，效果站得住吗？';
      const arms = doc.verification.arms
        .map((a) => `×${a.multiplier}（lr ${lr(a.lr)}）：${a.summary ? f.pct(a.summary.mean) : ui.words.diverged}`)
        .join('；');
      if (v.outcome.is === 'undecided')
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
      const { comparisons, level, x1Diverged } = v.facts;
      const diffs = paired.differences(comparisons, (c) => `×${c.against} − ×1`);
      const better = comparisons.filter((c) => c.interval !== null && c.interval[0] > 0).map((c) => `×${c.against}`);
      const yes = v.outcome.is === 'yes';
      const why = x1Diverged
        ? '以建议值本身训练的每次运行都发散了。'
        : yes
          ? '在同样的种子上，没有别的倍数显著更好'
          : `在同样的种子上，${better.join('、')} 显著更好`;
      const evidence = x1Diverged || !comparisons.length ? '' : `（${paired.method(level)}：${diffs}）。`;
      return {
        question,
        short: yes ? '是 ✓' : '否 ✗',
        tone: yes ? ('good' as const) : ('bad' as const),
        answer: `${yes ? '是' : '否'}。${why}${evidence}各倍数的平均测试准确率：${arms}。`,
      };
    }),
  method: (doc) => {
    const { range, verify, training } = doc.spec;
    return [
      ...trainingMethod('zh', doc.spec, null, '学习率：由下面的范围测试设定。'),
      `范围测试：学习率在 ${range.iterations} 个批次内从 ${f.lr(range.startLr)} ${range.mode === 'exponential' ? '按指数' : '线性地'}增大到 ${f.lr(range.endLr)}，循环使用打乱后的训练行。损失用指数移动平均（β ${range.smoothing}）平滑并做偏差校正；平滑损失超过自身最好值的 ${range.divergeFactor} 倍时，该种子停止。`,
      `规则（与 fastai 的 lr_find 相同）：只读取从第 ${Math.floor(range.iterations / 10)} 个批次（扫描的十分之一）到倒数第五个之前的记录，并在第一个非有限损失处截断。steepest：平滑损失相对 ln(lr) 下降最陡一步的左端点；minOver10：最低损失处的 lr 除以 10；valley：最长下降段大约一半处。`,
      `检验：在同样的种子上，以 ${verify.suggestion} 建议值的中位数乘以 ${verify.multipliers.map((m) => `×${m}`).join('、')} 训练 ${training.epochs} 轮。`,
      ui.method.seeds(doc.spec.seeds, f),
    ];
  },
  labels: {
    curvesHeading: '逐个种子的范围测试',
    curvesCaption: '细线：每个种子的平滑损失；粗线：中位数；虚线：各规则建议值的中位数，色带为四分位区间。',
    curvesAlt: '每个种子的范围测试曲线（细线）、中位数曲线（粗线）以及各规则建议值的中位数与四分位区间。',
    lrAxis: '学习率',
    lossAxis: '平滑后的损失',
    spreadCaption: '每个点：一个种子的建议值。',
    spreadAlt: '每条规则在每个种子上给出的建议学习率。',
    suggestedAxis: '建议的学习率',
    seedDot: (seed, value) => `种子 ${seed}：${value}`,
    suggestionsHeading: '建议值',
    rule: '规则',
    q25: '下四分位数',
    q75: '上四分位数',
    iqr: '四分位距（数量级）',
    verificationHeading: '用建议值训练',
    arm: (multiplier, value) => `×${multiplier}（lr ${value}）`,
    groupsAlt: '每组每个种子的测试准确率（点）及组均值（竖线）。',
  },
};
