// Where a happening is (issue 14): LOCATED_IN of an event the text tells without a place.
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { events, extractText, named } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

describe('a happening told without its place', () => {
  it('is in the town the readers say its visitors travel to, not in the town the article names most', () => {
    const g = extractText('Invercargill City Council proposes $30k spend to host Kumagaya visit',
      'The Invercargill City Council will consider putting $30,000 towards hosting a delegation from Japanese sister city Kumagaya in January. The City of Kumagaya has written to council chief executive Clare Hadley advising that a 13-member delegation will travel to Invercargill. The report recommends the council put $30,000 towards hosting the group from Kumagaya. Kumagaya and Invercargill signed the agreement in 1992, and Kumagaya students visit often.', '2022-10-01');
    const located = g.relationships.filter((r) => r.type === 'LOCATED_IN' && events(g).some((e) => e.id === r.source));
    expect(located.length).toBeGreaterThan(0);
    expect(located.map((r) => r.target)).toContain(named(g, 'Invercargill')?.id);
    expect(located.map((r) => r.target)).not.toContain(named(g, 'Kumagaya')?.id);
  });
});
