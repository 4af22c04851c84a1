// The learned position reader (api/extract/learned/positions.ts): the title vocabulary learnt from the gold, the
// (person, title, holder) candidates it proposes beside the rules, and the decision that states them.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../api/extract/document.ts';
import { analysedArticle } from '../../api/extract/index.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import shipped from '../../api/extract/learned/positions.json' with { type: 'json' };
import { compileVocabulary, decidePositions, positionCandidates, positionDecider, PositionModelSchema, titleVocabulary } from '../../api/extract/learned/positions.ts';
import type { Article } from '../../api/extract/article.ts';
import type { AnnotatedArticle } from '../../api/learn/corpus.ts';
import { trainPositions } from '../../api/learn/positions.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const read = (body: string) => analysedArticle(readDocument(`Students from Freiburg visit Durban\ndate 2024-03-12\n\n${body}`, { format: 'text', file: 'test.txt' }));
const VOCABULARY = compileVocabulary({ heads: ['mayor', 'manager', 'teacher'], modifiers: ['deputy', 'municipal', 'head'] });
const VISIT = 'The group was welcomed in Durban by the municipality. The visit was led by Anna Weber, head teacher of a school in Freiburg. Municipal Manager Charl du Plessis showed them the city hall of Durban.';
const nameOf = (a: Article, id: string) => a.entities.get(id)?.name;
const positions = (a: Article) => a.factsOf('HOLDS_POSITION').map((f) => `${nameOf(a, f.from)} -> ${nameOf(a, f.to)}: ${f.props.title}`).sort();

describe('the title vocabulary', () => {
  it('counts the words of the gold titles up to their first connective, the last one a head, and keeps the frequent ones', () => {
    const v = titleVocabulary(['Deputy Mayor', 'Mayor', 'Mayor', 'Chairman of the Board', 'Chairman', 'Chairman', 'Former Mayor', 'Deputy Governor', 'Deputy Director'], 2);
    expect(v.heads).toEqual(['chairman', 'mayor']);
    // "deputy" three times; "former" is no part of a post, "board" only after "of"
    expect(v.modifiers).toEqual(['deputy']);
  });

  it('is shipped with the weights, and holds the genre\'s posts', () => {
    const model = PositionModelSchema.parse(shipped);
    expect(model.heads).toEqual(expect.arrayContaining(['mayor', 'governor', 'councillor', 'general']));
    expect(model.modifiers).toEqual(expect.arrayContaining(['deputy', 'vice', 'consul']));
  });
});

describe('candidates', () => {
  it('pairs a title no reader takes with the person named next to it, and each town of the sentence and the article', () => {
    const a = read(VISIT);
    expect(positions(a)).toEqual([]);
    const proposed = positionCandidates(a, VOCABULARY).map((c) => `${nameOf(a, c.person)} -> ${nameOf(a, c.holder)}: ${c.title}`).sort();
    expect(proposed).toEqual([
      'Anna Weber -> Durban: Head Teacher', 'Anna Weber -> Freiburg: Head Teacher',
      'Charl du Plessis -> Durban: Municipal Manager', 'Charl du Plessis -> Freiburg: Municipal Manager',
    ]);
  });

  it('pairs a title with a body the article names in another sentence: the post is often the body\'s, not the town\'s', () => {
    const a = read('The students were welcomed by the Durban Municipal Council at the city hall. Municipal Manager Charl du Plessis showed them the harbour.');
    const proposed = positionCandidates(a, VOCABULARY).filter((c) => nameOf(a, c.holder) === 'Durban Municipal Council');
    expect(proposed.map((c) => `${nameOf(a, c.person)}: ${c.title}`)).toEqual(['Charl du Plessis: Municipal Manager']);
    // named elsewhere, of the kind its name ends with, and sharing the title's word
    expect(proposed[0]!.features).toEqual(expect.arrayContaining(['h:body-elsewhere', 'manager|h-end:council', 'h:shares-title-word']));
  });

  it('leaves a title the rules gave the person to them', () => {
    const a = read('Deputy Mayor Pieter Botha of Durban welcomed the students from Freiburg at the city hall.');
    expect(positions(a)).toEqual(['Pieter Botha -> Durban: Deputy Mayor']);
    expect(positionCandidates(a, VOCABULARY).filter((c) => c.title === 'Deputy Mayor')).toEqual([]);
  });
});

describe('the decision', () => {
  it('states the likeliest holder of each person\'s title when the model accepts it', () => {
    const a = read(VISIT);
    // a model that takes the body nearest the title in its sentence
    decidePositions(a, positionDecider({ ...VOCABULARY_WORDS, model: { bias: -2, threshold: 0.5, weights: { 'h:nearest': 4 } } }));
    expect(positions(a)).toEqual(['Anna Weber -> Freiburg: Head Teacher', 'Charl du Plessis -> Durban: Municipal Manager']);
  });

  it('states nothing the model does not accept', () => {
    const a = read(VISIT);
    decidePositions(a, positionDecider({ ...VOCABULARY_WORDS, model: { bias: -2, threshold: 0.5, weights: {} } }));
    expect(positions(a)).toEqual([]);
  });
});

const VOCABULARY_WORDS = { heads: [...VOCABULARY.heads], modifiers: [...VOCABULARY.modifiers] };

const SAMPLE = fileURLToPath(new URL('./fixtures/learn-sample/', import.meta.url));
const sample: AnnotatedArticle[] = readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).sort().map((file) => ({
  set: 'sample', file, textPath: `${SAMPLE}${file}`, goldPath: `${SAMPLE}${file.replace(/\.txt$/, '.json')}`,
}));

describe('training', () => {
  it('learns the vocabulary from the sample\'s gold titles and fits a model the schema reads', () => {
    const model = PositionModelSchema.parse(trainPositions(sample));
    expect(model.heads).toEqual(['mayor']);
    expect(model.model.threshold).toBeGreaterThan(0);
  }, 120_000);
});
