/**
 * The "Check it yourself" panel in the reader's browser: on submit, it loads the engine
 * (browserEngine.ts, a separate chunk fetched only then), re-trains the chosen seed, and says whether
 * its fingerprint matches the stored one, or, for a seed the study did not run, where it lands.
 * #verify-result's data-status goes idle -> running -> match | mismatch | landed | error, and its
 * data-fingerprint holds the browser's fingerprint (for readers' tools and tests).
 */

type Words = Record<
  'button' | 'loading' | 'running' | 'match' | 'mismatch' | 'landed' | 'landedAbout' | 'diverged' | 'error' | 'mark',
  string
>;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
const short = (fingerprint: string) => `${fingerprint.slice(0, 12)}…`;
const SVG = 'http://www.w3.org/2000/svg';

/**
 * Marks `accuracy` on every drawing of the page's per-seed chart (the figure a kind's report marks
 * data-per-seed) that recorded its x scale (charts/plotSvg.ts).
 */
function markOnChart(accuracy: number, label: string): void {
  for (const svg of document.querySelectorAll<SVGSVGElement>('figure[data-per-seed] svg[data-x]')) {
    svg.querySelector('.verify-mark')?.remove();
    const [d0, d1, r0, r1] = (svg.dataset.x ?? '').split(' ').map(Number);
    const [top, bottom] = (svg.dataset.y ?? '').split(' ').map(Number);
    const value = Math.min(Math.max(100 * accuracy, Math.min(d0, d1)), Math.max(d0, d1));
    const x = r0 + ((value - d0) * (r1 - r0)) / (d1 - d0);
    const mark = document.createElementNS(SVG, 'g');
    mark.setAttribute('class', 'verify-mark');
    const line = document.createElementNS(SVG, 'line');
    for (const [k, v] of Object.entries({
      x1: x,
      x2: x,
      y1: top,
      y2: bottom,
      stroke: 'currentColor',
      'stroke-width': 2,
      'stroke-dasharray': '4,3',
    }))
      line.setAttribute(k, String(v));
    const text = document.createElementNS(SVG, 'text');
    for (const [k, v] of Object.entries({ x: x + 4, y: top + 10, fill: 'currentColor', 'font-weight': 'bold' }))
      text.setAttribute(k, String(v));
    text.textContent = label;
    // appendChild: the Worker's types give append() HTMLRewriter's signature.
    mark.appendChild(line);
    mark.appendChild(text);
    svg.appendChild(mark);
  }
}

export function wireVerifyPanel(): void {
  const form = document.querySelector<HTMLFormElement>('form.verify');
  const result = document.getElementById('verify-result');
  const button = document.getElementById('verify-seed') as HTMLButtonElement | null;
  if (!form || !result || !button) return;
  const words = JSON.parse(form.dataset.words ?? '{}') as Words;
  const seedInput = form.elements.namedItem('seed') as HTMLInputElement;
  const armSelect = form.elements.namedItem('arm') as HTMLSelectElement | null;
  const percent = new Intl.NumberFormat(form.dataset.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const seconds = new Intl.NumberFormat(form.dataset.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

  const show = (status: string, text: string, fingerprint?: string) => {
    result.dataset.status = status;
    if (fingerprint) result.dataset.fingerprint = fingerprint;
    else delete result.dataset.fingerprint;
    result.textContent = text;
  };
  const relabel = () => {
    button.textContent = fill(words.button, { seed: seedInput.value });
  };
  seedInput.addEventListener('input', relabel);
  form.querySelector('[data-new-seed]')?.addEventListener('click', () => {
    seedInput.value = form.dataset.newSeed ?? '';
    relabel();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const seed = Number(seedInput.value);
    const arm = armSelect ? (armSelect.value as 'a' | 'b') : null;
    button.disabled = true;
    const started = performance.now();
    show('running', fill(words.loading, { backend: form.dataset.backend ?? '' }));
    try {
      const engine = await import('./browserEngine.ts');
      const doc = await engine.fetchStudy(form.dataset.study ?? '');
      const run = await engine.retrainInBrowser(doc, { arm, seed }, (p) =>
        show('running', fill(words.running, { seed, epoch: p.epoch, epochs: p.epochs })),
      );
      const values = {
        seed,
        fingerprint: short(run.fingerprint),
        seconds: seconds.format((performance.now() - started) / 1000),
        backend: run.environment.backend,
      };
      const stored = await engine.storedRun(doc, arm, seed);
      if (stored) {
        const same = stored.fingerprint === run.fingerprint;
        show(
          same ? 'match' : 'mismatch',
          fill(same ? words.match : words.mismatch, { ...values, stored: short(stored.fingerprint) }),
          run.fingerprint,
        );
      } else if (run.testAccuracy === null || run.diverged) {
        show('landed', fill(words.diverged, values), run.fingerprint);
      } else {
        const rank = engine.rankAmongStudy(doc, arm, run.testAccuracy) ?? { below: 0, count: 0, exact: true };
        show(
          'landed',
          fill(rank.exact ? words.landed : words.landedAbout, {
            ...values,
            accuracy: percent.format(run.testAccuracy),
            below: rank.below,
            count: rank.count,
          }),
          run.fingerprint,
        );
        markOnChart(run.testAccuracy, fill(words.mark, { seed }));
      }
    } catch (e) {
      show('error', fill(words.error, { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      button.disabled = false;
    }
  });
}
