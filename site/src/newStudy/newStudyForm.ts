/**
 * The study form in the browser (/new/): the spec's JSON is the one source of truth; the controls
 * (start, dataset, seeds, epochs) rewrite fields of it, and every change is checked by the engine's
 * own schema (zod, jitless under the CSP) and then estimated by POST /api/estimate (the Worker's
 * checks and time model, nothing stored). Uploading a table and submitting use the write token,
 * kept in sessionStorage and sent only to this origin (every URL here is relative).
 */
import { parseStudyRequest, SpecError, validateWithoutEval } from '../../../src/index.ts';

type Words = Record<
  | 'valid'
  | 'notJson'
  | 'estimating'
  | 'estimate'
  | 'exists'
  | 'tooLong'
  | 'needToken'
  | 'uploading'
  | 'uploaded'
  | 'uploadFailed'
  | 'submitting'
  | 'submitFailed'
  | 'open'
  | 'noFile',
  string
>;
type Issue = { path: string; message: string };
type ApiError = { error: string; issues?: Issue[]; row?: number; column?: string | number };
type DatasetBody = { id: string; name: string; rows: number; features: number; classes: string[]; classCounts: number[] };
type StudyBody = { links: { report: string } };
type EstimateBody = {
  runsTotal: number;
  units: number;
  totalSeconds: number;
  limitSeconds: number;
  exists: boolean;
  links: { report: string };
};

const TOKEN_KEY = 'seedlab-write-token';
/** A blank spec: the fields every kind requires, the rest left to their defaults. */
const BLANK = {
  kind: 'seed-variance',
  dataset: { name: 'iris' },
  split: { kind: 'stratified' },
  training: { optimizer: { kind: 'adam' } },
  seeds: 10,
};

/** Puts a sentence in a live region (a screen reader reads it). */
const say = (target: HTMLElement, text: string): void => {
  target.textContent = text;
};

/**
 * The parts of a spec that hold a dataset and a training: the spec itself, or a compare study's two
 * arms (a change to the data or the epochs applies to both, as the two arms differ in one thing).
 */
const setupsOf = (spec: Record<string, unknown>): Record<string, unknown>[] =>
  'dataset' in spec
    ? [spec]
    : [spec.a, spec.b].filter((arm): arm is Record<string, unknown> => !!arm && typeof arm === 'object' && 'dataset' in arm);

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/** A JSON error body's words: its sentence and each field issue. */
const errorText = (body: ApiError) =>
  [
    body.error,
    ...(body.issues ?? []).filter((i) => !body.error.includes(i.message)).map((i) => `${i.path || '(root)'}: ${i.message}`),
  ].join('; ');

