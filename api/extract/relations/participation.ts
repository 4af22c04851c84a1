// PARTICIPATED_IN with a role:
// host       "jointly hosted by A and B", "a reception was hosted by X", "Mayor X hosted a banquet", "was
//            invited … by X", "was received by X", "X welcomed the Y delegation", "a privilege for ORG to
//            host …", the visited city's government, the signing city's council, officials who met the visitors,
//            "at the invitation of X", "A and B held banquets for the delegation", "(formally) welcomed by X",
//            "X city hosted the meeting", "a welcome party was held by X", "X welcomed the visitors at a reception";
// organizer  "jointly organized by A (A') and B", "co-organised/arranged by", "with the arrangement of X";
// speaker    "A, B and C attended the event and delivered speeches", "where A, B and C will speak", "X
//            delivered remarks" (not "spoke with"), "A made speeches while B and C did";
// presenter  "representatives from A, B and C respectively made presentations";
// attendee   "A, B … attended the event", "attended/witnessed by A, B", "witnesses to the ceremony were A",
//            "X signed the agreement", "the signing by both mayors", "the delegation attended E", visitors
//            "invited to help celebrate" E in the city they visit;
// visitor    members of a visiting delegation: "headed by", "consisted of" (also semicolon lists), "Y
//            figures, including X", "also joined the delegation", "the members of the delegation are A, B",
//            "visitors … included A … along with B", the delegation's organisations, officials of its city,
//            country or organisation.
import type { ParticipationRole } from '../../graph/schema.ts';
import { Cues } from '../cues.ts';
import type { AnalyzedSentence, Article } from '../article.ts';
import { hostingCity, type Events, type Visit } from '../events.ts';
import { labelByHead } from '../mentions.ts';
import { actorsIn, clauseEnd, clauseStart, slots, subjectsBefore } from './common.ts';
import { matchAll } from '../match-all.ts';

function add(a: Article, who: string | null | undefined, event: string | null | undefined, role: ParticipationRole, s: AnalyzedSentence): void {
  if (!who || !event) return;
  const l = a.label(who);
  if (!l || l === 'Event' || a.label(event) !== 'Event') return;
  a.addFact('PARTICIPATED_IN', who, event, { role }, s.index);
}

/** The event a verb at `at` is about: a named event right after it, an event of this sentence, or the focus. */
function eventFor(a: Article, ev: Events, s: AnalyzedSentence, at: number): string | null {
  const after = /^[^.⟨]{0,60}?⟨E(\d+)⟩/.exec(s.template.slice(at));
  if (after) return s.refs[Number(after[1])] ?? null;
  const here = a.eventsFirstIn(s.index);
  const event = here.length === 1 ? here[0]! : a.entities.get(ev.focus[s.index] ?? ev.main ?? '');
  if (!event) return null;
  // "present at the meeting" is not the festival in focus: the noun must fit the event
  const noun = /^\s*(?:the|this|that) (meeting|talks|ceremony|festival|forum|reception|banquet|dinner|signing|exhibition|conference|visit|match|concert|celebration|seminar)\b/i.exec(s.template.slice(at));
  if (noun && !new RegExp(noun[1]!, 'i').test(`${event.name} ${event.props.kind ?? ''}`) && !(noun[1] === 'signing' && event.props.kind === 'signing')) return null;
  return event.id;
}

function byList(s: AnalyzedSentence, from: number): [number, number] {
  const end = clauseEnd(s.template, from);
  const rest = s.template.slice(from, end);
  const stop = /,? (?:and |while )?(?:jointly |co-?)?(?:hosted|sponsored|organi[sz]ed|undertaken|arranged|supported|attended|witnessed) by\b| at ⟨V| and attended\b| and (?:will|was|were|is|are|has|have)\b| (?:was|were|is|are|will be|has been) (?:held|staged|given|followed|opened)\b|, with\b|, (?:welcomed|greeted|received|thanked|said|added|told|met|hosted|signed)\b/.exec(rest);
  return [from, stop ? from + stop.index : end];
}

// The per-sentence word tests of `participation`, made once: a literal in the loop is a new RegExp object for every sentence.
const HOSTING_WORDS = /host|sponsor|held by/;
const HOSTED_EVENT_WORDS = /host|threw|gave|organi/;
const ORGANISING_WORDS = /organi|undertaken|arranged|coordinated/;
const ARRANGEMENT_WORDS = /arrangement|coordination/;
const THE_DELEGATION = /\bthe delegation\b/i;
const WITNESSING_WORDS = /attend|witness|join|sealed|signed|inked|initial/;
const ATTENDING_WORDS = /attend|join|witness|particip|part in|present at|accompan/;
const MEAL_WORDS = /reception|banquet|dinner|luncheon/;
const PRESENT_WORDS = /present|guests|attendees|attending/;
const SPEAKING_WORDS = /speak|spoke|speech|address|remarks|lecture|talk|keynote/;
const SPEECH_WORDS = /speech|remarks|greeting|address|toast|presentation/;
const MESSAGE_WORDS = /welcome|message|toast|remarks|speech/;
const BOTH_MAYORS = /\b(?:both|the two) mayors\b/i;
const PRESENTING_WORDS = /presented|introduced|showcased|demonstrated/;

