// The learned entity step (api/extract/learned/entities.ts) with the shipped model: what a reader of the graph
// sees change against the rules alone, the graph still consistent; the model file; training reproducible.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../api/extract/document.ts';
import { analysedArticle, extractArticle } from '../../api/extract/index.ts';
import { entityCandidates, EntityModelSchema, SHIPPED_ENTITY_MODEL } from '../../api/extract/learned/entities.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { orgId } from '../../api/extract/resolve.ts';
import { MODEL } from '../../api/graph/model.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { articleCandidates, fitEntityModel, simulate } from '../../api/learn/entities.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const SAMPLE = 'tests/support/learn-entities';
const extract = (file: string, entities?: null) =>
  extractArticle({ content: readFileSync(join(SAMPLE, file), 'utf8'), format: 'text', file }, entities === null ? { entities } : {});
const labelled = (g: GraphDocument) => g.nodes.filter((n) => n.label !== 'Event').map((n) => `${n.label}:${n.name}`);

/** Every relationship joins two nodes of the graph whose labels its type allows, and says where it was read. */
function expectConsistent(g: GraphDocument): void {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  for (const r of g.relationships) {
    const spec = MODEL.relationships[r.type as keyof typeof MODEL.relationships];
    const source = byId.get(r.source);
    const target = byId.get(r.target);
    expect(source, `${r.type} from ${r.source}`).toBeDefined();
    expect(target, `${r.type} to ${r.target}`).toBeDefined();
    expect(spec.from as readonly string[]).toContain(source!.label);
    expect(spec.to as readonly string[]).toContain(target!.label);
    expect(r.evidence.length, `${r.type} ${r.source} -> ${r.target} has evidence`).toBeGreaterThan(0);
  }
}

describe('learned entity decisions (shipped model)', () => {
  it('keeps the people a delegation\'s member list names, with their visit and meetings, whatever their names look like', () => {
    const body = 'The Open World Leadership Center has sent a delegation of judges from Lima to Austin from July 13-18, 2024. The delegation of four includes three judges: Ana Lucia Rojas Vega (Lima Bar), Luis Alberto Pardo Rivas (Callao) and Rosa Maria Vega Salinas (Independent). They are accompanied by Carla Ruiz, facilitator. The delegation had meetings with Mayor Kirk Watson.';
    const g = extractArticle({ content: `Peruvian judges study courts in Austin\ndate 2024-07-20\n\n${body}`, format: 'text', file: 'judges.txt' });
    const people = g.nodes.filter((n) => n.label === 'Person').map((n) => n.name);
    expect(people).toEqual(expect.arrayContaining(['Ana Lucia Rojas Vega', 'Luis Alberto Pardo Rivas', 'Rosa Maria Vega Salinas']));
    const rosa = g.nodes.find((n) => n.name === 'Rosa Maria Vega Salinas')!;
    const watson = g.nodes.find((n) => n.name === 'Kirk Watson')!;
    expect(g.relationships.some((r) => r.type === 'MET_WITH' && [r.source, r.target].includes(rosa.id) && [r.source, r.target].includes(watson.id))).toBe(true);
    expectConsistent(g);
  });

  it('no longer takes the honorific "Adv." for a person, and drops the meeting the rules gave that fragment', () => {
    const rules = extract('nablus-lyon.txt', null);
    const learned = extract('nablus-lyon.txt');
    expect(labelled(rules)).toContain('Person:Adv');
    expect(labelled(learned)).not.toContain('Person:Adv');
    expect(labelled(learned)).toEqual(expect.arrayContaining(['Person:Paul Girard', 'Person:Karim Nasser', 'City:Nablus', 'City:Lyon']));
    const adv = rules.nodes.find((n) => n.name === 'Adv')!;
    expect(rules.relationships.some((r) => r.source === adv.id || r.target === adv.id)).toBe(true);
    expect(learned.relationships.some((r) => r.source === adv.id || r.target === adv.id)).toBe(false);
    expectConsistent(learned);
  });

  it('no longer takes a twinning group for a person, and labels an acronym the rules took for a person an organisation', () => {
    const twinning = extract('garstang-vimy.txt');
    expect(labelled(extract('garstang-vimy.txt', null))).toContain('Person:Vimy Twinning');
    expect(labelled(twinning)).not.toContain('Person:Vimy Twinning');
    // the model fitted on 591 articles dropped the group's name, an earlier one kept it as an organisation; the one
    // fitted on 892 keeps it as an Office, the label the gold gives a town's twinning body since the tenth session
    const vimy = twinning.nodes.find((n) => n.name === 'Vimy Twinning');
    if (vimy) expect(vimy).toMatchObject({ label: 'Office', id: orgId('Office', 'Vimy Twinning') });
    expectConsistent(twinning);

    expect(labelled(extract('kaohsiung-kumamoto.txt', null))).toContain('Person:KCCI');
    const chamber = extract('kaohsiung-kumamoto.txt');
    expect(chamber.nodes.filter((n) => n.label === 'Person').map((n) => n.name)).not.toContain('KCCI');
    const kcci = chamber.nodes.find((n) => n.name === 'KCCI' || n.aliases.includes('KCCI'));
    expect(kcci?.label).toBe('Organization');
    expectConsistent(chamber);
  });
});

