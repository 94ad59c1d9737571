/** One verdict entry in words: the question, a short answer for large type, the full sentence, and its tone. */
export interface VerdictWords {
  question: string;
  /** The answer in a few words ("Yes ✓", "0.67 points", "one-cycle"), worded from the entry's outcome. */
  short: string;
  answer: string;
  /** How the short answer is coloured: good news, bad news, or neither. */
  tone: 'good' | 'bad' | 'neutral';
}

/**
 * Every sentence a reader sees about one kind's document, in one locale: pure functions of the
 * document. The site, the CLI, the Worker's listing and the badge all call these; nothing else
 * words a study. Each kind adds its own `labels` (chart axes, captions, table headers).
 */
export interface KindWords<D> {
  /** The kind's name ("Seed variance"). */
  name: string;
  /** The question the study answers, with its parameters. */
  question(doc: D): string;
  /** The title of a study whose spec has none. */
  title(doc: D): string;
  /** Titles of the presets of this kind, by preset name (a study that is exactly a preset). */
  presetTitles: Record<string, (doc: D) => string>;
  /** The key result in one line: the listing, embeds, previews, page descriptions. */
  headline(doc: D): string;
  /** The value half of the badge, kept short. */
  badge(doc: D): string;
  /** Every verdict entry of the document, in order. */
  verdict(doc: D): VerdictWords[];
  /** How it was measured: the real steps with their parameters. */
  method(doc: D): string[];
}
