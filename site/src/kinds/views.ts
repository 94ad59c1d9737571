/// <reference types="astro/client" />
import type { DocumentOfKind, StudyDocument, StudyKind } from '../../../src/index.ts';
import type { Locale } from '../presentation/index.ts';

/**
 * A kind's view, found in its folder (site/src/kinds/<kind>/) by name, so adding a kind adds no
 * line here: `Report.astro` (its report body, filling the shared skeleton) and `charts.ts`, whose
 * `view` names the main chart (embed card, preview image). `tests/kindRegistry.test.ts` checks that
 * every kind has both.
 */
export interface KindCharts<D> {
  /** The key chart, drawn `width` wide (and `height` high, where a card's frame fixes it). */
  mainChart: (doc: D, locale: Locale, width?: number, height?: number) => string;
  /** The main chart's height in an embed card, where it is not CARD_CHART's (a legend above the drawing takes room). */
  cardChartHeight?: number;
}
/** What a kind's charts.ts exports as `view`, typed against its own documents. */
export type ChartsOf<K extends StudyKind> = KindCharts<DocumentOfKind<K>>;

export interface KindView<D> extends KindCharts<D> {
  Report: (props: { locale: Locale; doc: D; createdAt: string }) => unknown;
}

const REPORTS = import.meta.glob<{ default: KindView<StudyDocument>['Report'] }>('./*/Report.astro', { eager: true });
const CHARTS = import.meta.glob<{ view: KindCharts<StudyDocument> }>('./*/charts.ts', { eager: true });

/** A document's view (its kind's type erased here, as every kind's view is typed in its own folder). */
export function viewOf(doc: StudyDocument): KindView<StudyDocument> {
  const Report = REPORTS[`./${doc.kind}/Report.astro`]?.default;
  const charts = CHARTS[`./${doc.kind}/charts.ts`]?.view;
  if (!Report || !charts) throw new Error(`the ${doc.kind} kind has no view: site/src/kinds/${doc.kind}/ needs Report.astro and charts.ts`);
  return { Report, ...charts };
}
