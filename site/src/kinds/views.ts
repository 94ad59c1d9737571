import type { StudyDocument } from '../../../src/index.ts';
import type { Locale } from '../presentation/index.ts';
import { armsSvg } from './compare/charts.ts';
import CompareReport from './compare/Report.astro';
import { learningCurvesSvg } from './data-size/charts.ts';
import DataSizeReport from './data-size/Report.astro';
import { auditAccuracySvg } from './determinism-audit/charts.ts';
import DeterminismAuditReport from './determinism-audit/Report.astro';
import { rangeCurvesSvg } from './lr-range-test/charts.ts';
import LrRangeTestReport from './lr-range-test/Report.astro';
import { scheduleAccuracySvg } from './lr-schedule/charts.ts';
import LrScheduleReport from './lr-schedule/Report.astro';
import { seedStripSvg } from './seed-variance/charts.ts';
import SeedVarianceReport from './seed-variance/Report.astro';
import { sourcesSvg } from './variance-sources/charts.ts';
import VarianceSourcesReport from './variance-sources/Report.astro';

/** A kind's view: its report body (filling the shared skeleton) and its main chart (embed card, preview image). */
export interface KindView<D> {
  Report: (props: { locale: Locale; doc: D; createdAt: string }) => unknown;
  /** The key chart, drawn `width` wide (and `height` high, where a card's frame fixes it). */
  mainChart: (doc: D, locale: Locale, width?: number, height?: number) => string;
  /** The main chart's height in an embed card, where it is not CARD_CHART's (a legend above the drawing takes room). */
  cardChartHeight?: number;
}

/** Every kind's view: a kind without one fails the type-check. */
export type KindViews<Doc extends { kind: string }> = { [K in Doc['kind']]: KindView<Extract<Doc, { kind: K }>> };

export const KIND_VIEWS: KindViews<StudyDocument> = {
  'seed-variance': { Report: SeedVarianceReport, mainChart: seedStripSvg },
  'lr-range-test': { Report: LrRangeTestReport, mainChart: rangeCurvesSvg },
  'lr-schedule': { Report: LrScheduleReport, mainChart: scheduleAccuracySvg },
  'data-size': { Report: DataSizeReport, mainChart: learningCurvesSvg, cardChartHeight: 110 },
  'variance-sources': { Report: VarianceSourcesReport, mainChart: sourcesSvg },
  'determinism-audit': { Report: DeterminismAuditReport, mainChart: auditAccuracySvg },
  compare: { Report: CompareReport, mainChart: armsSvg },
};

/** A document's view (the one lookup that holds a kind's view with its type erased, as in words.ts). */
export function viewOf(doc: StudyDocument): KindView<StudyDocument> {
  return KIND_VIEWS[doc.kind] as KindView<StudyDocument>;
}
