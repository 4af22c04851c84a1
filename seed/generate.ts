// npm run generate -- --count 1000 --out .bench/corpus-1k [--seed 42]
// Writes a deterministic synthetic corpus in the genre of seed/articles/ (see seed/generator/).
import { parseArgs } from 'node:util';
import { generateCorpus } from './generator/corpus.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--count must be a positive integer, got "${values.count}"`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer, got "${values.seed}"`);
  process.exit(2);
}
const out = values.out ?? `.bench/corpus-${count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : count}`;
const started = performance.now();
const manifest = generateCorpus({
  count,
  out,
  seed,
  onProgress: (done) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${count}`);
  },
});
const seconds = (performance.now() - started) / 1000;
if (process.stderr.isTTY) process.stderr.write('\r');
console.log(`${manifest.count} articles, ${(manifest.bytes / 1e6).toFixed(1)} MB, seed ${seed} -> ${out} in ${seconds.toFixed(1)} s`);
