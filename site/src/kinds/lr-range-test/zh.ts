import { translationOf } from '../../presentation/phrases.ts';
import type { en } from './en.ts';

/** LR range test, in Chinese. */
export const zh = translationOf<typeof en>()({
  name: '学习率范围测试',
  question:
    '这个网络该用多大的学习率？Smith 的范围测试在 {seeds}上，让学习率逐批从 {start} 增大到 {end}，从每条损失曲线上读出建议值，再用建议值训练加以检验。',
  title: '学习率范围测试：{dataset}，{optimizer}，{seeds}',
  presetTitles: { 'digits-lr-range': '该用多大的学习率？{seeds}上的范围测试（digits，SGD）' },
  headline: '{rule} 建议 lr {lr}（四分位距 {iqr}）{holds}',
  holds: { yes: '，经检验成立 ✓', no: '，经检验不成立 ✗', undecided: '' },
  badge: 'lr {lr}',
  decades: '{x} 个数量级',
  suggested: {
    question: '范围测试建议用多大的学习率？',
    short: 'lr {lr}',
    answer: '{rule} 规则建议 {lr}：这是 {over}的中位数，四分位区间为 {q25} 到 {q75}。',
    overAll: '{seeds} 个种子',
    overSome: '{seeds} 个种子中给出建议的 {suggested} 个',
  },
  spread: {
    question: '建议值随种子变化多大？',
    answer: '中间一半种子的建议值跨越 {iqr}（一个数量级即相差 10 倍）。各规则：{rules}。',
    rule: '{rule} {iqr}',
  },
  holdsUp: {
    question: '用这个建议值训练，效果站得住吗？',
    yes: '是 ✓',
    no: '否 ✗',
    answerYes: '是。{why}{evidence}各倍数的平均测试准确率：{arms}。',
    answerNo: '否。{why}{evidence}各倍数的平均测试准确率：{arms}。',
    x1Diverged: '以建议值本身训练的每次运行都没有学会。',
    noneBetter: '在同样的种子上，没有别的倍数显著更好',
    better: { other: '在同样的种子上，{better} 显著更好' },
    evidence: '（{method}：{differences}）。',
    noEvidence: '。',
    difference: '×{against} − ×1',
    multiple: '×{multiplier}',
    arm: '×{multiplier}（lr {lr}）：{accuracy}',
  },
  method: {
    learningRate: '学习率：由下面的范围测试设定。',
    exponentially: '按指数',
    linearly: '线性地',
    range:
      '范围测试：学习率在 {iterations} 个批次内从 {start} {mode}增大到 {end}，循环使用打乱后的训练行。损失用指数移动平均（β {smoothing}）平滑并做偏差校正；平滑损失超过自身最好值的 {divergeFactor} 倍时，该种子停止。',
    rules:
      '规则（与 fastai 的 lr_find 相同）：只读取从第 {from} 个批次（扫描的十分之一）到倒数第五个之前的记录，并在第一个非有限损失处截断。steepest：平滑损失相对 ln(lr) 下降最陡一步的左端点；minOver10：最低损失处的 lr 除以 10；valley：最长下降段大约一半处。',
    check: '检验：在同样的种子上，以 {rule} 建议值的中位数乘以 {multiples} 训练 {epochs} 轮。',
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
    seedDot: '种子 {seed}：{value}',
    suggestionsHeading: '建议值',
    rule: '规则',
    q25: '下四分位数',
    q75: '上四分位数',
    iqr: '四分位距（数量级）',
    verificationHeading: '用建议值训练',
    arm: '×{multiplier}（lr {lr}）',
    groupsAlt: '每组每个种子的测试准确率（点）及组均值（竖线）。',
  },
});
