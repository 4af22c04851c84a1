// The side the sentences tell each person on (api/extract/learned/person-sides.ts): a feature of the learned visit
// decision and of the place step. Without it a host with no office the extraction knows, named at a happening in
// the home town, looks like the visitors of the same happening to the relation step.
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../api/extract/document.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { readForLearning } from '../../api/extract/index.ts';
import { personSides } from '../../api/extract/learned/person-sides.ts';
import { placeCandidates } from '../../api/extract/learned/places.ts';
import { relationCandidates } from '../../api/extract/learned/relations.ts';

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

  it('gives the visit decision the side with the town, and the place decision the side of each town\'s officials', () => {
    const { article, events, idOf } = read(WELCOME);
    const visit = relationCandidates(article, events).find((c) => c.type === 'VISITED' && c.from === idOf('Mary Jones') && c.to === idOf('Springfield'));
    expect(visit?.shared.some((f) => f.startsWith('side:host&') && f.endsWith('&y-home'))).toBe(true);
    const places = placeCandidates(article, events).filter((c) => c.city === idOf('Springfield'));
    expect(places.length).toBeGreaterThan(0);
    for (const c of places) expect(c.features).toContain('officials-side:host');
  });
});
