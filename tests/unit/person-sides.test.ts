// The side the sentences tell each person on (api/extract/learned/person-sides.ts), and the place step's feature
// made of it: the side of each town's officials (the hosts' town is where a happening takes place).
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../api/extract/document.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { readForLearning } from '../../api/extract/index.ts';
import { personSides } from '../../api/extract/learned/person-sides.ts';
import { placeCandidates } from '../../api/extract/learned/places.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const WELCOME = [
  'Osaka delegation visits Springfield',
  'date 2024-05-01',
  '',
  'Mayor John Smith of Springfield welcomed Mayor Kenji Tanaka of Osaka to City Hall on Monday.',
  'Tanaka and his delegation arrived in Springfield on Sunday.',
  'The Osaka guests were hosted by council member Mary Jones.',
  'Tanaka was accompanied by Yuki Mori.',
].join('\n');

function read(text: string) {
  const r = readForLearning(readDocument(text, { format: 'text', file: 'sides.txt' }))!;
  const idOf = (name: string) => [...r.article.entities.values()].find((e) => e.name === name)?.id ?? '';
  return { ...r, idOf };
}

describe('the side each person is told on', () => {
  it('reads who welcomes and hosts as the host side, and who is welcomed, arrives or travels along as the visiting side', () => {
    const { article, idOf } = read(WELCOME);
    const sides = personSides(article);
    expect(sides.get(idOf('John Smith'))).toBe('host');
    expect(sides.get(idOf('Mary Jones'))).toBe('host');
    expect(sides.get(idOf('Kenji Tanaka'))).toBe('visitor');
    expect(sides.get(idOf('Yuki Mori'))).toBe('visitor');
  });

  it('gives the place decision the side of each town\'s officials, at every happening', () => {
    const { article, events, idOf } = read(WELCOME);
    const places = placeCandidates(article, events);
    const at = (town: string) => places.filter((c) => c.city === idOf(town));
    expect(at('Springfield').length).toBeGreaterThan(0);
    expect(at('Osaka').length).toBeGreaterThan(0);
    for (const c of at('Springfield')) expect(c.features).toContain('officials-side:host');
    for (const c of at('Osaka')) expect(c.features).toContain('officials-side:visitor');
  });
});
