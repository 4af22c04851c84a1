// Which way an article's trips go (api/extract/learned/relations.ts, tripsOfArticle): a visitor and a host named at one
// happening in the home town look alike to the relation step's other features when neither's office is known; the
// town's part in the trips, the home town's direction and the person's tie to a travelling group tell them apart.
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../api/extract/document.ts';
import { gazetteerStats } from '../../api/extract/gazetteer.ts';
import { readForLearning } from '../../api/extract/index.ts';
import { relationCandidates } from '../../api/extract/learned/relations.ts';

beforeAll(() => void gazetteerStats(), 120_000);

const INCOMING = [
  'Yantai delegation visits Tauranga',
  'date 2024-04-10',
  '',
  'A delegation from Yantai visited Tauranga on April 8, 2024.',
  'Mayor Greg Brownless of Tauranga welcomed the guests at the city hall.',
  'The two cities have been sister cities since 1986.',
  'Students Kata Zengel and Maia Barthman were also part of the group, staying with local families.',
].join('\n');

const OUTGOING = [
  'Tauranga delegation visits Yantai',
  'date 2024-04-10',
  '',
  'A delegation from Tauranga visited Yantai on April 8, 2024.',
  'Vice Mayor Zhang Dai of Yantai welcomed the guests at the city hall.',
  'The two cities have been sister cities since 1986.',
  'Students Kata Zengel and Maia Barthman were also part of the group, staying with local families.',
].join('\n');

function visitsOf(text: string, person: string) {
  const read = readForLearning(readDocument(text, { format: 'text', file: 'visit.txt' }))!;
  const name = (id: string) => read.article.entities.get(id)?.name;
  return relationCandidates(read.article, read.events).filter((c) => c.type === 'VISITED' && name(c.from) === person).map((c) => ({ town: name(c.to), trip: c.shared.filter((f) => /^(?:trip-y|home|travels):/.test(f)).sort() }));
}

describe('the way the article\'s trips go, as features of a visit', () => {
  it('marks the town visitors came to as a trip\'s destination, and a member of the travelling group as travelling', () => {
    const visit = visitsOf(INCOMING, 'Maia Barthman').find((v) => v.town === 'Tauranga');
    expect(visit?.trip).toContain('travels:listed&y-home&trip-y:dest');
    expect(visit?.trip.some((f) => f.startsWith('trip-y:dest&') && f.endsWith('&home:in'))).toBe(true);
  });

  it('marks the town a delegation set out from as the trip\'s origin, so its members are not its visitors', () => {
    const visit = visitsOf(OUTGOING, 'Maia Barthman').find((v) => v.town === 'Tauranga');
    expect(visit?.trip.some((f) => f.startsWith('trip-y:origin&'))).toBe(true);
  });
});
