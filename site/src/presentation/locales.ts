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
    'effectSize',
    'src',
  ],
};

/**
 * A locale's typesetting of the sentences Seedlab writes: Chinese puts a space between Han
 * characters and Latin letters or digits ("与 MLP 持平", "种子 1、2 和 3"), as its pages do by
 * hand, and before a multiplication sign or after a closing bracket ("和 ×10", "[1.05, 7.03] 和").
 */
export const TYPESET: Record<Locale, (sentence: string) => string> = {
  en: (s) => s,
  zh: (s) => s.replace(/(\p{Script=Han})(?=[A-Za-z0-9×])/gu, '$1 ').replace(/([A-Za-z0-9\]])(?=\p{Script=Han})/gu, '$1 '),
};

/** Text a user wrote, shown as written and marked with its language for readers and screen readers. */
export interface UserText {
  text: string;
  lang: string;
}

/**
 * The language of text a user wrote (a title, an arm label), guessed from its script: Han
 * characters mean Chinese, anything else is taken as English. Specs carry no language field.
 */
export function userText(text: string): UserText {
  return { text, lang: /\p{Script=Han}/u.test(text) ? 'zh' : 'en' };
}
