// Where happenings and bodies are (issue 14): LOCATED_IN of an event the text tells without a place, and of bodies
// the text places in a town.
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { extractArticle } from '../../api/extract/index.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { events, extractText, named } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

/** With the shipped steps, as the command line reads an article. */
const extractShipped = (title: string, body: string, date: string): GraphDocument =>
  extractArticle({ content: `${title}\ndate ${date}\n\n${body}`, format: 'text', file: 'test.txt' }, {});

describe('a happening told without its place', () => {
  it('is in the town the readers say its visitors travel to, not in the town the article names most', () => {
    const g = extractText('Invercargill City Council proposes $30k spend to host Kumagaya visit',
      'The Invercargill City Council will consider putting $30,000 towards hosting a delegation from Japanese sister city Kumagaya in January. The City of Kumagaya has written to council chief executive Clare Hadley advising that a 13-member delegation will travel to Invercargill. The report recommends the council put $30,000 towards hosting the group from Kumagaya. Kumagaya and Invercargill signed the agreement in 1992, and Kumagaya students visit often.', '2022-10-01');
    const located = g.relationships.filter((r) => r.type === 'LOCATED_IN' && events(g).some((e) => e.id === r.source));
    expect(located.length).toBeGreaterThan(0);
    expect(located.map((r) => r.target)).toContain(named(g, 'Invercargill')?.id);
    expect(located.map((r) => r.target)).not.toContain(named(g, 'Kumagaya')?.id);
  });

  it('is not in the town its name says the guests come from', () => {
    const g = extractShipped('Quang Nam leaders receive the delegation of Yongin city',
      'Quang Nam leaders receive the delegation of Yongin city\n\n(QNO) - In the reception for the delegation from Yongin City Council (South Korea) led by its member Kim Sang-soo on November 13, Vice Chairman Le Van Thanh said South Korea is always a partner, a close friend of Quang Nam. Quang Nam province has established friendly relations with several South Korean localities such as Yongin, Osan and Gwangyang. He hoped Yongin city continue to cooperate with Quang Nam.', '2019-11-14');
    const yongin = named(g, 'Yongin')?.id;
    expect(yongin).toBeDefined();
    expect(g.relationships.filter((r) => r.type === 'LOCATED_IN' && r.target === yongin && events(g).some((e) => e.id === r.source))).toEqual([]);
  });
});

describe('a body the text places in a town', () => {
  const placedIn = (g: GraphDocument, body: string) => g.relationships.filter((r) => r.type === 'LOCATED_IN' && r.source === named(g, body)?.id).map((r) => r.target);

  it('is in the town that lists it among its universities', () => {
    const g = extractText('Hikone goodwill mission visits XTU',
      'Mayor Kenichi Okubo of Hikone led a goodwill mission to Xiangtan University. Hikone has three universities, in which Shiga University and Seisen University have cooperation agreements with our university.', '2019-05-12');
    const hikone = named(g, 'Hikone')?.id;
    expect(placedIn(g, 'Shiga University')).toContain(hikone);
    expect(placedIn(g, 'Seisen University')).toContain(hikone);
  });

  it('is in the town its address or an apposition names', () => {
    const g = extractText('Lamorlaye delegation visits Ballynahinch',
      'Cllr Charlie Casey welcomed the French delegation with a reception at the Millbrook Lodge Hotel, Ballynahinch. Mayor Ann Smith will open the Ulster Technology Centre, a partner organisation based in Belfast, on Thursday.', '2019-05-12');
    expect(placedIn(g, 'Millbrook Lodge Hotel')).toContain(named(g, 'Ballynahinch')?.id);
    expect(placedIn(g, 'Ulster Technology Centre')).toContain(named(g, 'Belfast')?.id);
  });
});