export function participation(a: Article, ev: Events): void {
  // "X arranged a welcome party and the signing ceremony", "the guests enjoyed a luncheon": the subject's part
  for (const o of ev.objects) {
    const s = a.sentences[o.sentence]!;
    // "welcomed by A and other officials at a greeting": those after "by" host it
    if (o.verb === 'welcomed by') {
      const from = o.verbAt + s.template.slice(o.verbAt).indexOf(' by ') + 4;
      const to = s.template.indexOf(' at ', from);
      for (const id of actorsIn(s, from, to < 0 ? from : to, 'POMG', true)) add(a, id, o.event, 'host', s);
      continue;
    }
    const role: ParticipationRole | null = /^(?:arranged|hosted)$/.test(o.verb) ? 'host' : /^organi[sz]ed$/.test(o.verb) ? 'organizer'
      : /^(?:performed|performs)$/.test(o.verb) ? 'presenter' : /^(?:spoke|speech|speeches)$/.test(o.verb) ? 'speaker'
      : /^(?:attended|attend|attends|attending|joined|witnessed|witness|witnesses|participated|took|enjoyed|had|treated|honoured|honored)$/.test(o.verb) ? 'attendee' : null;
    if (!role) continue;
    for (const id of subjectsBefore(a, s, o.verbAt, role === 'host' || role === 'organizer' ? 'POMGC' : 'POMG')) add(a, id, o.event, role, s);
  }
  for (const s of a.sentences) {
    const t = s.template;
    // one scan of the template tells which patterns' words it holds (cues.ts): the others are not run
    const cues = Cues.ofSentence(s);
    const lower = cues.lower;
    if (cues.testLower(HOSTING_WORDS)) for (const m of cues.matches(/\b(?:jointly |co-?)?(?:hosted|co-hosted|sponsored|co-sponsored|(?<=(?:was|were) )held) by /gi)) {
      const [f, e] = byList(s, m.index! + m[0].length);
      const event = eventBefore(a, ev, s, m.index!);
      for (const id of actorsIn(s, f, e, 'POMGC')) add(a, id, event, 'host', s);
    }
    // A hosted / held / gave a banquet (for …): A hosts it; A organised a forum: A organises it
    if (cues.testLower(HOSTED_EVENT_WORDS)) for (const m of cues.matches(/\b(hosted|hosts|will host|is hosting|threw|gave|organi[sz]ed) (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:banquet|reception|dinner|luncheon|lunch|gala|party|ceremony|forum|concert|festival|exhibition|seminar|symposium|conference|celebration|meeting)\b/gi)) {
      const event = ev.focus[s.index];
      if (!event || a.entities.get(event)?.first !== s.index) continue;
      const role: ParticipationRole = /^organi/i.test(m[1]!) ? 'organizer' : 'host';
      const city = hostingCity(s, m.index!);
      for (const id of city ? [city] : subjectsBefore(a, s, m.index!, 'POMG')) add(a, id, event, role, s);
    }
    if (cues.testLower(ORGANISING_WORDS)) for (const m of cues.matches(/\b(?:jointly |co-?)?(?:organi[sz]ed|co-organi[sz]ed|undertaken|arranged|coordinated) by /gi)) {
      // "the X Exchange Program organized by Y": what Y organises is the named thing, not the event in focus
      if (/⟨[GOMX]\d+⟩,? $/.test(t.slice(0, m.index!))) continue;
      const [f, e] = byList(s, m.index! + m[0].length);
      const event = eventBefore(a, ev, s, m.index!);
      for (const id of actorsIn(s, f, e, 'POMG')) add(a, id, event, 'organizer', s);
    }
    // "With the assistance and arrangement of X, …", "under the coordination of X": X organises what the sentence tells
    if (cues.testLower(ARRANGEMENT_WORDS)) for (const m of cues.matches(/\b(?:with|under) the (?:[\w-]+ and )?(?:arrangements?|coordination) of (?:the )?⟨([OGM])(\d+)⟩/gi)) {
      const forDelegation = cues.test(THE_DELEGATION) ? ev.visits[0]?.event : null;
      add(a, s.refs[Number(m[2])], forDelegation ?? ev.focus[s.index] ?? ev.main, 'organizer', s);
    }
    if (cues.testLower(WITNESSING_WORDS)) for (const m of cues.matches(/\b(?:attended|witnessed|joined|sealed|signed|inked|initialled|initialed) by /gi)) {
      const [f, e] = byList(s, m.index! + m[0].length);
      // "agreements will be signed by A and B": their part is in the article's signing, not in the visit told alongside
      const signing = /^(?:sealed|signed|inked|initial)/i.test(m[0]) && !/⟨E\d+⟩/.test(t.slice(0, m.index!)) ? a.events().find((x) => x.props.kind === 'signing') : undefined;
      const event = signing?.id ?? eventBefore(a, ev, s, m.index!);
      for (const id of actorsIn(s, f, e, 'POMG', true)) add(a, id, event, 'attendee', s);
    }
    // A, B and C (also) attended the event (and delivered speeches)
    if (cues.testLower(ATTENDING_WORDS)) for (const m of cues.matches(/\b(?:attended|attend|attends|joined|witnessed|participated in|took part in|take part in|were present at|was present at|accompanied)\b/gi)) {
      if (/\bby\s*$/.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 4))) continue;
      if (/\b(invited|asked) (?:\w+ ){0,4}to $/.test(t.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      // "attended Warstein" is a visit to the town, "joined the delegation" a place in it (read with the visits)
      if (/^ (?:the )?(?:⟨C\d+⟩|(?:\w+ )?(?:delegation|group|party|team)\b)/.test(t.slice(m.index! + m[0].length))) continue;
      let subjects = subjectsBefore(a, s, m.index!, 'POMG');
      // "the delegation (also) attended E": the people and bodies of the article's visit
      if (!subjects.length && /\bthe (?:[\w-]+ )?delegation (?:\w+ )?$/i.test(t.slice(0, m.index!)) && ev.visits[0]) subjects = [...ev.visits[0].visitors].filter((id) => a.label(id) !== 'City');
      const event = eventFor(a, ev, s, m.index! + m[0].length);
      const clause = t.slice(m.index!, clauseEnd(t, m.index!));
      const speech = /\b(delivered|gave|made) (?:\w+ )?speech(es)?|\baddressed\b|\bspoke\b/.test(clause);
      for (const id of subjects) {
        add(a, id, event, 'attendee', s);
        if (speech) add(a, id, event, 'speaker', s);
      }
    }
    // "Mayor X welcomed the visitors at a civic reception": X hosts the reception
    if (cues.testLower(MEAL_WORDS)) for (const m of cues.matches(/\b(?:welcomed|received|greeted|honou?red|farewelled) (?:the |a |an )?(?:[\w-]+ ){0,3}?(?:delegation|delegates|visitors|guests|group)\b[^.⟨]{0,30}? at an? (?:[\w-]+ ){0,2}(?:reception|banquet|dinner|luncheon)\b/gi)) {
      const event = a.eventsFirstIn(s.index).find((e) => e.props.kind === 'reception');
      for (const id of subjectsBefore(a, s, m.index!, 'POMG')) add(a, id, event?.id, 'host', s);
    }
    // "A and B were invited to help celebrate E": guests of E where they are visitors of E's city
    if (lower.includes('invited')) for (const m of cues.matches(/\binvited (?:\w+ ){0,3}?to (?:help )?(?:celebrate|attend|join|take part in)\b/gi)) {
      const event = eventFor(a, ev, s, m.index! + m[0].length);
      const city = a.entities.get(event ?? '')?.props.cityId;
      const guests = new Set(ev.visits.filter((v) => v.dest === city).flatMap((v) => [...v.visitors]));
      for (const id of subjectsBefore(a, s, m.index!, 'POMG')) if (guests.has(id)) add(a, id, event, 'attendee', s);
    }
    // "Among those present were A, B and C", "Guests included A and B"
    if (cues.testLower(PRESENT_WORDS)) for (const m of cues.matches(/\b(?:among (?:those|the guests) (?:present|attending) (?:were|was|included)|(?:guests|attendees|participants) included|also present were|present were|those attending included)\b:? /gi)) {
      const end = clauseEnd(t, m.index! + m[0].length);
      const event = ev.focus[s.index] ?? ev.main;
      for (const id of actorsIn(s, m.index! + m[0].length, end, 'POMG', true)) add(a, id, event, 'attendee', s);
    }
    // "Witnesses to the ceremony were A and B" (a capitalised first word is read as an unknown name)
    // what lower-casing the sentence to find the word gave, without the copy (no other letter folds to an ASCII one under /i)
    if (/witnesses/i.test(s.text)) for (const m of cues.matches(/(?:\bwitnesses|⟨X(\d+)⟩) (?:to|of|at) the (?:\w+ )?(?:ceremony|signing|event) (?:were|included)\b:? /gi)) {
      if (m[1] && !/^witnesses$/i.test(s.mentions[Number(m[1])]!.name)) continue;
      const event = ev.focus[s.index] ?? ev.main;
      for (const id of actorsIn(s, m.index! + m[0].length, clauseEnd(t, m.index! + m[0].length), 'POMG', true)) add(a, id, event, 'attendee', s);
    }
    // where A, B and C will (all) speak / A delivered a speech
    // (talking "with" someone is no speech; remarks are)
    if (cues.testLower(SPEAKING_WORDS)) for (const m of cues.matches(/\b(?:will |would |to )?(?:all )?(?:speak(?! with)|spoke(?! with)|(?:delivered|delivers|gave|gives|give|made|makes) (?:a |an |his |her |their )?(?:\w+ ){0,2}?(?:speech(?:es)?|remarks|address|lecture|talk|keynote)|addressed the (?:event|ceremony|audience|forum|meeting|gathering))\b/gi)) {
      const where = t.lastIndexOf('where ', m.index!);
      const subjects = where >= 0 ? actorsIn(s, where + 6, m.index!, 'POMG', true) : subjectsBefore(a, s, m.index!, 'POMG');
      const event = eventFor(a, ev, s, m.index!);
      for (const id of subjects) add(a, id, event, 'speaker', s);
      // "A made speeches for the hosts while B and C did for the guests": the ellipsis speaks too
      const also = /^[^.]{0,60}?\b(?:while|and|as) ((?:(?:the )?⟨P\d+⟩,? (?:and )?)+)did\b/.exec(t.slice(m.index! + m[0].length));
      if (also) for (const p of matchAll(also[1]!, /⟨P(\d+)⟩/g)) add(a, s.refs[Number(p[1])], event, 'speaker', s);
    }
    // "speeches by A and B", "followed by greetings from A", "remarks from A": the speakers follow the noun
    // (a capitalised first word is read as an unknown name: "Speeches were given by A")
    const lead = /^⟨X(\d+)⟩/.exec(t);
    const leadNoun = lead && /^(?:speeches|remarks|greetings|addresses|presentations|talks)$/i.test(s.mentions[Number(lead[1])]!.name) ? s.mentions[Number(lead[1])]!.name : null;
    if (leadNoun || cues.testLower(SPEECH_WORDS)) for (const m of cues.matches(/(?:^⟨X\d+⟩|\b(?:(?:short |brief |welcome |welcoming |opening |closing |congratulatory |keynote )?(?:speech(?:es)?|remarks|greetings|addresses|address|toasts?)|(?:presentations?|talks?)))(?:,? (?:were )?(?:given|made|delivered))? (?:by|from) (?:the )?/gi)) {
      if (m[0].startsWith('⟨') && !leadNoun) continue;
      const from = m.index! + m[0].length;
      // "an address by the Mayor of X" is no speech by the city; "a talk from the visitors" names nobody
      const ids = actorsIn(s, from, byList(s, from)[1], 'POMG', true);
      const role: ParticipationRole = /^presentation|^talk/i.test(m[0].startsWith('⟨') ? leadNoun! : m[0]) ? 'presenter' : 'speaker';
      const event = eventFor(a, ev, s, m.index!);
      for (const id of ids) add(a, id, event, role, s);
    }
    // "A began with a few words of welcome", "A read a message from …", "A proposed a toast", "with A giving short remarks",
    // "Both mayors … also gave speeches": a speech by the subject
    if (cues.testLower(MESSAGE_WORDS)) for (const m of cues.matches(/\b(?:(?:began|opened|started|closed)(?: [^.⟨]{0,30}?)? with (?:a few |some |brief |short )?(?:words of welcome|welcoming words|welcome remarks|a (?:welcome |welcoming )?(?:speech|address|toast))|read (?:out )?(?:a|the) (?:[\w-]+ )?(?:message|letter|greeting)|(?:proposed|raised|gave|made) (?:a|the) toast|(?:giving|delivering|making) (?:a |an |his |her |their )?(?:\w+ ){0,2}?(?:speech(?:es)?|remarks|address))\b/gi)) {
      let subjects = antecedent(s, m.index!);
      if (!subjects.length) subjects = subjectsBefore(a, s, m.index!, 'POMG');
      // "… invited, with A attending and giving short remarks": the name right before the participle
      const participle = /^(?:giving|delivering|making)/i.test(m[0]) ? /⟨P(\d+)⟩,? (?:(?:\w+ ){1,2}and )?$/.exec(t.slice(Math.max(0, m.index! - 40), m.index!)) : null;
      if (participle) subjects = [s.refs[Number(participle[1])]!].filter(Boolean);
      const event = eventFor(a, ev, s, m.index!);
      for (const id of subjects) add(a, id, event, 'speaker', s);
    }
    if (cues.test(BOTH_MAYORS)) for (const m of cues.matches(/\b(?:both|the two) mayors\b[^.]{0,80}?\b(?:gave|delivered|made) (?:\w+ ){0,2}?(?:speech(?:es)?|remarks|address(?:es)?)\b/gi)) {
      const event = eventFor(a, ev, s, m.index!);
      for (const f of a.factsOf('HOLDS_POSITION')) if (/^(?:lord )?mayor$/i.test(String(f.props.title)) && !f.props.former) add(a, f.from, event, 'speaker', s);
    }
    // "A presented information on …", "A introduced a promotional video": a presentation by the subject
    // (not "presented the award to B": that hands over a prize)
    if (cues.testLower(PRESENTING_WORDS)) for (const m of cues.matches(/\b(?:presented|showcased|demonstrated) (?:information|details|an overview|a summary|a slideshow|a video|a film|a report|the history|the results|the work|the plans?|a proposal)\b|\bintroduced (?:a|the|their|its) (?:[\w-]+ ){0,2}?(?:video|film|dvd|⟨X\d+⟩|slideshow|projects?|programmes?|programs?|products?)\b/gi)) {
      if (/^[^.]{0,60}?\bto (?:the )?⟨P/.test(t.slice(m.index! + m[0].length))) continue;
      const event = eventFor(a, ev, s, m.index!);
      const who = antecedent(s, m.index!);
      for (const id of who.length ? who : subjectsBefore(a, s, m.index!, 'POMG')) add(a, id, event, 'presenter', s);
    }
    // Representatives from A, B and C (respectively) made presentations
    if (lower.includes('present')) for (const m of cues.matches(/\b(?:respectively |also |each )?(?:made|gave|delivered) (?:a |their |the )?(?:\w+ )?presentations?\b|\bpresented (?:their|its|his|her|a|the) (?:\w+ )?(?:projects?|plans?|proposals?|products?|reports?|work|programmes?|programs?)\b/gi)) {
      const subjects = subjectsBefore(a, s, m.index!, 'POMG');
      const event = eventFor(a, ev, s, m.index! + m[0].length);
      for (const id of subjects) add(a, id, event, 'presenter', s);
    }
    // X signed (on behalf of Y): a signing's participants
    if (lower.includes('signed')) for (const m of cues.matches(/\bsigned\b/g)) {
      if (/\b(was|were|been|be)\s+$/.test(t.slice(Math.max(0, m.index! - 6), m.index!))) continue;
      // "X said … they re-signed": the signers are in the reported clause, not the speaker
      if (/\b(?:said|says|told|added|noted|explained)\b/.test(t.slice(clauseStart(t, m.index!), m.index!))) continue;
      const signing = a.events().find((e) => e.props.kind === 'signing');
      // signing a guest book or a letter is no part in the event in focus
      if (!signing && !/^\s+(?:\w+ ){0,5}?(?:agreements?|pacts?|memorand(?:um|a)|mou|accords?|charters?|protocols?|resolution|treaty|letter of intent|contracts?|deals?|declaration)\b/i.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 60))) continue;
      const event = signing?.id ?? ev.focus[s.index] ?? null;
      for (const id of subjectsBefore(a, s, m.index!, 'P')) add(a, id, event, 'attendee', s);
      // "The X delegation, led by A, signed …": the leader signs for it
      const leader = /\b(?:delegation|group|party)\b,? (?:led|headed) by (?:the )?(?:⟨T\d+⟩ )?⟨P(\d+)⟩,? $/.exec(t.slice(clauseStart(t, m.index!), m.index!));
      if (leader) add(a, s.refs[Number(leader[1])], event, 'attendee', s);
      if (/\bthe two mayors\b/i.test(t.slice(Math.max(0, m.index! - 30), m.index!))) {
        // the two mayors, not their deputies
        for (const f of a.factsOf('HOLDS_POSITION')) if (/^(?:lord )?mayor$|oberb/i.test(String(f.props.title)) && !f.props.former) add(a, f.from, ev.focus[s.index] ?? event, 'attendee', s);
      }
    }
    // "the (re-)signing by both mayors of …": the mayors the article names attend the signing
    if (lower.includes('signing by')) for (const m of cues.matches(/\bsigning by (?:both|the two) (?:⟨T\d+⟩|mayors)/gi)) {
      const event = a.eventsFirstIn(s.index).find((e) => e.props.kind === 'signing')?.id ?? ev.focus[s.index];
      const mayors = new Set(a.factsOf('HOLDS_POSITION').filter((f) => /\bmayor\b/i.test(String(f.props.title)) && !f.props.former).map((f) => f.from));
      for (const e of a.entities.values()) if (e.label === 'Person' && [...e.aliases].some((x) => /^mayor\b/i.test(x))) mayors.add(e.id);
      if (/⟨T(\d+)⟩/.test(m[0]) && !/mayors/i.test(s.mentions[Number(/⟨T(\d+)⟩/.exec(m[0])![1])]!.name)) continue;
      for (const id of mayors) add(a, id, event, 'attendee', s);
    }
    // X was invited by Y to take part in the opening ceremony of E
    if (lower.includes('invited')) for (const m of cues.matches(/⟨P(\d+)⟩ (?:was|were|has been|had been) invited (?:\w+ ){0,3}?by (?:the )?⟨P(\d+)⟩ to (?:take part in|attend|join|participate in) (?:the )?(?:[\w-]+ ){0,3}?(?:of )?(?:the )?⟨E(\d+)⟩/g)) {
      add(a, s.refs[Number(m[1])], s.refs[Number(m[3])], 'attendee', s);
      add(a, s.refs[Number(m[2])], s.refs[Number(m[3])], 'host', s);
    }
  }
  signingHosts(a, ev);
}

