// The learned relationship decisions (api/extract/learned/relations.ts): the shipped model file, training on
// a tiny annotated sample, and what the stage adds to an article over the rules alone.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../api/extract/document.ts';
import { extractArticle, readForLearning } from '../../api/extract/index.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import shipped from '../../api/extract/learned/relations.json' with { type: 'json' };
import { DECIDED_TYPES, LEARNED_TYPES, relationCandidates, RelationModelsSchema, type LearnedParticipations } from '../../api/extract/learned/relations.ts';
import type { AnnotatedArticle } from '../../api/learn/corpus.ts';
import { relationExamples, setWeights, trainRelations } from '../../api/learn/relations.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const SAMPLE = fileURLToPath(new URL('./fixtures/learn-sample/', import.meta.url));
const sample: AnnotatedArticle[] = readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).sort().map((file) => ({
  set: 'sample', file, textPath: `${SAMPLE}${file}`, goldPath: `${SAMPLE}${file.replace(/\.txt$/, '.json')}`,
}));

const nameOf = (g: GraphDocument, id: string) => g.nodes.find((n) => n.id === id)?.name ?? id;
const facts = (g: GraphDocument, type: string) => g.relationships.filter((r) => r.type === type).map((r) => `${nameOf(g, r.source)} -> ${nameOf(g, r.target)}`);

describe('the shipped relationship model', () => {
  it('parses with the schema and has a model for each type it decides', () => {
    const models = RelationModelsSchema.parse(shipped);
    expect(Object.keys(models.models).sort()).toEqual([...DECIDED_TYPES].sort());
    for (const type of DECIDED_TYPES) {
      const m = models.models[type];
      expect(m, type).toBeDefined();
      expect('weights' in m! ? Object.keys(m.weights).length : m!.trees.length, type).toBeGreaterThan(10);
    }
  });
});

describe('training the relationship model', () => {
  it('labels the sample by its gold and gives the same file twice', () => {
    const data = relationExamples(sample);
    const visits = data.examples.filter((e) => e.type === 'VISITED');
    expect(visits.some((e) => e.positive)).toBe(true);
    expect(visits.some((e) => !e.positive)).toBe(true);
    const first = JSON.stringify(trainRelations(data, undefined, LEARNED_TYPES));
    expect(JSON.stringify(trainRelations(relationExamples(sample), undefined, LEARNED_TYPES))).toBe(first);
    // every type can be trained, those the shipped model leaves to the rules too
    expect(Object.keys(RelationModelsSchema.parse(JSON.parse(first)).models).sort()).toEqual([...LEARNED_TYPES].sort());
  });

  it('weighs every annotated set the same in fitting, however many articles it has', () => {
    const articles = ['train/a.txt', 'train/b.txt', 'train/c.txt', 'blind/d.txt', 'train/a.txt'];
    const weights = setWeights(articles);
    expect(weights.get('train/a.txt')! * 3).toBeCloseTo(weights.get('blind/d.txt')!);
    // the weights still sum to the number of articles
    expect([...weights.values()].reduce((x, y) => x + y)).toBeCloseTo(4);
  });
});

describe('the learned stage on an article', () => {
  const FORUM = [
    'Lyon hosts Rosario business forum',
    'date 2023-06-01',
    '',
    'The Lyon-Rosario Business Forum was held in Lyon on Friday. Rosario Mayor Pablo Javkin and Lyon Mayor Gregory Doucet opened the forum. Marta Lopez, director of the Rosario Chamber of Commerce, also attended.',
  ].join('\n');
  const OPENED = 'Rosario Mayor Pablo Javkin and Lyon Mayor Gregory Doucet opened the forum.';

  it('states the meeting and participation of two mayors who open a forum, which the rules alone miss', () => {
    const rules = extractArticle({ content: FORUM, format: 'text', file: 'forum.txt' }, { relations: null });
    const learned = extractArticle({ content: FORUM, format: 'text', file: 'forum.txt' });
    expect(facts(rules, 'MET_WITH')).toEqual([]);
    expect(facts(rules, 'PARTICIPATED_IN')).not.toContain('Pablo Javkin -> Lyon-Rosario Business Forum');
    expect(facts(learned, 'MET_WITH').map((f) => f.split(' -> ').sort().join(' & '))).toContain('Gregory Doucet & Pablo Javkin');
    expect(facts(learned, 'PARTICIPATED_IN')).toContain('Pablo Javkin -> Lyon-Rosario Business Forum');
    expect(facts(learned, 'PARTICIPATED_IN')).toContain('Gregory Doucet -> Lyon-Rosario Business Forum');
    // every learned edge says which article and sentence it came from, the rules' edges are all still there
    const meeting = learned.relationships.find((r) => r.type === 'MET_WITH')!;
    expect(meeting.evidence).toContain(OPENED);
    expect(meeting.sources).toEqual([learned.articles[0]!.id]);
    const part = learned.relationships.find((r) => r.type === 'PARTICIPATED_IN' && nameOf(learned, r.source) === 'Pablo Javkin')!;
    expect(part.evidence.some((e) => e.includes('Pablo Javkin'))).toBe(true);
    for (const type of LEARNED_TYPES) for (const f of facts(rules, type)) expect(facts(learned, type)).toContain(f);
  });
});

