// MET_WITH: "X met with Y (and Z)", "X made courtesy calls with Y and Z", "X held talks with Y",
// "X met with the delegation from C" (C's leading official), "during a meeting with Y" (the subject), "X met in
// C with the delegation led by Y", "X received the delegation" (its officials), "the visiting mayor of C met
// with Y"; both sides attend the meeting in focus.
import type { Article } from '../article.ts';
import { Cues } from '../cues.ts';
import type { Events } from '../events.ts';
import { actorsIn, clauseEnd, nearestSubjects, subjectsBefore } from './common.ts';

/** The people of the article's visiting delegation. */
function delegationPeople(a: Article, ev: Events): string[] {
  const v = ev.visits[0];
  return v ? [...v.visitors].filter((p) => a.label(p) === 'Person') : [];
}

export function meetings(a: Article, ev: Events): void {
  for (const s of a.sentences) {
    const t = s.template;
    const cues = Cues.ofSentence(s);
    if (!cues.test(/\bmet\b|meet|talks|courtesy|received|welcomed|hosted|signed|inked|concluded/i)) continue;
    // "X signed a memorandum with Y": the two met to sign it
    for (const m of cues.matches(/\b(?:signed|inked|concluded)\b[^.⟨]{0,80}?\bwith (?:the )?(?:⟨[CN]\d+⟩ )?⟨P(\d+)⟩/g)) {
      const y = s.refs[Number(m[1])];
      const date = /⟨D(\d+)⟩/.exec(t);
      for (const x of nearestSubjects(a, s, m.index!, 'P')) a.addFact('MET_WITH', x, y, { date: date ? s.mentions[Number(date[1])]!.date ?? null : null }, s.index);
    }
    // "A and B, governor of Tokyo, met": a meeting of the two
    for (const m of cues.matches(/\b(?:met|meet|held talks|talked)\b(?! with)/g)) {
      const pair = nearestSubjects(a, s, m.index!, 'P');
      if (pair.length < 2) continue;
      const date = /⟨D(\d+)⟩/.exec(t);
      for (let i = 0; i < pair.length; i++) for (let j = i + 1; j < pair.length; j++) a.addFact('MET_WITH', pair[i], pair[j], { date: date ? s.mentions[Number(date[1])]!.date ?? null : null }, s.index);
    }
    for (const m of cues.matches(/\b(?:met|meets|meet|meeting|will meet|has met|had met|held talks|holds talks|had talks|talked)(?: in (?:the )?⟨C\d+⟩)? with |\b(?:made|paid|pays|make|paying) (?:a |two |several )?courtesy calls? (?:with|on|to) |\b(?:received|welcomed|hosted) (?=(?:the )?(?:\w+ )?⟨P|(?:the |a |an )?(?:[\w-]+ )?delegation\b[^.⟨]{0,40}?\b(?:led|headed) by|(?:the|its|their) (?:[\w-]+ )?delegation\b)/gi)) {
      const verbAt = m.index!;
      let subjects = subjectsBefore(a, s, verbAt, 'P');
      // "The visiting mayor of X also met with Y": the official the article names with that title
      const visiting = /\bthe visiting ⟨T(\d+)⟩ of (?:the )?⟨C(\d+)⟩ (?:\w+ )?$/i.exec(t.slice(0, verbAt));
      const holder = visiting ? a.holderOf(s.mentions[Number(visiting[1])]!.name, s.refs[Number(visiting[2])] ?? '') : null;
      if (!subjects.length && holder) subjects = [holder];
      if (/^meeting/i.test(m[0]) && !subjects.length) subjects = actorsIn(s, 0, verbAt, 'P');
      // "the delegation held talks with X": the delegation's people
      if (!subjects.length && /\bthe (?:\w+ )?delegation\b/i.test(t.slice(Math.max(0, verbAt - 120), verbAt))) subjects = delegationPeople(a, ev);
      const end = clauseEnd(t, verbAt + m[0].length);
      let objects = actorsIn(s, verbAt + m[0].length, end, 'P');
      // "welcomed a delegation led by his Chicago counterpart Richard Daley": the leader
      const ledBy = /^(?:the |a |an )?(?:[\w-]+ |⟨[A-Z]\d+⟩ |\(⟨[A-Z]\d+⟩\) ){0,4}delegation\b(?:[^.⟨]|⟨[CN]\d+⟩){0,40}?\b(?:led|headed) by (?:his |her |its |their |the )?(?:[\w-]+ |⟨C\d+⟩ ){0,3}?⟨P(\d+)⟩/i.exec(t.slice(verbAt + m[0].length));
      if (ledBy && s.refs[Number(ledBy[1])]) objects.push(s.refs[Number(ledBy[1])]!);
      const del = /^(?:the |a |an )?(?:\w+ )?delegation (?:from|of) (?:the )?⟨C(\d+)⟩/.exec(t.slice(verbAt + m[0].length));
      // "X received the delegation": its officials (not every student or chaperone in it)
      const received = /^(?:received|welcomed|hosted)/i.test(m[0]);
      if (!del && /^(?:the|a|its|their) (?:[\w-]+ )?delegation\b/i.test(t.slice(verbAt + m[0].length))) objects.push(...delegationPeople(a, ev).filter((p) => !received || a.positionsOf(p).length));
      if (del) {
        const c = s.refs[Number(del[1])];
        const visit = ev.visits.find((v) => c && v.origins.includes(c));
        const leader = c ? a.leaderOf(c) : null;
        if (leader) objects.push(leader);
        else if (visit) for (const p of visit.visitors) if (a.label(p) === 'Person') objects.push(p);
      }
      objects = objects.filter((o) => !subjects.includes(o));
      const date = /⟨D(\d+)⟩/.exec(t);
      // the meeting the sentence tells (the headline's "X meets with Y") is attended by both sides
      const meeting = a.entities.get(ev.focus[s.index] ?? '');
      const attended = meeting?.props.kind === 'meeting' && objects.length ? meeting.id : null;
      for (const x of subjects) for (const y of objects) {
        a.addFact('MET_WITH', x, y, { date: date ? s.mentions[Number(date[1])]!.date ?? null : null }, s.index);
        if (attended) for (const p of [x, y]) a.addFact('PARTICIPATED_IN', p, attended, { role: 'attendee' }, s.index);
      }
    }
  }
}
