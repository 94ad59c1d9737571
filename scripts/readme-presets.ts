// `npm run readme:presets`: rewrites the README's preset tables from bench/presets/ (the committed
// preset documents). tests/presetTables.test.ts fails when the README and the documents disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { readMeasuredPresets, withGeneratedBlocks } from './presetTables.ts';

const readme = readFileSync('README.md', 'utf8');
const next = withGeneratedBlocks(readme, readMeasuredPresets());
writeFileSync('README.md', next);
console.log(next === readme ? 'README.md is up to date' : 'README.md: preset tables regenerated');
