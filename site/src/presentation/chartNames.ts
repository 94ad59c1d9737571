import type { StudyKind } from '../../../src/index.ts';

/**
 * Every kind's charts by stable names, the main chart first: the names in a chart's address
 * (`/embed/<id>/<chart>/`, `/charts/<id>/<chart>.svg` and `.png`), listed in the README. A name
 * stays once published; a chart a study does not have (a drift without drift) answers 404.
 */
export const CHART_NAMES = {
  'seed-variance': ['seeds', 'histogram', 'test-accuracy', 'train-loss', 'convergence-mean', 'convergence-std', 'regions', 'training'],
  compare: ['arms', 'difference'],
  'lr-range-test': ['loss', 'suggestions', 'check'],
  'lr-schedule': ['accuracy', 'learning-rate', 'curves'],
  'data-size': ['learning-curves'],
  'determinism-audit': ['audit', 'drift'],
  'variance-sources': ['sources', 'runs'],
  imported: ['arms', 'curves'],
} as const satisfies Record<StudyKind, readonly string[]>;

export type ChartName<K extends StudyKind> = (typeof CHART_NAMES)[K][number];

const ANY_CHART: ReadonlySet<string> = new Set(Object.values(CHART_NAMES).flat());
/** Whether some kind has a chart of this name: any other name is answered without reading a study. */
export const isChartName = (name: string) => ANY_CHART.has(name);