describe('candidates inside names the chunker ran together', () => {
  // a town glued to its country
  const text = [
    'Bulawayo signs twinning pledge with Aberdeen of Scotland',
    '',
    'Bulawayo has already twinned with Aberdeen of Scotland, Mayor Thaba Moyo said on Monday.',
    'The visit was arranged by City Commissioners Tinashe Murwira and the Bulawayo Town Clerk.',
    'Moyo said a delegation from Bulawayo would fly to Scotland in May.',
  ].join('\n');
  const file = 'bulawayo-aberdeen.txt';

  it('proposes the town as a candidate of its own, saying which generator found it and where it stood', () => {
    const spans = entityCandidates(analysedArticle(readDocument(text, { format: 'text', file }))).filter((c) => c.ruleLabel === null);
    expect(spans.find((c) => c.name === 'Aberdeen')?.features).toEqual(expect.arrayContaining(['gen:townPart', 'gen:townPart&at:first', 'gen:townPart&next:of']));
  });

  it('puts the town in the graph, where the rules alone had none', () => {
    expect(labelled(extractArticle({ content: text, format: 'text', file }, { entities: null }))).not.toContain('City:Aberdeen');
    const learned = extractArticle({ content: text, format: 'text', file });
    expect(labelled(learned)).toEqual(expect.arrayContaining(['City:Aberdeen', 'City:Bulawayo']));
    expectConsistent(learned);
  });
});

describe('candidates for people and bodies the chunker ran together with their neighbours', () => {
  const text = [
    'Karibib delegation visits Rabat',
    '',
    'The delegation was led by Karibib Town Council Petrus van Nabot, who met the President of Rabat’s Municipal Council.',
    'Lord Mayor Christian Schuchardt of Würzburg Germany sent greetings to the Carbonne twinning committee.',
  ].join('\n');
  const spans = () => entityCandidates(analysedArticle(readDocument(text, { format: 'text', file: 'karibib-rabat.txt' }))).filter((c) => c.ruleLabel === null);

  it('proposes the person named at the end of a body’s name, saying what stood before', () => {
    expect(spans().find((c) => c.name === 'Petrus van Nabot')?.features).toEqual(expect.arrayContaining(['gen:personPart', 'gen:personPart&at:last', 'gen:personPart&last&besideClass:office']));
  });

  it('proposes a town’s body written after the town, possessive or in lower case', () => {
    expect(spans().find((c) => c.name === 'Rabat’s Municipal Council')?.features).toEqual(expect.arrayContaining(['gen:townBody', 'gen:townBody&possessive', 'gen:townBody&head:office']));
    expect(spans().find((c) => c.name === 'Carbonne twinning committee')?.features).toEqual(expect.arrayContaining(['gen:townBody', 'gen:townBody&lower']));
  });

  it('says when a town inside a longer name is followed by its own country', () => {
    expect(spans().find((c) => c.name === 'Würzburg')?.features).toEqual(expect.arrayContaining(['gen:townPart&inNextCountry', 'gen:townPart&first&mentionPrev:of']));
  });
});

