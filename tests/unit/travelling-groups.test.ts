// The travelling group of a visit (api/extract/frames/groups.ts): the members of a delegation named far from the town
// they went to and from the hosts they met are candidates of the relation step, each tied to the group by a sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../api/extract/document.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { readForLearning } from '../../api/extract/index.ts';
import { relationCandidates } from '../../api/extract/learned/relations.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const VISIT = [
  'Tauranga delegation visits Yantai',
  'date 2024-04-10',
  '',
  'A delegation from Tauranga visited Yantai on April 8, 2024.',
  'Vice Mayor Zhang Dai of Yantai welcomed the guests at the city hall.',
  'The two cities have been sister cities since 1986.',
  'The trip marked the 38th year of the relationship.',
  'Students Kata Zengel and Maia Barthman were also part of the group, staying with local families.',
].join('\n');
const LISTED = 'Students Kata Zengel and Maia Barthman were also part of the group, staying with local families.';

function candidates(text: string) {
  const read = readForLearning(readDocument(text, { format: 'text', file: 'visit.txt' }))!;
  const name = (id: string) => read.article.entities.get(id)?.name;
  const sentence = (i: number) => read.article.sentences[i]?.text;
  return relationCandidates(read.article, read.events).map((c) => ({ ...c, fromName: name(c.from), toName: name(c.to), sentences: c.evidence.map(sentence) }));
}

describe('a travelling group\'s members', () => {
  it('give a member listed far from the town (a name no reader claimed) a visit, a participation and a meeting with the host, tied to the group by the list', () => {
    const all = candidates(VISIT);
    const visit = all.find((c) => c.type === 'VISITED' && c.fromName === 'Maia Barthman' && c.toName === 'Yantai');
    expect(visit?.shared).toContain('grp-visit:listed');
    expect(visit?.sentences).toContain(LISTED);
    const part = all.find((c) => c.type === 'PARTICIPATED_IN' && c.value === 'visitor' && c.fromName === 'Maia Barthman');
    expect(part?.shared).toContain('grp-part:listed');
    const met = all.find((c) => c.type === 'MET_WITH' && [c.fromName, c.toName].sort().join(' & ') === 'Maia Barthman & Zhang Dai');
    expect(met?.shared).toContain('grp-met-host:listed');
  });

  it('does not count the host the group met as one of the group', () => {
    const all = candidates(VISIT);
    expect(all.filter((c) => c.fromName === 'Zhang Dai' && c.type === 'VISITED').flatMap((c) => c.shared.filter((f) => f.startsWith('grp')))).toEqual([]);
  });
});
