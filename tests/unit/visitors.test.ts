// Who travelled (issue 14): a town's officials are its hosts, never its visitors.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../api/extract/index.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { events, nameOf } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

/** The whole extraction, learned steps included. */
const read = (title: string, body: string, date: string): GraphDocument => extractArticle({ content: `${title}\ndate ${date}\n\n${body}`, format: 'text', file: 'test.txt' });
const visits = (g: GraphDocument) => g.relationships.filter((r) => r.type === 'VISITED').map((r) => `${nameOf(g, r.source)} -> ${nameOf(g, r.target)}`);

describe('the officials of the town visited', () => {
  it('do not visit it when the sentence that names them tells the guest\'s visit', () => {
    const g = read('Courtesy call on the Governor of Lyon',
      'LYON — Mr. Zhou Min, Vice Mayor of Wuhan, paid a courtesy call on Mr. Paul Morel, Governor of Lyon, at Lyon City Hall, on occasion of visiting Lyon and strengthening the sister city relationship between Lyon and Wuhan. Mr. Zhou Min thanked the Governor of Lyon for a warm welcome.', '2018-08-20');
    expect(visits(g)).toContain('Zhou Min -> Lyon');
    expect(visits(g)).not.toContain('Paul Morel -> Lyon');
  });
});

describe('a delegation named by the country it comes from', () => {
  it('is no trip to that country: "delegates from Japan arriving" come from Japan', () => {
    const g = read('Delegation visits Cobden',
      'COBDEN — As one group of Cobden youths arrived home, a group of Japanese youths came to visit. The six Cobden youth delegates arrived home from Awaji, Japan, on Monday, with the eleven youth delegates from Japan arriving as well. Council President Dan Hughes of Cobden welcomed the delegates on Tuesday.', '2018-08-20');
    expect(visits(g)).not.toContain('Dan Hughes -> Awaji');
    expect(events(g).filter((e) => e.properties.kind === 'visit').map((e) => nameOf(g, String(e.properties.city)))).not.toContain('Awaji');
  });
});