describe('the rules\' offices and organisations', () => {
  const text = [
    'Link association welcomes Kadoma mayor',
    '',
    'The Stevenage-Kadoma Link Association welcomed Mayor Daniel Chinyanganya of Kadoma to Stevenage on Monday.',
    'The Rotary Club of Stevenage and Hill Laboratories Ltd hosted a dinner.',
  ].join('\n');
  const file = 'stevenage-kadoma.txt';
  // a model that keeps the rules' people and towns and reads "Link" and "Laboratories" in a body's name as an Office's words
  const model = (officeWeights: Record<string, number>) => EntityModelSchema.parse({
    labels: Object.fromEntries(['Person', 'Office', 'Organization', 'Company', 'City'].map((l) => [l, {
      bias: -5, threshold: 0.5, weights: l === 'Office' ? officeWeights : { [`rule:${l}`]: 10 },
    }])),
  });
  const extract = (m: ReturnType<typeof model>) => extractArticle({ content: text, format: 'text', file }, { entities: m });

  it('are relabelled when the model reads the other body label, with the id of the new label; companies are not', () => {
    expect(labelled(extractArticle({ content: text, format: 'text', file }, { entities: null }))).toContain('Organization:Stevenage-Kadoma Link Association');
    const g = extract(model({ 'w:link': 10, 'w:laboratories': 10 }));
    expect(g.nodes.find((n) => n.name === 'Stevenage-Kadoma Link Association')).toMatchObject({ label: 'Office', id: orgId('Office', 'Stevenage-Kadoma Link Association') });
    expect(labelled(g)).toEqual(expect.arrayContaining(['Organization:Rotary Club of Stevenage', 'Company:Hill Laboratories Ltd']));
    expectConsistent(g);
  });

  it('keep the rules\' label when the model finds none of the three likely, and are never dropped', () => {
    const g = extract(model({}));
    expect(labelled(g)).toEqual(expect.arrayContaining(['Organization:Stevenage-Kadoma Link Association', 'Organization:Rotary Club of Stevenage', 'Company:Hill Laboratories Ltd']));
    expectConsistent(g);
  });
});

describe('entity model', () => {
  it('ships a model file the schema accepts, with a model and threshold for every label it decides', () => {
    const file = JSON.parse(readFileSync('api/extract/learned/entities.json', 'utf8'));
    expect(EntityModelSchema.parse(file)).toEqual(SHIPPED_ENTITY_MODEL);
    for (const m of Object.values(SHIPPED_ENTITY_MODEL.labels)) expect(Object.keys(m.weights).length).toBeGreaterThan(0);
  });

  it('is fitted byte for byte the same from the same articles, and decides its own articles as well as the rules at least', () => {
    const articles = ['nablus-lyon', 'garstang-vimy', 'kaohsiung-kumamoto'].map((name) => ({
      set: 'sample', file: `${name}.txt`, textPath: join(SAMPLE, `${name}.txt`), goldPath: join(SAMPLE, `${name}.json`),
    }));
    const data = articles.map(articleCandidates);
    const options = { folds: 3, minArticles: 1 };
    const model = fitEntityModel(data, options);
    expect(JSON.stringify(fitEntityModel(articles.map(articleCandidates), options))).toBe(JSON.stringify(model));
    expect(EntityModelSchema.parse(model)).toEqual(model);
    // the rules' own decisions as a model: every candidate keeps the label the rules gave it, spans stay out
    const asRules = EntityModelSchema.parse({
      labels: Object.fromEntries(['Person', 'Office', 'Organization', 'Company', 'City'].map((l) => [l, { bias: -5, threshold: 0.5, weights: { [`rule:${l}`]: 10 } }])),
    });
    expect(simulate(data, model).f1).toBeGreaterThanOrEqual(simulate(data, asRules).f1);
  });
});
