// CPU of writeGraph's pure row preparation (restrictToArticles, alias keys, writeRows), no Neo4j:
// batch documents kept by `profile-write.ts --docs DIR`, the first one also warming the gazetteer.
//   npx tsx tests/bench/profile-rows.ts /tmp/ingest-docs/batch-250-00{3,4,5,6,7,8}.json
import { readFileSync } from 'node:fs';
import { mergedIdKey } from '../../api/curation/ops.ts';
import { aliasKeys } from '../../api/extract/resolve.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { restrictToArticles, writeRows } from '../../api/store/rows.ts';

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let total = 0;
for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as GraphDocument;
  const started = process.cpuUsage();
  const part = restrictToArticles(doc, new Set(doc.articles.map((a) => a.id)));
  new Set(part.nodes.flatMap((node) => [...aliasKeys(node), mergedIdKey(node.id)]));
  writeRows(part, aliasKeys);
  const ms = cpuMs(started);
  total += ms;
  console.log(`${file}: ${ms.toFixed(0)} ms`);
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`total ${total.toFixed(0)} ms CPU (load ${load})`);
