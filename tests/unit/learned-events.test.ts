// The learned events step (api/extract/learned/events.ts): happenings the rules miss, told once, with their sides
// and place; the shipped model file; fitting reproduced byte for byte. Sentences written for these tests.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../api/extract/index.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { EventModelSchema } from '../../api/extract/learned/events.ts';
import { trainEventModel } from '../../api/learn/events.ts';
import type { AnnotatedArticle } from '../../api/learn/corpus.ts';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { events, named, nameOf } from '../support/extraction.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const article = (title: string, body: string) => `${title}\ndate 2023-05-10\n\n${body}`;
const extract = (content: string, rulesOnly = false): GraphDocument =>
  extractArticle({ content, format: 'text', file: 'test.txt' }, rulesOnly ? { eventModel: null } : {});
const edges = (g: GraphDocument, type: string, target: string) => g.relationships.filter((r) => r.type === type && r.target === target);

describe('learned events', () => {
  const visit = article('Twinning news from Alnwick', 'Mayor Anna Becker of Alnwick returned from a twinning visit to Voerde on Sunday. She was received by Mayor Dirk Haarmann in the town hall of Voerde.');

  it('finds a visit the rules miss, with its visitor, host and place, each edge quoting the sentence', () => {
    // the rules alone read no visit (the headline stands for the article's happening)
    expect(events(extract(visit, true)).filter((e) => /Voerde/.test(e.name))).toEqual([]);
    const g = extract(visit);
    const found = events(g);
    expect(found).toHaveLength(1);
    const event = found[0]!;
    expect(event.name).toMatch(/visit to Voerde/);
    expect(event.properties.date).toBe('2023-05-07');
    const roles = (name: string) => edges(g, 'PARTICIPATED_IN', event.id).filter((r) => r.source === named(g, name)?.id).map((r) => r.properties.role);
    expect(roles('Anna Becker')).toEqual(['visitor']);
    expect(roles('Dirk Haarmann')).toEqual(['host']);
    const place = g.relationships.find((r) => r.type === 'LOCATED_IN' && r.source === event.id);
    expect(place && nameOf(g, place.target)).toBe('Voerde');
    for (const r of [...edges(g, 'PARTICIPATED_IN', event.id), place!]) {
      expect(r.evidence).toContain('Mayor Anna Becker of Alnwick returned from a twinning visit to Voerde on Sunday.');
    }
  });

  it('makes one event of a happening the headline and the body both tell, known by the headline too', () => {
    const title = 'Alnwick civic party returns from twinning visit to Voerde';
    const g = extract(article(title, 'The Alnwick civic party returned on Sunday from a four-day twinning visit to Voerde. Mayor Dirk Haarmann received the guests in the town hall of Voerde.'));
    const found = events(g);
    expect(found).toHaveLength(1);
    expect([found[0]!.name, ...found[0]!.aliases]).toContain(title);
    expect(found[0]!.properties.kind).toBe('visit');
  });

  it('adds nothing to a happening the rules found', () => {
    const text = article('Nantes and Kobe sign', 'The signing of a friendship agreement between Nantes and Kobe took place at Nantes City Hall on Monday. After the signing, Mayor Anne Leroy thanked the guests.');
    expect(events(extract(text)).map((e) => e.name)).toEqual(events(extract(text, true)).map((e) => e.name));
  });
});

describe('the learned events model', () => {
  it('ships as a file its schema accepts, with the happening words it was fitted with', () => {
    const model = EventModelSchema.parse(JSON.parse(readFileSync('api/extract/learned/events.json', 'utf8')));
    expect(model.heads).toContain('visit');
    expect(model.perArticle).toBeGreaterThan(0);
  });

  it('is fitted the same twice on the same articles', () => {
    const dir = 'tests/fixtures/learned-events';
    const sample: AnnotatedArticle[] = ['alnwick', 'nantes', 'ogaki'].map((n) => ({ set: 'sample', file: `${n}.txt`, textPath: `${dir}/${n}.txt`, goldPath: `${dir}/${n}.json` }));
    const first = trainEventModel(sample, { folds: 3 });
    const second = trainEventModel(sample, { folds: 3 });
    expect(first.model.heads).toEqual(['visit']);
    expect(Object.keys(first.model.weights).length).toBeGreaterThan(0);
    expect(JSON.stringify(second.model)).toBe(JSON.stringify(first.model));
  }, 60_000);
});