describe('what the learned steps never state against the rules', () => {
  const read = (body: string) => extractArticle({ content: `Visit\ndate 2024-05-01\n\n${body}`, format: 'text', file: 'veto.txt' });

  it('does not make a mayor who welcomes guests to his own town a visitor of it', () => {
    const g = read('Mayor Dan Moe welcomed guests to Christchurch on Monday.');
    expect(facts(g, 'HOLDS_POSITION')).toEqual(['Dan Moe -> Christchurch']);
    expect(facts(g, 'VISITED')).toEqual([]);
  });

  it('does not send a host of the happening to the town its guests come from', () => {
    const content = 'Snoqualmie welcomes Peruvian students\ndate 2017-07-01\n\nSNOQUALMIE — The Snoqualmie Sister City Association welcomed eight students from Chaclacayo, Peru, this week. Snoqualmie Mayor Matt Larson greeted the students at City Hall. Board Member Rita Lowe of Snoqualmie said the kids enjoy the rain because it rarely rains in Chaclacayo, a desert town near Lima.';
    const g = extractArticle({ content, format: 'text', file: 'hosts.txt' });
    expect(facts(g, 'HOLDS_POSITION')).toContain('Rita Lowe -> Snoqualmie');
    expect(facts(g, 'VISITED').filter((f) => f.startsWith('Rita Lowe') || f.startsWith('Matt Larson'))).toEqual([]);
  });

  it('keeps a town the rules read from "X\'s friendship city Y", and its twinning', () => {
    const g = read("Riga's friendship city Suzhou sent a delegation.");
    expect(facts(g, 'SISTER_CITY_OF').map((f) => f.split(' -> ').sort().join(' ~ '))).toEqual(['Riga ~ Suzhou']);
  });

  it('pairs no two towns of a sentence whose ties the rules read: "A has twinned with B and C, and D with E and F"', () => {
    const g = read("The Hague, Holland, for example, has twinned with Nazareth and Bethlehem, and Lyon, France, has twinned with Be'er Sheva and Jericho.");
    expect(facts(g, 'SISTER_CITY_OF').map((f) => f.split(' -> ').sort().join(' ~ ')).sort()).toEqual(["Be'er Sheva ~ Lyon", 'Bethlehem ~ Hague', 'Hague ~ Nazareth', 'Jericho ~ Lyon']);
  });

  it('pairs no two items of one list of towns: "agreements with cities such as Los Angeles, Paris, Marseille, and Rabat"', () => {
    const g = read('The Beirut Municipality has signed many agreements with different cities around the world such as Los Angeles, Paris, Marseille, and Rabat.');
    expect(facts(g, 'SISTER_CITY_OF').filter((f) => !f.includes('Beirut'))).toEqual([]);
  });

  it('pairs no town with a state the article names only as another town\'s place: "Mayor of Miami, Florida, U.S.A"', () => {
    const g = read('Mr. John Baker, Mayor of Miami, Florida, U.S.A (Sister city to Kaohsiung), visiting the Lotus Temple on May 20, 2012.');
    expect(facts(g, 'SISTER_CITY_OF').filter((f) => f.includes('Florida'))).toEqual([]);
  });
});

describe('meetings decided after the participations', () => {
  // a host named in the lead and a guest named at the end, with no sentence or frame slot linking them
  const CEREMONY = [
    'Rockford marks 30 years of partnership',
    'date 2023-05-02',
    '',
    'A ceremony marked the 30th anniversary of the partnership at Rockford City Hall on Monday.',
    'Mayor Tom Hale opened the ceremony with a short speech.',
    'Local schools prepared a show of music and dance.',
    'Students sang songs in Japanese and English.',
    'The choir of the high school closed the program.',
    'Consul Kenji Sato thanked everyone for the evening.',
  ].join('\n');

  it('makes two people the stage finds taking part in one happening a candidate meeting, however far apart they are named', () => {
    const read = readForLearning(readDocument(CEREMONY, { format: 'text', file: 'ceremony.txt' }))!;
    const a = read.article;
    const idOf = (name: string) => [...a.entities.values()].find((e) => e.name === name)!.id;
    const [host, guest, ceremony] = [idOf('Tom Hale'), idOf('Kenji Sato'), idOf('Rockford ceremony')];
    const meetings = (participations?: LearnedParticipations) =>
      relationCandidates(a, read.events, { types: ['MET_WITH'], participations }).filter((c) => [c.from, c.to].sort().join() === [host, guest].sort().join());
    expect(meetings()).toEqual([]);
    const decided: LearnedParticipations = new Map([[host, [{ event: ceremony, role: 'host' }]], [guest, [{ event: ceremony, role: 'attendee' }]]]);
    const [pair] = meetings(decided);
    expect(pair).toBeDefined();
    expect(pair!.shared).toContain('learned-same-event');
  });
});
