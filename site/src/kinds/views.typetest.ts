// A type-level test, checked by `astro check` (npm run typecheck), never bundled: a study kind
// without a view fails the site's type-check. tests/kindRegistry.test.ts does the same for words.
import type { StudyDocument } from '../../../src/index.ts';
import type { MajorityBaselineDocument } from '../../../tests/fixtures/majority-baseline/index.ts';
import { KIND_VIEWS, type KindView, type KindViews } from './views.ts';

type Docs = StudyDocument | MajorityBaselineDocument;

// @ts-expect-error the view map has no entry for the fixture kind majority-baseline
export const withoutView: KindViews<Docs> = KIND_VIEWS;

const majorityBaselineView: KindView<MajorityBaselineDocument> = { Report: () => null, mainChart: () => '<svg></svg>' };
export const withView: KindViews<Docs> = { ...KIND_VIEWS, 'majority-baseline': majorityBaselineView };

// @ts-expect-error a view drawn for one kind's document does not fit another kind
export const mismatched: KindViews<StudyDocument> = { ...KIND_VIEWS, compare: KIND_VIEWS['seed-variance'] };
