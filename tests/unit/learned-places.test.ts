// The learned place decision (api/extract/learned/places.ts): one town per happening, chosen over the article's towns
// by a model; it replaces the rules' place. Models written here state what the decision does with what a model says;
// the shipped model's effect on real articles is measured on unseen sets (docs/extraction.md, "Twelfth session: places").
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { extractArticle } from '../../api/extract/index.ts';
import type { PlaceModel } from '../../api/extract/learned/places.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { events, named } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const RECEPTION = `Council chairman receives Incheon delegation
date 2023-06-12

Chairman Nguyen Van Loi of the Ho Chi Minh City People's Council hosted a reception for the visiting delegation of the Incheon Metropolitan Council on June 12. Incheon's delegation was led by its chairman Heo Sik. Chairman Loi said Ho Chi Minh City values its ties with Incheon, its sister city. The Incheon delegation also toured the city's high-tech park.`;

const read = (places: PlaceModel | null): GraphDocument =>
  extractArticle({ content: RECEPTION, format: 'text', file: 'test.txt' }, { entities: null, relations: null, places });

/** The towns each happening is placed in, by the happening's name. */
function placesOf(g: GraphDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of events(g)) out.set(e.name, g.relationships.filter((r) => r.type === 'LOCATED_IN' && r.source === e.id).map((r) => g.nodes.find((n) => n.id === r.target)!.name));
  return out;
}

describe('the learned place of a happening', () => {
  it('replaces the town the rules gave it when the model finds another likelier', () => {
    const rules = placesOf(read(null));
    expect([...rules.values()].flat()).toContain('Ho Chi Minh City');
    // a model that takes the town the text names as the guests' for the venue: every happening moves there
    const guestsTown: PlaceModel = { bias: -3, threshold: 0.5, weights: { 'cue:guests': 6 } };
    const g = read(guestsTown);
    for (const [event, towns] of placesOf(g)) expect(towns, event).toEqual(['Incheon']);
    expect(named(g, 'Incheon')).toBeDefined();
  });

  it('leaves a happening no place when the model accepts no town, unless the place is all the graph says of it', () => {
    const none: PlaceModel = { bias: -6, threshold: 0.5, weights: {} };
    const g = read(none);
    const rules = read(null);
    for (const e of events(g)) {
      const others = g.relationships.filter((r) => r.type !== 'LOCATED_IN' && (r.source === e.id || r.target === e.id));
      const placed = g.relationships.filter((r) => r.type === 'LOCATED_IN' && r.source === e.id);
      if (others.length) expect(placed, e.name).toEqual([]);
      else expect(placed.map((r) => r.target), e.name).toEqual(rules.relationships.filter((r) => r.type === 'LOCATED_IN' && r.source === e.id).map((r) => r.target));
    }
    expect(events(g).some((e) => g.relationships.some((r) => r.type !== 'LOCATED_IN' && (r.source === e.id || r.target === e.id)))).toBe(true);
  });

  it('gives each happening one place at most, keeping the event the node the rules made', () => {
    const everywhere: PlaceModel = { bias: 3, threshold: 0.5, weights: {} };
    const g = read(everywhere);
    for (const [event, towns] of placesOf(g)) expect(towns.length, event).toBeLessThanOrEqual(1);
    expect(events(g).map((e) => e.id).sort()).toEqual(events(read(null)).map((e) => e.id).sort());
  });
});

describe('what the place decision reads of a happening', () => {
  const placesIn = (content: string, places: PlaceModel) => placesOf(extractArticle({ content, format: 'text', file: 'test.txt' }, { entities: null, relations: null, places }));

  it('reads the body or venue a happening is held at as telling its town', () => {
    const text = `Harare and Lusaka renew their partnership
date 2021-03-02

The signing ceremony took place at the Lusaka City Council on Tuesday, with Harare Mayor Jacob Mafume and Lusaka Mayor Miles Sampa. Mafume was accompanied by Harare councillors.`;
    const venue: PlaceModel = { bias: -3, threshold: 0.5, weights: { 'venue:at': 6 } };
    const ceremony = (places: Map<string, string[]>) => [...places].filter(([name]) => name.endsWith('signing ceremony')).map(([, towns]) => towns);
    expect(ceremony(placesIn(text, venue))).toEqual([['Lusaka']]);
    // a venue the readers take for no entity: the town its name holds
    expect(ceremony(placesIn(text.replace('Lusaka City Council', 'Lusaka City Hall'), venue))).toEqual([['Lusaka']]);
  });

  it('reads a town that welcomes or hosts as the venue, and the town whose officials were received as not', () => {
    const text = `Kingston welcomes Windhoek delegation
date 2023-05-02

Kingston Mayor Delroy Williams welcomed a delegation from Windhoek on Monday. The Windhoek officials were received at the town hall, where the two mayors signed a cooperation agreement.`;
    const host: PlaceModel = { bias: -3, threshold: 0.5, weights: { 'headline:host': 6, 'cue:host': 6 } };
    const placed = [...placesIn(text, host).values()];
    expect(placed.length).toBeGreaterThan(0);
    for (const towns of placed) expect(towns).toEqual(['Kingston']);
  });
});