/** The council or government of the city a signing takes place in, named where the signing is told, hosts it. */
function signingHosts(a: Article, ev: Events): void {
  for (const e of a.events()) {
    if (e.props.kind !== 'signing') continue;
    const city = typeof e.props.cityId === 'string' ? e.props.cityId : e.id === ev.main ? a.homeCity : null;
    const s = a.sentences[e.first];
    if (!s) continue;
    // where the place is not told, the one council of a signing city named in the sentence
    const councils = [...new Set(s.refs)].map((id) => (id ? a.entities.get(id) : null)).filter((o) =>
      o?.label === 'Office' && !!o.cityInName && /\b(council|government|municipality|city hall)\b/i.test(o.name) &&
      (city ? o.cityInName === city : s.refs.includes(o.cityInName!)));
    if (!city && councils.length !== 1) continue;
    for (const o of councils) add(a, o!.id, e.id, 'host', s);
  }
}

/** "…, attended by Consul General A, who also presented a video": the name a relative "who" stands for. */
function antecedent(s: AnalyzedSentence, at: number): string[] {
  const m = /⟨([POMG])(\d+)⟩,? who (?:(?:also|then|later|each|both) )?$/.exec(s.template.slice(Math.max(0, at - 60), at));
  const id = m ? s.refs[Number(m[2])] : null;
  return id ? [id] : [];
}

