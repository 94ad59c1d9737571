import { describe, expect, it } from 'vitest';
import { call, env, waitForStudy } from './helpers.ts';

// Uploaded tables through the real Worker: POST /api/datasets, the study on it (queue, consumer,
// KV), the dataset's page and the report's dataset card; every bad table refused, nothing stored.
const TABLE = `x1,x2,kind\n${Array.from({ length: 40 }, (_, i) => `${(i % 7) / 2},${i % 2 === 0 ? i / 10 : -i / 10},${i % 2 === 0 ? 'even' : 'odd'}`).join('\n')}\n`;

const upload = (body: string, query = '', headers: Record<string, string> = { 'content-type': 'text/csv' }, token?: string | null) =>
  call(`/api/datasets${query}`, { method: 'POST', body, headers, token });

/** Every dataset key in KV (to show a refusal stored nothing). */
const datasetKeys = async () => (await env.STUDIES.list({ prefix: 'dataset' })).keys.map((k) => k.name).sort();

describe('uploading a dataset', () => {
  it('stores a table once: 201, then 200 with the same description; its JSON, CSV and page', async () => {
    const first = await upload(TABLE, '?label=kind&name=Parity%20toy');
    expect(first.status).toBe(201);
    const body: any = await first.json();
    // 40 rows alternate even/odd: 20 each; two features; classes in code-point order.
    expect(body).toMatchObject({
      name: 'Parity toy',
      rows: 40,
      features: 2,
      label: 'kind',
      classes: ['even', 'odd'],
      classCounts: [20, 20],
    });
    expect(body.id).toMatch(/^[0-9a-f]{20}$/);
    expect(body.featureRanges).toEqual([
      { name: 'x1', min: 0, max: 3 },
      { name: 'x2', min: -3.9, max: 3.8 },
    ]);
    expect(body.links).toEqual({
      self: `http://seedlab.test/api/datasets/${body.id}`,
      csv: `http://seedlab.test/api/datasets/${body.id}.csv`,
      page: `http://seedlab.test/d/${body.id}/`,
    });
    // The same table with CRLF and another name: the same dataset, its first name kept.
    const again = await upload(TABLE.replaceAll('\n', '\r\n'), '?name=other');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);

    const described = await call(`/api/datasets/${body.id}`, { token: null });
    expect(described.status).toBe(200);
    expect(await described.json()).toEqual(body);
    const csv = await call(`/api/datasets/${body.id}.csv`, { token: null });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe(TABLE);

    const page = await call(`/d/${body.id}/`, { token: null });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Parity toy');
    expect(html).toContain('No study trains on it yet.');
    expect(await (await call(`/zh/d/${body.id}/`, { token: null })).text()).toContain('数据集');
  });

  it('a study on it trains, lists itself on the dataset page and shows the dataset card', async () => {
    const { id: dataset } = (await (await upload(TABLE, '?name=Parity%20toy')).json()) as { id: string };
    const spec = {
      dataset: { name: 'upload', id: dataset },
      split: { kind: 'stratified', testFraction: 0.25 },
      scaling: { kind: 'standardize' },
      model: { hidden: [4] },
      training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 8, epochs: 2 },
      seeds: 3,
      backend: 'cpu',
    };
    const estimate = await call('/api/estimate', { method: 'POST', json: spec, token: null });
    expect(estimate.status).toBe(200);
    const guess: any = await estimate.json();
    // Three seeds and their re-runs (the first, the median and the last seed: 1, 2 and 3).
    expect(guess).toMatchObject({ kind: 'seed-variance', exists: false, runsTotal: 6 });
    const posted = await call('/api/studies', { method: 'POST', json: spec });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    expect(id).toBe(guess.id);
    const done = await waitForStudy(id);
    expect(done.status).toBe('done');
    // 40 rows, a quarter held out stratified: 10 test rows, 30 training rows.
    expect(done.document.data).toMatchObject({ trainRows: 30, testRows: 10, features: 2, classes: 2 });
    expect(done.document.repeatability.identical).toBe(true);
    expect(((await (await call('/api/estimate', { method: 'POST', json: spec, token: null })).json()) as any).exists).toBe(true);

    const report = await (await call(`/r/${id}/`, { token: null })).text();
    expect(report).toContain(`data-dataset="${dataset}"`);
    expect(report).toContain('Parity toy');
    expect(report).toContain(`/new/?from=${id}`);
    expect(report).toContain(`--data data.csv`);
    const datasetPage = await (await call(`/d/${dataset}/`, { token: null })).text();
    expect(datasetPage).toContain(`/r/${id}/`);
  });

  it('a split that leaves a class without test rows is a 400 on split when the study is posted', async () => {
    // Class "y" (class 1) has one row, row index 1: the index rule (test = row indices 2, 5, …) gives it no test row.
    const { id } = (await (await upload('a,b,c\n1,2,x\n3,4,y\n5,6,x\n7,8,x\n9,1,x\n')).json()) as { id: string };
    const res = await call('/api/studies', {
      method: 'POST',
      json: {
        dataset: { name: 'upload', id },
        split: { kind: 'index-mod', k: 3, r: 2 },
        training: { optimizer: { kind: 'sgd', lr: 0.1 } },
      },
    });
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.issues).toEqual([
      {
        path: 'split',
        message: 'the split leaves class 1 ("y") with no test rows (training rows per class 3, 1; test rows per class 1, 0)',
      },
    ]);
  });

  it('a study on a table never uploaded is a 400 naming dataset.id, and nothing is stored', async () => {
    const res = await call('/api/studies', {
      method: 'POST',
      json: {
        dataset: { name: 'upload', id: 'ffffffffffffffffffff' },
        split: { kind: 'stratified' },
        training: { optimizer: { kind: 'sgd', lr: 0.1 } },
      },
    });
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.issues[0].path).toBe('dataset.id');
    expect(body.issues[0].message).toContain('upload its table first');
  });

  it.each([
    ['a cell that is not a number', 'a,b,c\n1,2,x\n3,four,y\n', 400, { row: 3, column: 'b' }],
    ['a ragged row', 'a,b,c\n1,2,x\n3,y\n', 400, { row: 3 }],
    ['a duplicated header', 'a,a,c\n1,2,x\n3,4,y\n', 400, { row: 1, column: 2 }],
    ['a missing header', '1,2,0\n3,4,1\n', 400, { row: 1 }],
    ['one class only', 'a,b,c\n1,2,x\n3,4,x\n', 400, { column: 'c' }],
    ['NaN', 'a,b,c\n1,NaN,x\n3,4,y\n', 400, { row: 2, column: 'b' }],
    ['an empty file', '', 400, {}],
  ])('refuses %s with its row and column, storing nothing', async (_what, text, status, where) => {
    const before = await datasetKeys();
    const res = await upload(text);
    expect(res.status).toBe(status);
    const body: any = await res.json();
    expect(body.issues[0].path).toBe('body');
    expect({ row: body.row, column: body.column }).toEqual({ row: undefined, column: undefined, ...where });
    expect(await datasetKeys()).toEqual(before);
  });

  it('refuses an unknown label column (400 on label), a name with a control character (400 on name), a file over 5 MB (413), another media type (415) and no token (401)', async () => {
    const before = await datasetKeys();
    const label = await upload(TABLE, '?label=species');
    expect(label.status).toBe(400);
    expect(((await label.json()) as any).issues[0]).toMatchObject({ path: 'label' });
    const big = await upload(`a,b\n${'1,x\n'.repeat(1_300_000)}`);
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error).toContain('5000000 bytes');
    const name = await upload(TABLE, '?name=a%01b');
    expect(name.status).toBe(400);
    expect(((await name.json()) as any).issues[0]).toMatchObject({
      path: 'name',
      message: 'the name holds a control or unpaired character (U+0001 at position 1)',
    });
    expect((await upload(TABLE, '', { 'content-type': 'application/json' })).status).toBe(415);
    expect((await upload(TABLE, '', { 'content-type': 'text/csv' }, null)).status).toBe(401);
    expect(await datasetKeys()).toEqual(before);
  });

  it('answers 404 for a dataset that is not stored or an id of another shape', async () => {
    expect((await call('/api/datasets/0123456789abcdef0123', { token: null })).status).toBe(404);
    expect((await call('/api/datasets/0123456789abcdef0123.csv', { token: null })).status).toBe(404);
    const other = await call('/api/datasets/not-an-id', { token: null });
    expect(other.status).toBe(404);
    expect(((await other.json()) as any).error).toContain('20 hex digits');
    expect((await call('/d/0123456789abcdef0123/', { token: null })).status).toBe(404);
    expect((await call('/d/nope/', { token: null })).status).toBe(404);
  });
});
