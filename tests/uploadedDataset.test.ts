import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import {
  DatasetError,
  describeDataset,
  documentOfKind,
  keptTable,
  parseSpecOfKind,
  provideDataset,
  readDatasetCsv,
  runStudy,
  SpecError,
  studyId,
  uploadedDatasetIds,
  usingDatasets,
} from '../src/index.ts';

const TABLE = 'a,b,species\n1,2.5,x\n3,-0,y\n0.1,1e+21,x\n';
// printf 'a,b,species\n1,2.5,x\n3,-0,y\n0.1,1e+21,x\n' | sha256sum | cut -c1-20
const TABLE_ID = '078b098b4ced8c79ea5f';

/** The error a table gets, as `{ message, row, column, tooLarge }`. */
async function refusal(text: string, label?: string) {
  try {
    await readDatasetCsv(text, label);
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    return { message: e.message, row: e.row, column: e.column, tooLarge: e.tooLarge, field: e.field };
  }
  throw new Error('the table was read');
}

describe('reading an uploaded table', () => {
  it('writes the canonical table and names it by its SHA-256 (checked with sha256sum)', async () => {
    const read = await readDatasetCsv(TABLE, 'species');
    expect(read.canonicalCsv).toBe(TABLE);
    expect(read.id).toBe(TABLE_ID);
    expect(read.table.featureNames).toEqual(['a', 'b']);
    expect(read.table.classNames).toEqual(['x', 'y']);
    expect(Array.from(read.table.y)).toEqual([0, 1, 0]);
    expect(Object.is(read.table.x[3], -0)).toBe(true);
  });

  it('reads the same table written another way as the same dataset', async () => {
    const spellings = [
      // A BOM, CRLF line ends, quoted cells, other number spellings, blank lines.
      '\uFEFF"a","b",species\r\n1.0,2.50,"x"\r\n\r\n3,-0.0,y\r\n.1,1E21,x\r\n',
      // The label column first (the canonical table puts it last).
      'species,a,b\nx,1,2.5\ny,3,-0\nx,0.1,1e21',
      // Semicolons.
      'a;b;species\n1;2.5;x\n3;-0;y\n0.1;1e+21;x\n',
      // Spaces around numbers and labels.
      'a, b ,species\n 1 ,2.5, x\n3,-0,y \n0.1,1e+21,x\n',
    ];
    for (const text of spellings) expect((await readDatasetCsv(text, 'species')).id, text).toBe(TABLE_ID);
    // The last column is the label when none is named.
    expect((await readDatasetCsv(TABLE)).id).toBe(TABLE_ID);
    // A different number is a different dataset.
    expect((await readDatasetCsv(TABLE.replace('2.5', '2.6'))).id).not.toBe(TABLE_ID);
  });

  it('numbers classes in the code-point order of their labels', async () => {
    // UTF-16 order would put U+1F600 (D83D DE00) before U+FFFD; code points put it after.
    const read = await readDatasetCsv('f,label\n1,b\n2,\u{1F600}\n3,\uFFFD\n4,a\n5,B\n');
    expect(read.table.classNames).toEqual(['B', 'a', 'b', '\uFFFD', '\u{1F600}']);
    expect(Array.from(read.table.y)).toEqual([2, 4, 3, 1, 0]);
  });

  it('describes its size, classes with counts and feature ranges', async () => {
    const read = await readDatasetCsv(TABLE, 'species');
    expect(describeDataset(read, 'tiny')).toEqual({
      id: TABLE_ID,
      name: 'tiny',
      rows: 3,
      features: 2,
      label: 'species',
      classes: ['x', 'y'],
      classCounts: [2, 1],
      featureRanges: [
        { name: 'a', min: 0.1, max: 3 },
        { name: 'b', min: -0, max: 1e21 },
      ],
    });
  });

  it.each([
    ['a cell that is not a number', 'a,b,c\n1,2,x\n3,four,y\n', { row: 3, column: 'b', message: /"four" is not a number/ }],
    ['a decimal comma in a semicolon file', 'a;b;c\n1;2,5;x\n3;4;y\n', { row: 2, column: 'b', message: /decimal comma/ }],
    ['a ragged row', 'a,b,c\n1,2,x\n3,y\n', { row: 3, message: /2 cells, the header 3/ }],
    ['an empty cell', 'a,b,c\n1,,x\n3,4,y\n', { row: 2, column: 'b', message: /empty/ }],
    ['NaN', 'a,b,c\n1,NaN,x\n3,4,y\n', { row: 2, column: 'b', message: /not a finite number/ }],
    ['infinity', 'a,b,c\n1,2,x\n-Infinity,4,y\n', { row: 3, column: 'a', message: /not a finite number/ }],
    ['a number beyond float64', 'a,b,c\n1,2,x\n1e400,4,y\n', { row: 3, column: 'a', message: /beyond float64/ }],
    ['a missing header', '1,2,0\n3,4,1\n', { row: 1, message: /header row/ }],
    ['a duplicated header', 'a,a,c\n1,2,x\n3,4,y\n', { row: 1, column: 2, message: /appears twice \(columns 1 and 2\)/ }],
    ['an empty column name', 'a,,c\n1,2,x\n3,4,y\n', { row: 1, column: 2, message: /column name is empty/ }],
    ['an empty label', 'a,b,c\n1,2,x\n3,4,\n', { row: 3, column: 'c', message: /label is empty/ }],
    ['an unclosed quote', 'a,b,c\n1,2,x\n3,4,"y\n', { row: 3, message: /never closed/ }],
    ['one class only', 'a,b,c\n1,2,x\n3,4,x\n', { column: 'c', message: /at least 2 classes/ }],
    ['an empty file', '\uFEFF\r\n', { message: /the file is empty/ }],
    ['a header alone', 'a,b,c\n', { message: /no rows of data/ }],
  ])('refuses %s, naming where', async (_what, text, expected) => {
    const got = await refusal(text);
    expect(got.message).toMatch(expected.message);
    expect(got.row).toBe('row' in expected ? expected.row : undefined);
    expect(got.column).toBe('column' in expected ? expected.column : undefined);
    expect(got.tooLarge).toBe(false);
    expect(got.field).toBe('body');
  });

  it('refuses an unknown label column, listing the columns', async () => {
    const got = await refusal('a,b,c\n1,2,x\n3,4,y\n', 'kind');
    expect(got).toMatchObject({ column: 'kind', tooLarge: false, field: 'label' });
    expect(got.message).toContain('the columns are a, b, c');
  });

  it('refuses more than 50 classes and more than 1,000,000 cells (a 413)', async () => {
    const classes = `f,label\n${Array.from({ length: 51 }, (_, i) => `${i},c${i}`).join('\n')}\n`;
    expect(await refusal(classes)).toMatchObject({
      column: 'label',
      tooLarge: false,
      message: expect.stringMatching(/51 distinct labels/),
    });
    // 500,001 rows of 2 cells: 1,000,002 cells, within 5 MB (about 2.9 MB).
    const cells = `f,label\n${'0,a\n1,b\n'.repeat(250_000)}0,a\n`;
    expect(await refusal(cells)).toMatchObject({
      tooLarge: true,
      message: expect.stringMatching(/more than 1000000 cells \(the limit\): 2 columns, 500001 rows/),
    });
    const bytes = `f,label\n${'0.000000000000001,a\n'.repeat(270_000)}`;
    expect(await refusal(bytes)).toMatchObject({ tooLarge: true, message: expect.stringMatching(/over the limit of 5000000 bytes/) });
  });
});