/** The event a passive "hosted by" is about: the event named before it in the sentence, else the focus. */
function eventBefore(a: Article, ev: Events, s: AnalyzedSentence, at: number): string | null {
  const before = matchAll(s.template.slice(0, at), /⟨E(\d+)⟩/g);
  const last = before[before.length - 1];
  if (last) return s.refs[Number(last[1])] ?? null;
  const here = s.paragraph !== -1 ? a.eventsFirstIn(s.index) : [];
  if (here.length) return here[0]!.id;
  return ev.focus[s.index] ?? ev.main;
}

/** Members of each visiting delegation the text names: "headed by", "consisted of", "Y figures, including X", "invited by". */
/** The stretches of [from, to) outside brackets. */
function outsideBrackets(t: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  for (const b of matchAll(t.slice(from, to), /\([^()]*\)/g)) {
    out.push([at, from + b.index!]);
    at = from + b.index! + b[0].length;
  }
  out.push([at, to]);
  return out;
}

export function visitMembers(a: Article, ev: Events): void {
  for (const v of ev.visits) {
    for (const o of v.origins) if (a.label(o) !== 'City') v.visitors.add(o);
    for (const title of v.leaderTitles) {
      for (const o of v.origins) {
        const leader = a.holderOf(title, o);
        if (leader) v.visitors.add(leader);
      }
    }
    for (const s of a.sentences) {
      const t = s.template;
      // "the upcoming X High School visit", "the Y Association's trip": the body the visit is named after makes it
      if (v === ev.visits[0] && /visit|trip|tour/.test(t)) for (const m of matchAll(t, /\b(?:the|this|their|its) (?:(?:upcoming|recent|forthcoming|first|official|latest|annual) )*⟨([GOM])(\d+)⟩(?:['’]s?)? (?:visit|trip|tour)\b/g)) {
        const id = s.refs[Number(m[2])];
        if (id && !isAtDest(a, id, v) && !v.hosts.has(id)) v.visitors.add(id);
      }
      if (!/headed|led by|consist|includ|compris|made up|composed|member|figures|officials|leaders|delegates|representatives|invit|joined|welcom|greeted|received|privilege|honou?r|pleasure|delight|proud|pleased|happy|delegation/i.test(t)) continue;
      // delegation … headed/led by X (its mayor)
      for (const m of matchAll(t, /\b(?:delegation|group|party|team|visitors)\b[^.]{0,80}?\b(?:headed|led) by (?:its |their |the )?(?:⟨T\d+⟩ )?(?:⟨P(\d+)⟩|(mayor|governor|president|chairman))/gi)) {
        if (m[1]) v.visitors.add(s.refs[Number(m[1])]!);
        else for (const o of v.origins) {
          const leader = a.label(o) === 'City' ? a.leaderOf(o) : null;
          if (leader) v.visitors.add(leader);
        }
      }
      // the delegation / party from Y consisted of A, B and C
      // (also "the members of the delegation are A, B and C", "visitors from Y included A – … – along with B and C")
      for (const m of matchAll(s.template, MEMBER_LIST)) {
        const from = m.index! + m[0].length;
        // a list whose items carry their own titles is split by semicolons: "A, chief of X; B, professor at Y; and C"
        const end = /^[^.]*;/.test(s.template.slice(from)) ? listEnd(s.template, from) : clauseEnd(s.template, from);
        const along = /\balong with\b/.exec(s.template.slice(end));
        const parts: [number, number][] = [[from, end]];
        if (along) parts.push([end + along.index + along[0].length, clauseEnd(s.template, end + along.index + along[0].length)]);
        // a note in brackets after a member ("A (Alliance for Progress)") names a party or a place, not another member
        for (const [f, e] of parts.flatMap(([f, e]) => outsideBrackets(s.template, f, e))) {
          namesAsPersons(a, s, f, e);
          // "Delaware City Schools teacher Joanne Meyer": the body that qualifies a member is not one
          const qualifiers = new Set(slots(s, f, e).filter((x) => 'OMG'.includes(x.letter) && /^(?: [a-z][\w-]*){1,3} ⟨P\d+⟩| ⟨T\d+⟩ ⟨P\d+⟩/.test(s.template.slice(x.at + `⟨${x.letter}${x.index}⟩`.length))).map((x) => x.id));
          for (const id of actorsIn(s, f, e, 'POMG', true)) if (!isAtDest(a, id, v) && !qualifiers.has(id)) v.visitors.add(id);
        }
      }
      // Y figures, including X
      for (const m of matchAll(t, /⟨C(\d+)⟩(?:['’]s?)? (?:\w+ ){0,2}(?:figures|officials|leaders|delegates|representatives|members)\b,? (?:including|such as|led by|headed by) ((?:[^.⟨]{0,20}⟨P\d+⟩,?)+)/g)) {
        const c = s.refs[Number(m[1])];
        if (!c || !v.origins.includes(c) && a.countryOfCity(c) !== v.originCountry) continue;
        for (const p of matchAll(m[2]!, /⟨P(\d+)⟩/g)) v.visitors.add(s.refs[Number(p[1])]!);
      }
      // A and B (also) joined the delegation: members of the main visit
      if (v === ev.visits[0]) for (const m of matchAll(t, /\b(?:also )?joined the (?:\w+ )?(?:delegation|group|party|trip)\b/gi)) {
        for (const id of subjectsBefore(a, s, m.index!, 'POMG')) v.visitors.add(id);
      }
      // "it was a privilege for the X Council to host A, B and C": A, B and C visit, the council hosts
      if (v === ev.visits[0]) for (const m of matchAll(t, /\b(?:privilege|honou?r|pleasure|delight|proud|pleased|delighted|happy) (?:for (?:the )?⟨([OGM])(\d+)⟩[^.⟨]{0,40}? )?to (?:host|welcome|receive) /gi)) {
        const from = m.index! + m[0].length;
        for (const id of actorsIn(s, from, clauseEnd(t, from), 'P', true)) if (!isAtDest(a, id, v)) v.visitors.add(id);
        const org = m[2] ? s.refs[Number(m[2])] : null;
        if (org) v.hosts.add(org);
      }
      // "the guest was received (in the mayor's absence) by deputy mayor X": X hosts
      if (v === ev.visits[0]) for (const m of matchAll(t, /\b(?:was|were) (?:\w+ly )?(?:received|welcomed|greeted)\b[^.⟨]{0,60}?(?:⟨[TP]\d+⟩[^.⟨]{0,30}?){0,3}\bby (?:the )?(?:⟨T\d+⟩ )?⟨P(\d+)⟩/g)) {
        const id = s.refs[Number(m[1])];
        if (id && !v.visitors.has(id)) v.hosts.add(id);
      }
      // X welcomed / extended a warm welcome to the Y delegation: X hosts Y's visit
      // (also "X welcomed the visitors": the article's visit)
      for (const m of matchAll(t, /\b(?:welcomed|welcomes|greeted|received|(?:extended|gave) (?:a |an )?(?:\w+ )?welcome to) the (?:⟨C(\d+)⟩ delegation|(?:visiting )?(?:delegation|delegates|visitors|guests|students))\b/g)) {
        if (m[1] ? !v.origins.includes(s.refs[Number(m[1])] ?? '') : v !== ev.visits[0]) continue;
        for (const id of subjectsBefore(a, s, m.index!, 'P')) v.hosts.add(id);
      }
      // "At the invitation of X, the delegation …": X hosts
      if (v === ev.visits[0] || v.sentences.has(s.index)) for (const m of matchAll(t, /\bat the invitation of (?:the )?⟨([POGM])(\d+)⟩/gi)) {
        const id = s.refs[Number(m[2])];
        if (id && !v.visitors.has(id) && (v.sentences.has(s.index) || /\bdelegation\b/i.test(t))) v.hosts.add(id);
      }
      // "A and B held banquets for the delegation", "X held working talks with the delegation": they host it
      if (v === ev.visits[0]) for (const m of matchAll(t, /\b(?:held|hosted|gave|threw|offered) (?:a |an )?(?:[\w-]+ ){0,2}?(?:banquets?|receptions?|dinners?|luncheons?|lunch|symposiums?|symposia|talks|meetings?|seminars?|discussions?) (?:for|with|in honou?r of) the (?:[\w-]+ )?(?:delegation|delegates|guests|visitors)\b/gi)) {
        for (const id of subjectsBefore(a, s, m.index!, 'POGM')) if (!v.visitors.has(id)) v.hosts.add(id);
      }
      // invited (to Y) by X: X hosts
      for (const m of matchAll(t, /\binvited\b[^.]{0,60}?\bby (?:the )?⟨([POG])(\d+)⟩/g)) {
        if (!v.sentences.has(s.index)) continue;
        const id = s.refs[Number(m[2])];
        if (id) v.hosts.add(id);
      }
    }
  }
}

/** "the delegation consisted of", "the members of the delegation are", "visitors from Y included": a member list follows. */
const MEMBER_LIST = /\b(?:(?:the )?members of the (?:[\w-]+ )?(?:delegation|group|party|team) (?:are|were|include|included|was|is)|(?:delegation|party|group|team|visitors|delegates|mission)\b[^.]{0,60}?\b(?:consisted of|consists of|consisting of|will consist of|composed of|included|includes|including|will include|comprised|comprising|comprises|will comprise|(?:was|is|will be) made up of|(?:was|is|will be) composed of|members? (?:were|are|included)))\b:?/gi;

/** A name no reader could type ("Masako Kobayashi") is a person where a member list names it. */
function namesAsPersons(a: Article, s: AnalyzedSentence, from: number, to: number): void {
  for (const sl of slots(s, from, to)) {
    const m = s.mentions[sl.index]!;
    if (sl.letter !== 'X' || m.kind !== 'Unknown' || !PERSON_SHAPE.test(m.name) || labelByHead(m.name)) continue;
    m.kind = 'Person';
    s.refs[sl.index] = a.addPerson(m.name, s.index);
    s.template = s.template.slice(0, sl.at) + `⟨P${sl.index}⟩` + s.template.slice(sl.at + `⟨X${sl.index}⟩`.length);
  }
}

/** Two to four capitalised words, initials and a generation suffix allowed: "Claudia B Quinn", "Leo Quinn III". */
const PERSON_SHAPE = /^[A-Z][a-z’'-]+(?: (?:[A-Z]\.?|[A-Z][a-z’'-]+|O[’'][A-Z][a-z]+)){0,2} (?:[A-Z][a-z’'-]+|O[’'][A-Z][a-z]+)(?: (?:II|III|IV|Jr\.?))?$/;

/** End of a semicolon-separated list: the sentence end, or a clause that follows its last item. */
function listEnd(t: string, from: number): number {
  const last = t.lastIndexOf(';', t.indexOf('. ', from) < 0 ? t.length : t.indexOf('. ', from));
  return clauseEnd(t, Math.max(from, last + 1));
}

function personCity(a: Article, id: string): string | null {
  for (const f of a.positionsOf(id)) return a.cityOf(f.to);
  return null;
}

function isAtDest(a: Article, id: string, v: Visit): boolean {
  return a.label(id) === 'Person' ? personCity(a, id) === v.dest : a.cityOf(id) === v.dest && !v.origins.includes(id);
}
