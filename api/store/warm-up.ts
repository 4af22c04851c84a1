// Warm-up of a freshly started Neo4j: the write statements run over synthetic batches in transactions
// that are rolled back, so the JVM compiles Neo4j's write path (planning, the operators, transaction
// state, locks) while nobody waits, and the graph does not change. A fresh server otherwise spends about
// half of its CPU over its first few thousand articles compiling itself (docs/benchmarks.md, § Ingest).
import type { GraphDocument, GraphNode, GraphRelationship } from '../graph/schema.ts';
import type { Neo4jConnection } from './neo4j.ts';
import type { AliasKeys } from './rows.ts';
import { rehearseWrite } from './write.ts';

/** Names no article uses (ids in their own namespace), so a warm-up on a stored graph finds nothing of it. */
const PREFIX = 'warm-up';
const PEOPLE = 120;
const CITIES = 60;
const BODIES = 40;

const person = (i: number): GraphNode => ({ id: `person:${PREFIX}-${i}`, label: 'Person', name: `Warmup Person${i} Synthetic`, aliases: [`Mayor Warmup Person${i}`], properties: {} });
const city = (i: number): GraphNode => ({ id: `city:${PREFIX}-${i}-xx`, label: 'City', name: `Warmup City ${i}`, aliases: [`Warmup City ${i} City`], properties: { country: 'XX', lat: i / 10, lon: -i / 10 } });
const office = (i: number): GraphNode => ({ id: `office:${PREFIX}-${i}`, label: 'Office', name: `Warmup Office ${i}`, aliases: [], properties: {} });

/**
 * `articles` synthetic articles whose facts repeat across articles as real ones do (recurring mayors,
 * offices, city pairs): `round` > 0 gives other article ids and dates, so the same facts are stated again.
 */
export function warmUpDocument(articles: number, round = 0): GraphDocument {
  const doc: GraphDocument = { articles: [], nodes: [], relationships: [] };
  const nodes = new Map<string, GraphNode>();
  for (let a = 0; a < articles; a++) {
    const id = `${PREFIX}-${round}-${a}`;
    const host = person(a % PEOPLE);
    const guest = person((a * 7 + 3) % PEOPLE);
    const home = city(a % CITIES);
    const away = city((a * 11 + 5) % CITIES);
    const body = office(a % BODIES);
    const date = `20${10 + (a % 15)}-0${1 + (a % 9)}-1${a % 10}`;
    const event: GraphNode = { id: `event:${PREFIX}-${round}-${a}`, label: 'Event', name: `Warmup Exchange ${round}-${a}`, aliases: [], properties: { date, city: home.id, kind: 'exchange' } };
    const sentences = [
      `${host.name}, Mayor of ${home.name}, met with ${guest.name} of ${away.name} on ${date}.`,
      `${guest.name} visited ${home.name} for the ${event.name}.`,
      `${home.name} and ${away.name} have been sister cities since 20${a % 20}.`,
      `${host.name} heads the ${body.name} in ${home.name}.`,
    ];
    doc.articles.push({ id, title: `Warmup article ${round}-${a}`, publishedAt: date, publisher: 'Warmup', url: null, file: `${id}.txt`, text: sentences.join(' ') });
    const mentioned = [host, guest, home, away, body, event];
    for (const node of mentioned) nodes.set(node.id, node);
    const fact = (type: GraphRelationship['type'], source: GraphNode, target: GraphNode, properties: GraphRelationship['properties'], sentence: number): GraphRelationship =>
      ({ type, source: source.id, target: target.id, properties, sources: [id], evidence: [sentences[sentence]!] });
    doc.relationships.push(
      fact('MET_WITH', host, guest, { date, event: event.id }, 0),
      fact('VISITED', guest, home, { date, event: event.id }, 1),
      fact('PARTICIPATED_IN', host, event, { role: 'host' }, 1),
      fact('PARTICIPATED_IN', guest, event, { role: 'visitor' }, 1),
      fact('SISTER_CITY_OF', home, away, { since: `20${a % 20}` }, 2),
      fact('HOLDS_POSITION', host, body, { title: 'Mayor', former: false }, 3),
      fact('LOCATED_IN', body, home, {}, 3),
      ...mentioned.map((node) => ({ type: 'MENTIONS' as const, source: id, target: node.id, properties: {}, sources: [id], evidence: [] })),
    );
  }
  doc.nodes = [...nodes.values()];
  return doc;
}

export interface WarmUpResult {
  rounds: number;
  /** Articles in each of a round's two batches. */
  articles: number;
  /** Wall time of the whole warm-up. */
  ms: number;
}

/**
 * Runs writeGraph's statements `rounds` times, each over two synthetic batches of `articles` in one
 * transaction (the second restates the first's facts), and rolls every transaction back.
 */
export async function warmUpWrites(conn: Neo4jConnection, aliasKeys: AliasKeys, opts: { rounds?: number; articles?: number } = {}): Promise<WarmUpResult> {
  const rounds = opts.rounds ?? 4;
  const articles = opts.articles ?? 250;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    await rehearseWrite(conn, [warmUpDocument(articles, 2 * round), warmUpDocument(articles, 2 * round + 1)], aliasKeys);
  }
  return { rounds, articles, ms: performance.now() - started };
}
