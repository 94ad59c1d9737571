import { formatFor } from './format.ts';
import { isolate, type Locale, TYPESET } from './locales.ts';

/**
 * Sentences in two halves (the ICU MessageFormat idea, kept to what Seedlab needs): code that
 * decides which phrase a study gets and with which values, once and for every locale, and per
 * locale a phrase table that holds text only. A table is data: phrases with {placeholders}, plural
 * phrases, and namespaces or lists of them. It has no functions, so nothing in it can branch; the
 * types make a missing phrase, or a translation whose placeholders differ from English, a
 * type-check failure.
 */

/** Plural forms of one phrase, chosen by its `n` with Intl.PluralRules; `other` is required. */
type PluralPhrase = { readonly other: string } & { readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };
type PhraseValue = string | PluralPhrase | PhraseTable | readonly PhraseValue[];
export interface PhraseTable {
  readonly [key: string]: PhraseValue;
}

/** A value in a sentence, kept free of any locale until a locale renders it. */
export type Arg = string | number | Quantity | Message | ListOf | UserWords | null;
/** Text a user wrote (a label, a schedule's name): rendered isolated (see locales.ts, isolate). */
export interface UserWords {
  readonly user: string;
}
/** A number with how it is written (see format.ts): null is written "n/a". */
export interface Quantity {
  readonly quantity: 'pct' | 'pts' | 'num' | 'int' | 'lr' | 'sci' | 'ranges' | 'value';
  readonly value: number | readonly number[] | null;
  readonly digits?: number;
}
/**
 * Items joined in the locale's way (format.ts): `and` by Intl.ListFormat ("a, b, and c"; "a、b和c"),
 * `series` by the locale's separator for long items ("; ", "；"), `sentences` one after another.
 */
export interface ListOf {
  readonly list: readonly Arg[];
  readonly style: 'and' | 'series' | 'sentences';
}
/** A phrase of a book, with its values. */
export interface Message {
  readonly book: AnyBook;
  readonly path: string;
  readonly args: Readonly<Record<string, Arg>>;
}

export const pct = (value: number | null, digits = 1): Quantity => ({ quantity: 'pct', value, digits });
/** A proportion's difference in percentage points, the number only ("0.67"); `points` in the dictionary adds the unit. */
export const pts = (value: number | null, digits = 2): Quantity => ({ quantity: 'pts', value, digits });
export const num = (value: number | null, digits = 4): Quantity => ({ quantity: 'num', value, digits });
export const int = (value: number | null): Quantity => ({ quantity: 'int', value });
export const lr = (value: number | null): Quantity => ({ quantity: 'lr', value });
export const sci = (value: number | null, digits = 2): Quantity => ({ quantity: 'sci', value, digits });
/** Whole numbers written compactly, runs as ranges: [1, 2, 3, 7] -> "1–3 and 7". */
/** A measured value in its own units, to four significant digits (an imported raw metric: a loss, a BLEU score). */
export const val = (value: number | null, digits = 4): Quantity => ({ quantity: 'value', value, digits });
export const ranges = (values: readonly number[]): Quantity => ({ quantity: 'ranges', value: values });
export const user = (text: string): UserWords => ({ user: text });
export const and = (list: readonly Arg[]): ListOf => ({ list, style: 'and' });
export const series = (list: readonly Arg[]): ListOf => ({ list, style: 'series' });
export const sentencesOf = (list: readonly Arg[]): ListOf => ({ list, style: 'sentences' });

// The types that hold tables to their placeholders --------------------------------------------

type PlaceholdersOf<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;
type IsPlural<V> = V extends { readonly other: string } ? (Exclude<keyof V, Intl.LDMLPluralRule> extends never ? true : false) : false;
/** The placeholders of a phrase (every form of a plural phrase, and its `n`). */
type Placeholders<V> = V extends string ? PlaceholdersOf<V> : IsPlural<V> extends true ? PlaceholdersOf<V[keyof V]> | 'n' : never;
/** The values a phrase needs: none, or one per placeholder (a plural phrase's `n` is a number). */
type ArgsOf<V> = [Placeholders<V>] extends [never]
  ? []
  : [args: { readonly [P in Placeholders<V>]: P extends 'n' ? (IsPlural<V> extends true ? number : Arg) : Arg }];

