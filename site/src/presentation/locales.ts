import { withBalancedBidi } from '../../../src/index.ts';

/** The site's locales: English at the root, Chinese under /zh. */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

export const localePrefix = (locale: Locale) => (locale === 'en' ? '' : `/${locale}`);

/** BCP 47 tags for <html lang>, Intl and Open Graph. */
export const LOCALE_TAGS: Record<Locale, { html: string; intl: string; openGraph: string }> = {
  en: { html: 'en', intl: 'en-US', openGraph: 'en_US' },
  zh: { html: 'zh-CN', intl: 'zh-CN', openGraph: 'zh_CN' },
};

/**
 * Latin names a locale's sentences use that stay as written (backends, code names, libraries,
 * files): marked translate="no" wherever a page shows them. English pages keep none (their prose
 * would have its common words caught).
 */
export const KEPT_AS_WRITTEN: Record<Locale, readonly string[]> = {
  en: [],
  zh: [
    'cpu',
    'wasm',
    'logits',
    'softmax',
    'dropout',
    'one-cycle',
    'digits',
    'bootstrap',
    'fastai',
    'lr_find',
    'scikit-learn',
    'numpy',
    'ddof',
    'pandas',
    'spec.json',
    'curl',
    'effectSize',
    'src',
    'scipy',
    'trim_mean',
    'rliable',
    'runs.csv',
    'scale',
  ],
};

/**
 * What a term a locale keeps in English means, said in parentheses at its first use on a page
 * ("MLP（多层感知机）"): a reader meets "softmax" or "init" in a Chinese report without the glossary.
 * English pages explain their terms in their own words, and keep none.
 */
export const EXPLAINED_ON_FIRST_USE: Record<Locale, Readonly<Record<string, string>>> = {
  en: {},
  zh: {
    MLP: '多层感知机',
    SVM: '支持向量机',
    RBF: '径向基函数',
    gamma: 'RBF 核的宽度参数',
    LIBSVM: 'SVM 训练库',
    SMO: '序列最小优化算法',
    SVC: 'SVM 分类器',
    LIBLINEAR: '线性模型训练库',
    'L-BFGS': '有限内存拟牛顿优化法',
    LinearSVC: '线性 SVM 分类器',
    kNN: 'k 近邻',
    Adam: '自适应矩估计优化器',
    adam: '自适应矩估计优化器',
    AdamW: '权重衰减分离的 Adam',
    SGD: '随机梯度下降',
    sgd: '随机梯度下降',
    lr: '学习率',
    relu: '线性整流激活函数',
    tanh: '双曲正切激活函数',
    sigmoid: 'S 形激活函数',
    glorotUniform: 'Glorot 均匀初始化',
    glorotNormal: 'Glorot 正态初始化',
    heUniform: 'He 均匀初始化',
    heNormal: 'He 正态初始化',
    logits: '各类别未归一化的分数',
    softmax: '把分数变成概率的归一化指数函数',
    L2: '权重平方和惩罚',
    init: '初始权重的随机流',
    order: '批次顺序的随机流',
    split: '训练集与测试集划分的随机流',
    dropout: '随机丢弃神经元',
    data: '生成数据的随机流',
    cpu: '纯 JavaScript 后端',
    wasm: 'WebAssembly 后端',
    'SHA-256': '密码学哈希函数',
    effectSize: '要检测的差异',
    steepest: '最陡下降规则',
    minOver10: '最小损失处除以 10 的规则',
    valley: '谷底规则',
    'scikit-learn': 'Python 机器学习库',
    fastai: 'Python 深度学习库',
    lr_find: '学习率查找函数',
    scipy: 'Python 科学计算库',
    trim_mean: '截尾均值函数',
    rliable: '强化学习评估库',
    'TensorFlow.js': 'JavaScript 机器学习库',
    PyTorch: 'Python 深度学习库',
    iris: '鸢尾花数据集',
    digits: '手写数字数据集',
    wine: '葡萄酒数据集',
    'breast-cancer': '乳腺癌数据集',
    moons: '两个交错半月的合成数据',
    circles: '两个同心圆的合成数据',
    xor: '异或形状的合成数据',
    blobs: '高斯团簇的合成数据',
    spiral: '螺旋形的合成数据',
    CLI: '命令行工具',
    JSON: '结构化数据格式',
    CSV: '逗号分隔的表格',
    Markdown: '轻量标记语言',
  },
};

/**
 * A locale's typesetting of the sentences Seedlab writes: Chinese puts a space between Han
 * characters and Latin letters or digits ("与 MLP 持平", "种子 1、2 和 3"), as its pages do by
 * hand, and before a multiplication sign or after a closing bracket ("和 ×10", "[1.05, 7.03] 和"); a
 * space between two Han characters (left by a phrase whose value may start with a number or with
 * Chinese: "切成 {batches}") goes.
 */
export const TYPESET: Record<Locale, (sentence: string) => string> = {
  en: (s) => s,
  // The space goes outside a user's isolated text (FSI before it, PDI after it).
  zh: (s) =>
    s
      .replace(/(\p{Script=Han}) +(?=\p{Script=Han})/gu, '$1')
      .replace(/(\p{Script=Han})(?=\u2068?[A-Za-z0-9×])/gu, '$1 ')
      .replace(/([A-Za-z0-9\]]\u2069?)(?=\p{Script=Han})/gu, '$1 '),
};

/**
 * Text a user wrote is isolated wherever it is shown (UAX #9): between FSI and PDI it takes its own
 * direction, so a Hebrew or Arabic label cannot reorder the numbers beside it, and a control left
 * open in it (stored before the input rule) is dropped, so it cannot reorder what follows. Pages
 * show an isolate as <bdi> (Glossed.astro), SVG and the PNG keep the two marks (resvg honours them
 * and draws nothing for them), meta tags and attributes get plain text (plainText).
 */
const FSI = '\u2068';
const PDI = '\u2069';
export const isolate = (text: string) => `${FSI}${withBalancedBidi(text)}${PDI}`;

/** Text for meta tags, attributes and JSON: without bidirectional controls (U+202A..U+202E, U+2066..U+2069). */
export const plainText = (text: string) => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/** A sentence in runs: the text between isolates, and each outermost isolate's text (without its marks). */
export function isolatedRuns(sentence: string): { text: string; isolated: boolean }[] {
  const runs: { text: string; isolated: boolean }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    const opens = c === 0x2066 || c === 0x2067 || c === 0x2068;
    if (opens && depth++ === 0) {
      if (i > start) runs.push({ text: sentence.slice(start, i), isolated: false });
      start = i + 1;
    } else if (c === 0x2069 && depth > 0 && --depth === 0) {
      runs.push({ text: sentence.slice(start, i), isolated: true });
      start = i + 1;
    }
  }
  if (start < sentence.length) runs.push({ text: sentence.slice(start), isolated: depth > 0 });
  return runs;
}

/** Text a user wrote, isolated, and marked with its language for readers and screen readers. */
export interface UserText {
  text: string;
  lang: string;
}

/**
 * The language of text a user wrote (a title, an arm label), guessed from its script: Han
 * characters mean Chinese, anything else is taken as English. Specs carry no language field.
 */
export function userText(text: string): UserText {
  return { text: isolate(text), lang: /\p{Script=Han}/u.test(text) ? 'zh' : 'en' };
}
