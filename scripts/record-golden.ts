// `npm run golden:record`: re-records tests/golden/golden.json from the current engine. Run it only
// when a change alters numbers on purpose, and list what changed (git diff shows it).
import { writeFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../src/index.ts';
import { allGoldenFacts } from '../tests/golden/runGolden.ts';

const started = performance.now();
const cases = await allGoldenFacts();
writeFileSync('tests/golden/golden.json', `${JSON.stringify({ engine: ENGINE_VERSION, cases }, null, 1)}\n`);
console.log(`wrote tests/golden/golden.json: ${Object.keys(cases).length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