/** Every path to a phrase in a table: "title", "undecided.all-diverged" (lists are data, not phrases). */
type PhrasePath<T> = {
  [K in keyof T & string]: T[K] extends string
    ? K
    : IsPlural<T[K]> extends true
      ? K
      : T[K] extends readonly unknown[]
        ? never
        : T[K] extends PhraseTable
          ? `${K}.${PhrasePath<T[K]>}`
          : never;
}[keyof T & string];
type PhraseAt<T, P extends string> = P extends `${infer H}.${infer R}` ? PhraseAt<T[H & keyof T], R> : T[P & keyof T];

/** English strings widened, for data lists (a translation's lists may differ in length and text). */
type Widened<V> = V extends string
  ? string
  : V extends readonly (infer I)[]
    ? readonly Widened<I>[]
    : { readonly [K in keyof V]: Widened<V[K]> };
type SamePlaceholders<E, Z> = [PlaceholdersOf<Z>] extends [PlaceholdersOf<E>]
  ? [PlaceholdersOf<E>] extends [PlaceholdersOf<Z>]
    ? Z
    : `needs every placeholder of: ${E & string}`
  : `has a placeholder that English lacks: ${E & string}`;
type TranslationOf<E, Z> = E extends string
  ? Z extends string
    ? SamePlaceholders<E, Z>
    : string
  : IsPlural<E> extends true
    ? Z extends PluralPhrase
      ? [Placeholders<Z>] extends [Placeholders<E>]
        ? [Placeholders<E>] extends [Placeholders<Z>]
          ? Z
          : PluralPhrase
        : PluralPhrase
      : PluralPhrase
    : E extends readonly unknown[]
      ? Widened<E>
      : Translation<E, Z>;
/** A translation of table E: the same keys, each phrase with exactly English's placeholders. */
export type Translation<E, Z> = { readonly [K in keyof E]: TranslationOf<E[K], K extends keyof Z ? Z[K] : unknown> };

/**
 * A translation of English table E, checked where it is written:
 * `export const zh = translationOf<typeof en>()({ ... })`.
 */
export const translationOf =
  <E>() =>
  <const Z extends Translation<E, Z>>(table: Z): Z =>
    table;

// Books: a table in every locale ---------------------------------------------------------------

// biome-ignore lint/suspicious/noExplicitAny: a message may come from any book; each book's own say() is typed.
type AnyBook = Book<any>;

/** A table as a locale reads it: a phrase without placeholders is its text, one with placeholders a function of its values. */
export type LocaleView<V> = V extends string
  ? [PlaceholdersOf<V>] extends [never]
    ? string
    : (...args: ArgsOf<V>) => string
  : IsPlural<V> extends true
    ? (...args: ArgsOf<V>) => string
    : V extends readonly (infer I)[]
      ? readonly LocaleView<I>[]
      : { readonly [K in keyof V]: LocaleView<V[K]> };

export interface Book<E> {
  /** The tables as written, for text a page passes on unrendered (the verify panel's script fills its own placeholders). */
  readonly tables: Readonly<Record<Locale, Widened<E>>>;
  /** A phrase of this book with its values, for any locale to render. */
  say<P extends PhrasePath<E>>(path: P, ...args: ArgsOf<PhraseAt<E, P>>): Message;
  /** The book in one locale, for pages: texts, and functions of values for phrases with placeholders. */
  in(locale: Locale): LocaleView<E>;
}

