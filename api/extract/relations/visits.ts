// VISITED stated in one sentence: "X visited Y", "X, who has visited the Chinese city for the eighth time",
// "his first visit to Y", "its civic delegation visit to Y", "X has led a delegation to visit Y seven times".
// `times` when the article counts the visits. The visitors of a visit event are read from its frame
// (frames/infer-rules.ts).
import type { AnalyzedSentence, Article } from '../article.ts';
import { Cues } from '../cues.ts';
import { cityAt, clauseEnd, lastPersonBefore, nearestSubjects, numberWord, subjectsBefore } from './common.ts';
import { matchAll } from '../match-all.ts';

const VERB = /\b(?:has |have |had )?(?:visited|visits|visiting|(?:paid|pays|made|makes|paying|making) an? (?:\w+ ){0,2}visit to|(?<=⟨[POGM]\d+⟩'s (?:[\w-]+ ){0,3})(?:visit|trip) to|(?:led|headed|leading|heading) (?:a |the )?(?:\w+ )?delegation to(?: visit)?|travell?ed to|(?:travel|travels|travell?ing|fly|flies|flew|flown|flying) to|(?:arrive|arrives|arriving) in|(?:was|were|been|being) (?:warmly |formally |officially )?welcomed to|came to|attended(?= (?:the )?⟨C))\s+(?:(?:another of|one of)\s+)?|\b(?:his|her|their|its) (?:first |second |third |fourth |fifth |last |recent |latest |official |successful |\w+ ){0,3}(?:visit|trip) to /gi;

/** The visits sentences state: a visit verb and its subjects, the members of a delegation to a city. */
export function statedVisits(a: Article): void {
  delegationMembers(a);
  for (const s of a.sentences) {
    const t = s.template;
    const cues = Cues.ofSentence(s);
    if (!cues.test(/visit|travel|arriv|came to|delegation|trip|attended|fl(?:y|ew|ies|own|ying) to|welcomed to/i)) continue;
    for (const m of cues.matches(VERB)) {
      const at = m.index! + m[0].length;
      const rest = t.slice(at, clauseEnd(t, at) + 1);
      // "visits (Japanese) sister city Sapporo", "visited their twin town Guilin"
      const lead = /^(?:(?:its|his|her|their|our) )?(?:[\w-]+ |⟨N\d+⟩ )?(?:sister|twin|friendship|partner)[- ](?:city|town),? (?=⟨C\d+⟩)/i.exec(rest)?.[0].length ?? 0;
      const found = cityAt(a, s, rest.slice(lead));
      let dest = found ? { id: found.id, length: found.length + lead } : district(a, s, rest);
      let skip = dest ? dest.length : 0;
      if (!dest && /^(?:the )?⟨C\d+⟩'s/.test(rest) || dest && /^['’]/.test(rest.slice(dest.length))) {
        const app = /^(?:⟨C\d+⟩['’]s? )(?:[\w-]+ |⟨N\d+⟩ ){0,3}?(?:sister|twin|friendship|partner) (?:city|cities|town|towns)\s*(?:[,—–-]+\s*)?⟨C(\d+)⟩/i.exec(rest);
        const id = app ? s.refs[Number(app[1])] : null;
        dest = id ? { id, length: app![0].length } : null;
        skip = app ? app[0].length : 0;
      }
      // "visited two cities in Japan – Tokyo and Sapporo"
      const several = /^(?:\w+ ){0,3}(?:cities|towns)(?: in ⟨N\d+⟩)?\s*[–—:-]\s*((?:⟨C\d+⟩(?:,? (?:and )?)?)+)/.exec(rest);
      if (!dest && several) {
        const subjects = nearestSubjects(a, s, m.index!, 'POGM');
        for (const c of matchAll(several[1]!, /⟨C(\d+)⟩/g)) for (const subject of subjects) a.addFact('VISITED', subject, s.refs[Number(c[1])], {}, s.index);
        continue;
      }
      // "made an official visit to Mayor Ko of Taipei City": the host's city
      const toPerson = /^⟨P(\d+)⟩(?: of (?:the )?⟨C(\d+)⟩)?/.exec(rest);
      if (!dest && toPerson) {
        const host = s.refs[Number(toPerson[1])];
        const city = toPerson[2] ? s.refs[Number(toPerson[2])] : null;
        const subjects = nearestSubjects(a, s, m.index!, 'P');
        for (const subject of subjects) {
          if (host) a.addFact('MET_WITH', subject, host, {}, s.index);
          if (city) a.addFact('VISITED', subject, city, {}, s.index);
        }
        continue;
      }
      if (!dest) continue;
      // "Mayor Kim's visit to Daejeon": the possessor is the visitor
      const owner = /⟨([POGM])(\d+)⟩'s (?:[\w-]+ ){0,3}$/.exec(t.slice(Math.max(0, m.index! - 60), m.index!));
      if (owner && /^(?:visit|trip) to/.test(m[0]) && s.refs[Number(owner[2])]) {
        a.addFact('VISITED', s.refs[Number(owner[2])], dest.id, {}, s.index);
        continue;
      }
      const possessiveSubject = /^(his|her|their|its)\b/i.exec(m[0]);
      const its = possessiveSubject?.[1]?.toLowerCase() === 'its';
      // "A welcomed B on her first visit to Y": his/her is the person named last before it
      // ("A is mayor of X, …, and is here for his fourth visit to Y": no person in the clause, the sentence's subject)
      const possessor = possessiveSubject && !its ? lastPersonBefore(s, m.index!) ?? sentenceSubject(s, m.index!) : null;
      const subjects = possessor ? [possessor] : possessiveSubject ? subjectsBefore(a, s, m.index!, its ? 'OGM' : 'POGM').slice(0, 1) : nearestSubjects(a, s, m.index!, 'POGM');
      if (!subjects.length) continue;
      const after = rest.slice(skip, skip + 60);
      const times = /^[^.]{0,30}?\b(\w+) times\b/.exec(after) ?? /^[^.]{0,30}?\bfor the (\w+) time\b/.exec(after);
      const date = /⟨D(\d+)⟩/.exec(t);
      const props: Record<string, string | number | null> = { date: date ? s.mentions[Number(date[1])]!.date ?? null : null };
      const n = times ? numberWord(times[1]!) : null;
      if (n) props.times = n;
      for (const subject of subjects) if (a.cityOf(subject) !== dest.id) a.addFact('VISITED', subject, dest.id, props, s.index);
    }
  }
}

/** "visited Bayanzurkh district, Mongolia": the district is the town visited, not the country; "the X district of Y" is Y. */
function district(a: Article, s: AnalyzedSentence, rest: string): { id: string; length: number } | null {
  const m = /^(?:the )?⟨[XV](\d+)⟩ (district|county|township|municipality|ward|borough|soum|town|village)\b(?: of (?:the )?(?:city of )?⟨C(\d+)⟩)?(?=,? ⟨N\d+⟩|[ ,.;]|$)/i.exec(rest);
  if (!m) return null;
  if (m[3]) {
    const id = s.refs[Number(m[3])];
    return id ? { id, length: m[0].length } : null;
  }
  const mention = s.mentions[Number(m[1])]!;
  if (s.refs[Number(m[1])] || mention.words > 3 || !/^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}$/u.test(mention.name)) return null;
  const word = s.text.slice(mention.end).match(/^\s+(\w+)/)?.[1] ?? m[2]!;
  const id = a.municipality(`${mention.name} ${word}`, s.index);
  s.refs[Number(m[1])] = id;
  mention.kind = 'City';
  return { id, length: m[0].length };
}

/**
 * "A Whanganui delegation to (Japanese sister city) Y …" names where the article's delegation goes; "A and B are
 * part of a seven-strong delegation that includes C and D" / "The delegation includes C and D" names its members,
 * who visit Y.
 */
function delegationMembers(a: Article): void {
  let dest: string | null = null;
  for (const s of a.sentences) {
    const m = /\bdelegation (?:to|will visit|is visiting|visiting|travell?ing to|bound for) (?:its |their )?(?:(?:the )?⟨N\d+⟩ )?(?:(?:sister|twin|friendship|partner)[- ](?:city|town),? )?(?:the city of )?⟨C(\d+)⟩(?!['’])/i.exec(s.template);
    if (m && s.refs[Number(m[1])]) {
      dest = s.refs[Number(m[1])]!;
      break;
    }
  }
  if (!dest) return;
  for (const s of a.sentences) {
    const t = s.template;
    const part = /\b(?:are|is|were|was|will be) (?:all )?(?:part|members?) of (?:a|the|an) [^.⟨]{0,40}?(?:⟨O\d+⟩ )?delegation\b/i.exec(t);
    const incl = /\bdelegation (?:that |which )?(?:includes|included|including|consists of|comprises)\b/i.exec(t);
    if (!part && !(incl && /^(?:the|our|this|a|an) [^.⟨]{0,40}?delegation\b/i.test(t))) continue;
    const from = incl ? incl.index + incl[0].length : t.length;
    const spans = part ? [[0, part.index], [from, t.length]] : [[from, t.length]];
    for (const [x, y] of spans) {
      for (const m of matchAll(t.slice(x, y), /⟨P(\d+)⟩/g)) {
        const id = s.refs[Number(m[1])];
        if (id && a.label(id) === 'Person' && a.cityOf(id) !== dest) a.addFact('VISITED', id, dest, {}, s.index);
      }
    }
  }
}

/** The person a sentence opens with, when a later clause of it goes on without a subject ("…, and is here for his visit"). */
function sentenceSubject(s: AnalyzedSentence, at: number): string | null {
  const m = /^(?:⟨T\d+⟩ )?⟨P(\d+)⟩(?:,[^,]*,)? (?:is|was|has|had|will|and)\b/.exec(s.template);
  if (!m || !/,\s*(?:and )?(?:is|was|has|had|will)\b[^,]*$/.test(s.template.slice(0, at))) return null;
  return s.refs[Number(m[1])] ?? null;
}