export function wireNewStudyForm(): void {
  const form = document.querySelector<HTMLFormElement>('form#new-study');
  if (!form) return;
  validateWithoutEval();
  // getAttribute, not form.dataset: a form's named controls shadow its properties.
  const words = JSON.parse(form.getAttribute('data-words') ?? '{}') as Words;
  const presets = JSON.parse(form.getAttribute('data-presets') ?? '[]') as { name: string; spec: unknown }[];
  const el = <T extends Element>(selector: string) => form.querySelector(selector) as T;
  const specBox = el<HTMLTextAreaElement>('#spec');
  const checks = el<HTMLElement>('#spec-checks');
  const estimate = el<HTMLElement>('#estimate');
  const datasetStatus = el<HTMLElement>('#dataset-status');
  const submitStatus = el<HTMLElement>('#submit-status');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement & HTMLSelectElement;
  for (const part of form.querySelectorAll<HTMLElement>('[data-enhanced]')) part.hidden = false;
  const fromReport = specBox.value;

  const token = field('token');
  token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  token.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, token.value.trim()));
  const authorization = () => ({ authorization: `Bearer ${token.value.trim()}` });

  const readSpec = (): Record<string, unknown> | null => {
    try {
      const value = JSON.parse(specBox.value);
      return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
    } catch {
      return null;
    }
  };
  const writeSpec = (spec: unknown) => {
    specBox.value = JSON.stringify(spec, null, 2);
    changed();
  };
  const edit = (change: (spec: Record<string, unknown>) => void) => {
    const spec = readSpec();
    if (!spec) return;
    change(spec);
    writeSpec(spec);
  };

  /** The controls show what the spec says (a count for seeds 1..n); a control the kind has no field for is hidden. */
  const showSpec = (spec: Record<string, unknown>) => {
    const seeds = spec.seeds;
    const count = Array.isArray(seeds) ? seeds.length : typeof seeds === 'number' ? seeds : (seeds as { count?: number })?.count;
    showControl('seeds', 'seeds' in spec, count);
    const setups = setupsOf(spec);
    const epochs = (setups[0]?.training as { epochs?: number } | undefined)?.epochs;
    showControl(
      'epochs',
      setups.some((s) => 'training' in s),
      epochs,
    );
    const dataset = setups[0]?.dataset as { name?: string; id?: string } | undefined;
    const select = field('datasetChoice');
    select.closest('fieldset')?.toggleAttribute('hidden', setups.length === 0);
    const value = dataset?.name === 'upload' ? `upload:${dataset.id}` : (dataset?.name ?? '');
    if (![...select.options].some((o) => o.value === value) && dataset?.name === 'upload') select.add(new Option(value, value));
    select.value = value;
  };
  const showControl = (name: string, shown: boolean, value: number | undefined) => {
    field(name).closest('label')?.toggleAttribute('hidden', !shown);
    field(name).value = value === undefined ? '' : String(value);
  };

  let estimateTimer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  function changed() {
    const spec = readSpec();
    checks.replaceChildren();
    estimate.textContent = '';
    if (!spec) {
      let error = '';
      try {
        JSON.parse(specBox.value);
      } catch (e) {
        error = (e as Error).message;
      }
      showIssues([{ path: '', message: fill(words.notJson, { error: error || 'an object is expected' }) }]);
      return;
    }
    showSpec(spec);
    try {
      parseStudyRequest(spec);
    } catch (e) {
      if (!(e instanceof SpecError)) throw e;
      showIssues(e.issues);
      return;
    }
    checks.textContent = words.valid;
    clearTimeout(estimateTimer);
    estimateTimer = setTimeout(() => void askEstimate(spec), 400);
  }

  function showIssues(issues: Issue[]) {
    const list = document.createElement('ul');
    for (const issue of issues) {
      const item = document.createElement('li');
      item.className = 'issue';
      item.textContent = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
      list.appendChild(item);
    }
    checks.replaceChildren(list);
  }

  async function askEstimate(spec: unknown) {
    const ask = ++asked;
    estimate.textContent = words.estimating;
    const response = await fetch('/api/estimate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    }).catch(() => null);
    if (ask !== asked) return; // a newer spec is being estimated
    if (!response) return say(estimate, '');
    const body = (await response.json()) as EstimateBody & ApiError;
    if (response.status === 400) {
      estimate.textContent = '';
      return showIssues(body.issues ?? [{ path: '', message: body.error }]);
    }
    if (response.status === 422) return say(estimate, fill(words.tooLong, { error: body.error }));
    if (!response.ok) return say(estimate, errorText(body));
    estimate.textContent = fill(words.estimate, {
      runs: body.runsTotal,
      units: body.units,
      seconds: body.totalSeconds,
      limit: body.limitSeconds,
    });
    if (body.exists) {
      const link = document.createElement('a');
      link.href = new URL(body.links.report).pathname;
      link.textContent = words.open;
      const [before, after] = words.exists.split('{link}');
      estimate.insertAdjacentText('beforeend', ` ${before}`);
      estimate.appendChild(link);
      estimate.insertAdjacentText('beforeend', after ?? '');
    }
  }

  specBox.addEventListener('input', changed);
  field('start').addEventListener('change', () => {
    const choice = field('start').value;
    if (choice === 'blank') return writeSpec(BLANK);
    if (choice.startsWith('from:')) {
      specBox.value = fromReport;
      return changed();
    }
    const preset = presets.find((p) => `preset:${p.name}` === choice);
    if (preset) writeSpec(preset.spec);
  });
  field('datasetChoice').addEventListener('change', () =>
    edit((spec) => {
      const value = field('datasetChoice').value;
      for (const setup of setupsOf(spec))
        setup.dataset = value.startsWith('upload:') ? { name: 'upload', id: value.slice('upload:'.length) } : { name: value };
    }),
  );
  field('seeds').addEventListener('change', () =>
    edit((spec) => {
      const n = Number(field('seeds').value);
      spec.seeds = Number.isFinite(n) ? n : field('seeds').value;
    }),
  );
  field('epochs').addEventListener('change', () =>
    edit((spec) => {
      for (const setup of setupsOf(spec)) {
        const training = (setup.training ?? {}) as Record<string, unknown>;
        training.epochs = Number(field('epochs').value);
        setup.training = training;
      }
    }),
  );

  el<HTMLButtonElement>('[data-upload]').addEventListener('click', async () => {
    const file = field('file').files?.[0];
    if (!file) return say(datasetStatus, words.noFile);
    if (!token.value.trim()) return say(datasetStatus, words.needToken);
    datasetStatus.textContent = words.uploading;
    const query = new URLSearchParams();
    if (field('label').value.trim()) query.set('label', field('label').value.trim());
    query.set('name', field('datasetName').value.trim() || file.name);
    const response = await fetch(`/api/datasets?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...authorization() },
      body: file,
    }).catch((e: Error) => e);
    if (response instanceof Error) return say(datasetStatus, fill(words.uploadFailed, { error: response.message }));
    const body = (await response.json()) as DatasetBody & ApiError;
    if (!response.ok) return say(datasetStatus, fill(words.uploadFailed, { error: errorText(body) }));
    datasetStatus.textContent = fill(words.uploaded, {
      name: body.name,
      rows: body.rows,
      features: body.features,
      classes: body.classes.map((c, i) => `${c} (${body.classCounts[i]})`).join(', '),
      id: body.id,
    });
    datasetStatus.dataset.dataset = body.id;
    edit((spec) => {
      for (const setup of setupsOf(spec)) setup.dataset = { name: 'upload', id: body.id };
    });
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const spec = readSpec();
    if (!spec) return changed();
    if (!token.value.trim()) return say(submitStatus, words.needToken);
    sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    submitStatus.textContent = words.submitting;
    const response = await fetch('/api/studies', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify(spec),
    }).catch((e: Error) => e);
    if (response instanceof Error) return say(submitStatus, fill(words.submitFailed, { error: response.message }));
    const body = (await response.json()) as StudyBody & ApiError;
    if (!response.ok) return say(submitStatus, fill(words.submitFailed, { error: errorText(body) }));
    // Created (202) or already there (200): the study's page, live until it is done. The link
    // names this page's language.
    const report = new URL(body.links.report).pathname;
    const zh = location.pathname.startsWith('/zh/');
    location.assign(zh ? `/zh${report}` : report);
  });

  changed();
}