/** A book of phrases: English, and its translations (each checked with translationOf). */
export function phraseBook<const E extends PhraseTable>(tables: { en: E } & Record<Exclude<Locale, 'en'>, PhraseTable>): Book<E> {
  const views = new Map<Locale, LocaleView<E>>();
  const book: Book<E> = {
    tables: tables as unknown as Book<E>['tables'],
    say: (path, ...args) => ({ book, path, args: args[0] ?? {} }),
    in(locale) {
      const known = views.get(locale);
      if (known) return known;
      const made = viewOf(book, locale, tables[locale], '') as LocaleView<E>;
      views.set(locale, made);
      return made;
    },
  };
  return book;
}

const isPlural = (v: PhraseValue): v is PluralPhrase =>
  typeof v === 'object' && !Array.isArray(v) && 'other' in v && Object.keys(v).every((k) => PLURAL_CATEGORIES.has(k));
const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const PLACEHOLDER = /\{([^{}]+)\}/g;
const hasPlaceholder = (s: string) => /\{[^{}]+\}/.test(s);

function viewOf(book: AnyBook, locale: Locale, value: PhraseValue, path: string): unknown {
  if (typeof value === 'string')
    return hasPlaceholder(value) ? (args: Record<string, Arg> = {}) => render({ book, path, args }, locale) : value;
  if (Array.isArray(value)) return value.map((v) => viewOf(book, locale, v, ''));
  if (isPlural(value as PhraseValue)) return (args: Record<string, Arg> = {}) => render({ book, path, args }, locale);
  return Object.fromEntries(Object.entries(value as PhraseTable).map(([k, v]) => [k, viewOf(book, locale, v, path ? `${path}.${k}` : k)]));
}

// Rendering -------------------------------------------------------------------------------------

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(formatFor(locale).tag);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

function phraseText(message: Message, locale: Locale): string {
  let value: PhraseValue | undefined = message.book.tables[locale] as PhraseTable;
  for (const key of message.path.split('.')) value = (value as PhraseTable | undefined)?.[key];
  if (typeof value === 'string') return value;
  if (value && isPlural(value)) {
    const n = message.args.n;
    if (typeof n !== 'number') throw new Error(`plural phrase "${message.path}" needs a number n`);
    return value[pluralCategory(locale, n) as keyof PluralPhrase] ?? value.other;
  }
  throw new Error(`no phrase "${message.path}" in ${locale}`);
}

function renderQuantity(q: Quantity, locale: Locale): string {
  const f = formatFor(locale);
  const { value, digits } = q;
  if (value === null) return f.notAvailable;
  switch (q.quantity) {
    case 'pct':
      return f.pct(value as number, digits);
    case 'pts':
      return f.points(value as number, digits);
    case 'num':
      return f.num(value as number, digits);
    case 'int':
      return f.int(value as number);
    case 'lr':
      return f.lr(value as number);
    case 'sci':
      return f.sci(value as number, digits);
    case 'ranges':
      return f.ranges(value as number[]);
    case 'value':
      return f.value(value as number, digits);
  }
}

function renderArg(arg: Arg, locale: Locale): string {
  if (arg === null) return formatFor(locale).notAvailable;
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if ('book' in arg) return fill(arg, locale);
  if ('user' in arg) return isolate(arg.user);
  if ('list' in arg) {
    const items = arg.list.map((a) => renderArg(a, locale));
    const f = formatFor(locale);
    return arg.style === 'and' ? f.list(items) : arg.style === 'series' ? f.series(items) : f.sentences(items);
  }
  return renderQuantity(arg, locale);
}

/** A message's phrase with its values filled in (not yet typeset). */
function fill(message: Message, locale: Locale): string {
  return phraseText(message, locale).replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in message.args)) throw new Error(`phrase "${message.path}" in ${locale} has no value for {${name}}`);
    return renderArg(message.args[name], locale);
  });
}

/** A message (or any value) as the locale writes it, typeset as the locale sets its sentences (see TYPESET). */
export function render(message: Arg, locale: Locale): string {
  return TYPESET[locale](renderArg(message, locale));
}

/** A renderer bound to one locale. */
export const renderIn = (locale: Locale) => (message: Arg) => render(message, locale);
