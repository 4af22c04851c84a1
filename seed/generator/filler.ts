// The policy prose that fills most of a real release: sentences that name no actor. Built from
// hand-written phrase parts so the corpus has the genre's length and rhythm without copying text.
import type { Random } from './random.ts';

const SUBJECTS = ['The two cities', 'Both sides', 'The two sides', 'The participants', 'The two governments',
  'Local enterprises from both places', 'Young people of the two cities'];
const VERBS = ['will further deepen', 'agreed to expand', 'will continue to strengthen', 'look forward to promoting',
  'are committed to broadening', 'will jointly explore', 'hope to consolidate'];
const OBJECTS = ['practical cooperation', 'people-to-people exchanges', 'mutual understanding', 'exchanges at all levels',
  'pragmatic cooperation', 'friendly ties', 'communication between enterprises'];
const FIELDS = ['economy and trade', 'culture and tourism', 'education', 'youth and sports', 'health care',
  'elderly care', 'science and technology', 'green and low-carbon development', 'port logistics', 'modern agriculture',
  'advanced manufacturing', 'urban governance', 'digital economy', 'vocational training'];
const PURPOSES = ['so as to benefit the people of both cities', 'in order to achieve mutual benefit and win-win results',
  'so that the friendship can be passed on from generation to generation', 'to inject new vitality into the sister city relationship',
  'and build a platform for long-term cooperation', 'so as to create more opportunities for local businesses'];
const OPENERS = ['In recent years,', 'In the next step,', 'At present,', 'Looking ahead,', 'Over the past decade,',
  'In the new era,', ''];
const OBSERVATION_OPENERS = ['In recent years,', 'Over the past decade,', 'At present,', 'So far,', ''];
const OBSERVATIONS = [
  'exchanges between the two places have become closer and more diverse',
  'the number of visitors travelling between the two regions has grown steadily',
  'cooperation projects in several fields have produced visible results',
  'charter flights and cruise routes have made travel between the two cities more convenient',
  'students and teachers from both places have taken part in online and offline exchange activities',
  'local chambers of commerce have organised a series of matchmaking meetings for enterprises',
];

function sentence(r: Random): string {
  if (r.chance(0.35)) {
    const opener = r.pick(OBSERVATION_OPENERS);
    const text = r.pick(OBSERVATIONS);
    return opener ? `${opener} ${text}.` : `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }
  const fields = r.sample(FIELDS, r.int(1, 3));
  const fieldText = fields.length === 1 ? fields[0]! : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`;
  const opener = r.pick(OPENERS);
  const lead = opener ? `${opener} ${r.pick(SUBJECTS).toLowerCase()}` : r.pick(SUBJECTS);
  return `${lead} ${r.pick(VERBS)} ${r.pick(OBJECTS)} in the fields of ${fieldText}, ${r.pick(PURPOSES)}.`;
}

export function filler(r: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r));
  return out.join(' ');
}