describe('training on an uploaded table', () => {
  it('trains an uploaded copy of iris exactly as the bundled iris (same rows, same class order)', async () => {
    const read = await readDatasetCsv(readFileSync('data/iris.csv', 'utf8'), 'target');
    // python3: rows of data/iris.csv, each number as repr(float) without a trailing ".0", label last, LF ends; sha256[:20]
    expect(read.id).toBe('b9455ef311be450e7800');
    provideDataset(read);
    const setup = {
      split: { kind: 'stratified', testFraction: 0.3 },
      scaling: { kind: 'standardize' },
      model: { hidden: [8] },
      training: { optimizer: { kind: 'adam', lr: 0.02 }, batchSize: 16, epochs: 3 },
      seeds: 3,
      backend: 'cpu',
    };
    const uploaded = parseSpecOfKind({ ...setup, dataset: { name: 'upload', id: read.id } }, 'seed-variance');
    const bundled = parseSpecOfKind({ ...setup, dataset: { name: 'iris' } }, 'seed-variance');
    expect(uploadedDatasetIds(uploaded)).toEqual([read.id]);
    expect(await studyId(uploaded)).not.toBe(await studyId(bundled));
    await useNodeBackend('cpu');
    const fingerprints = async (spec: typeof uploaded) =>
      documentOfKind(await runStudy(spec, { groupSize: 3 }), 'seed-variance').runs.map((r) => r.fingerprint);
    expect(await fingerprints(uploaded)).toEqual(await fingerprints(bundled));
  });

  it('keeps a table in use however many others are handed over meanwhile, and two when none is in use', async () => {
    const tables = await Promise.all(['1', '2', '3', '4'].map((v) => readDatasetCsv(`f,label\n${v},a\n0,b\n`)));
    await usingDatasets([tables[0]], async () => {
      for (const t of tables.slice(1)) provideDataset(t);
      expect(keptTable(tables[0].id)).not.toBeNull();
    });
    // By hand: each hand-over drops the oldest table not in use: [0, 1, 2] -> [0, 2], [0, 2, 3] -> [0, 3];
    // when the work settles, two are kept, so 0 and 3 stay.
    expect(tables.map((t) => keptTable(t.id) !== null)).toEqual([true, false, false, true]);
  });

  it('a spec naming a table the engine was not handed is a SpecError on dataset.id', async () => {
    const spec = parseSpecOfKind(
      {
        dataset: { name: 'upload', id: '0123456789abcdef0123' },
        split: { kind: 'stratified' },
        training: { optimizer: { kind: 'sgd', lr: 0.1 } },
        seeds: 1,
      },
      'seed-variance',
    );
    await expect(runStudy(spec)).rejects.toSatisfy((e) => e instanceof SpecError && e.issues[0].path === 'dataset.id');
  });
});
