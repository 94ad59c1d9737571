/// <reference types="astro/client" />
import type { DocumentOfKind, StudyDocument, StudyKind } from '../../../src/index.ts';
import type { ChartName } from '../presentation/chartNames.ts';
import type { Locale } from '../presentation/index.ts';

/**
 * A kind's view, found in its folder (site/src/kinds/<kind>/) by name, so adding a kind adds no
 * line here: `Report.astro` (its report body, filling the shared skeleton) and `charts.ts`, whose
 * `view` names the main chart (embed card, preview image). `tests/kindRegistry.test.ts` checks that
 * every kind has both.
 */
/** A chart drawn `width` wide (and `height` high, where a card's frame fixes it); '' when the study has none of it. */
type DrawChart<D> = (doc: D, locale: Locale, width?: number, height?: number) => string;

export interface KindCharts<D, N extends string = string> {
  /** The key chart: on the report, the embed card and the preview. */
  mainChart: DrawChart<D>;
  /** Every chart of a report by its stable name (presentation/chartNames.ts): its own embed card and images. */
  charts: Record<N, DrawChart<D>>;
  /** The main chart's height in an embed card, where it is not CARD_CHART's (a legend above the drawing takes room, or a row per algorithm). */
  cardChartHeight?: number | ((doc: D) => number);
}
/** What a kind's charts.ts exports as `view`, typed against its own documents. */
export type ChartsOf<K extends StudyKind> = KindCharts<DocumentOfKind<K>, ChartName<K>>;

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

/**
 * One chart of a report by its stable name, drawn: null when the document's kind has no chart of that
 * name, or this study has none of it (a drift chart with no drift draws nothing).
 */
export function drawnChart(doc: StudyDocument, name: string, locale: Locale, width?: number, height?: number): string | null {
  const charts: Record<string, KindCharts<StudyDocument>['mainChart']> = viewOf(doc).charts;
  const draw = Object.hasOwn(charts, name) ? charts[name] : undefined;
  if (!draw) return null;
  const svg = draw(doc, locale, width, height);
  return svg ? svg : null;
}
