// Stage "lead": the article's happening told by its lead (the headline and the body's first sentences) in
// words the readers of events.ts do not take for one: one official visiting a city ("Ambassador X has recently
// visited Y"), a host receiving a guest ("Vice Chairman A yesterday received B on his working trip to the city"),
// both only when no happening was read; a council signing an agreement with another city ("The X Assembly has
// signed a cooperation agreement with the City of Y"), when no signing was read; last, the headline itself, when
// no happening at all was read (headlineAsHappening). Runs after the positions and
// meetings (a host's city is the city of the host's office) and before the frames, so that the frame rules fill
// and derive the visit like any other.
import type { AnalyzedSentence, Article } from '../article.ts';
import { addVisit, AGREEMENT, dateIn, heldIn, kindOf, longBefore, newEvent, words, type Events } from '../events.ts';
import { runSentenceRules, type SentenceRule } from '../rules/engine.ts';
import { matchAll } from '../match-all.ts';

export interface LeadContext {
  a: Article;
  ev: Events;
}

/** How many body sentences, after the headline, tell the article's happening. */
const LEAD_SENTENCES = 2;

/** Cities a person holds office in. */
function citiesOfPerson(a: Article, person: string): Set<string> {
  return new Set(a.positionsOf(person).map((f) => a.cityOf(f.to)).filter((c): c is string => !!c));
}

/** The new visit becomes the article's happening: the main event and the focus of sentences that had none. */
function makeMain(ctx: LeadContext, event: string): void {
  const { a, ev } = ctx;
  ev.main = event;
  for (const s of a.sentences) ev.focus[s.index] ??= event;
}

function personVisit(ctx: LeadContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  if (ev.visits.length || ev.main) return 0;
  const person = s.refs[Number(m.groups!.who)];
  const dest = s.refs[Number(m.groups!.dest)];
  if (!person || !dest || a.label(dest) !== 'City' || citiesOfPerson(a, person).has(dest)) return 0;
  const v = addVisit(a, ev, s, dest, [], null, null, person);
  if (!v) return 0;
  v.openedBy = 'lead-person-visited-city';
  makeMain(ctx, v.event);
  return 1;
}

function hostReceived(ctx: LeadContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  if (ev.visits.length || ev.main) return 0;
  const host = s.refs[Number(m.groups!.host)];
  if (!host) return 0;
  const homes = citiesOfPerson(a, host);
  const dest = homes.size === 1 ? [...homes][0]! : null;
  if (!dest) return 0;
  const guest = m.groups!.guest!;
  const person = /^⟨P(\d+)⟩/.exec(guest);
  const guestId = person ? s.refs[Number(person[1])] ?? null : null;
  // a guest who holds office in the host's city is a colleague, not a visitor
  if (guestId && citiesOfPerson(a, guestId).has(dest)) return 0;
  const originIds = matchAll(guest, /⟨([COG])(\d+)⟩/g).map((x) => s.refs[Number(x[2])]).filter((id): id is string => !!id && id !== dest && a.cityOf(id) !== dest);
  const nation = matchAll(guest, /⟨N(\d+)⟩/g).map((x) => s.mentions[Number(x[1])]!).find((x) => x.country);
  if (!guestId && !originIds.length && !nation) return 0;
  const words = nation && !originIds.length ? nation.name : null;
  const v = addVisit(a, ev, s, dest, originIds, words, nation?.country ?? null, guestId);
  if (!v) return 0;
  v.openedBy = 'lead-host-received-guest';
  v.hosts.add(host);
  makeMain(ctx, v.event);
  return 1;
}

function actorSigned(ctx: LeadContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  // a ceremony the article names is most often the signing itself
  if (a.events().some((e) => e.props.kind === 'signing' || e.props.kind === 'ceremony') || longBefore(a, dateIn(s))) return 0;
  const [x, y] = [m.groups!.a!, m.groups!.b!].map((g) => s.refs[Number(/\d+/.exec(g)![0])]);
  if (!x || !y) return 0;
  const [cx, cy] = [a.cityOf(x) ?? x, a.cityOf(y) ?? y];
  if (cx === cy) return 0;
  const object = words(s, m.groups!.object!).replace(/^(?:new|official|formal) /i, '');
  const event = newEvent(a, `${a.entities.get(cx)?.name ?? ''}–${a.entities.get(cy)?.name ?? ''} ${object} signing`, s, { date: dateIn(s), city: heldIn(s, a), kind: 'signing' });
  if (!ev.main) makeMain(ctx, event);
  // a council or an organisation that signs attends its signing (a city named as signer is the place's name)
  for (const id of [x, y]) if (a.label(id) !== 'City') addParticipant(a, id, event, s);
  return 1;
}

/** Words that make a signing the article's background: "since signing", "the agreement that was signed in". */
const BACKGROUND_BEFORE = /\b(?:since|after|when|which|that|had|having|first|originally|previously|once)\s+(?:\w+\s+){0,1}$/i;
/** "Over the past three decades, X has signed agreements with six cities": a record of signings, not one. */
const RECORD = /\b(?:over|in|during|for) the (?:past|last) (?:[\w-]+ ){0,2}(?:years|decades)\b|\bover the years\b|\bfor (?:many|several) years\b/i;
/** "signed many agreements with cities around the world": signings counted, not one told. */
const COUNTED = /^(?:many|several|numerous|various|multiple|dozens of|a number of|a series of)\b/i;

function agreementSigned(ctx: LeadContext, s: AnalyzedSentence, m: RegExpExecArray, rule: string): number {
  const { a, ev } = ctx;
  if (a.events().some((e) => e.props.kind === 'signing' || e.props.kind === 'ceremony') || longBefore(a, dateIn(s))) return 0;
  // the anniversary of a signing, or a signing the sentence dates back, is history, not the news
  if (/\banniversary\b|\byears? ago\b/i.test(s.template) || BACKGROUND_BEFORE.test(s.template.slice(0, m.index))) return 0;
  if (RECORD.test(s.template) || COUNTED.test(m.groups!.object!)) return 0;
  // "The agreement was signed in 1974": a bare year the date reader leaves as words
  const year = /\b(?:in|since) ((?:19|20)\d\d)\b/.exec(s.template.slice(m.index));
  if (year && longBefore(a, year[1]!)) return 0;
  const object = words(s, m.groups!.object!).replace(/^(?:new|official|formal|first|an?|the) /i, '').replace(/^(?:new|official|formal) /i, '');
  const name = /\bceremony$/i.test(object) ? object : `signing of the ${object}`;
  const event = newEvent(a, name, s, { date: dateIn(s), city: heldIn(s, a), kind: 'signing' });
  // the rules report credits the rule with the facts about the signing it opened
  if (!a.introducedBy.has(event)) a.introducedBy.set(event, rule);
  if (!ev.main) makeMain(ctx, event);
  return 1;
}

function addParticipant(a: Article, id: string, event: string, s: AnalyzedSentence, rule = 'lead-actor-signed-with'): void {
  const fact = a.addFact('PARTICIPATED_IN', id, event, { role: 'attendee' }, s.index);
  if (fact) (fact.rules ??= new Set()).add(rule);
}

function leadMeeting(ctx: LeadContext, s: AnalyzedSentence, m: RegExpExecArray): number {
  const { a, ev } = ctx;
  if (ev.visits.length || ev.main || longBefore(a, dateIn(s))) return 0;
  const sides = [m.groups!.a!, m.groups!.b!];
  const people = sides.map((g) => /⟨P(\d+)⟩/.exec(g)).map((x) => (x ? s.refs[Number(x[1])] ?? null : null));
  if (!people[1] || people[0] === people[1]) return 0;
  const event = newEvent(a, `meeting of ${words(s, sides[0]!)} with ${words(s, sides[1]!)}`, s, { date: dateIn(s), city: heldIn(s, a), kind: 'meeting' });
  makeMain(ctx, event);
  for (const p of people) if (p) addParticipant(a, p, event, s, 'lead-official-met-official');
  return 1;
}

/** Words between a name and its verb: titles, places, dates, adverbs, appositions; no other person. */
const BETWEEN = String.raw`(?:[^.⟨]|⟨[TCONGDXM]\d+⟩){0,120}?`;

export const LEAD_RULES: readonly SentenceRule<LeadContext>[] = [
  {
    name: 'lead-person-visited-city',
    stage: 'lead',
    when: /visit|arriv|tour/,
    matches: new RegExp(String.raw`⟨P(?<who>\d+)⟩${BETWEEN}\b(?:visited|visits|is visiting|was visiting|(?:paid|pays|made|makes) (?:a|an) (?:[\w-]+ ){0,2}visit to|arrived in|arrives in|toured) (?:the )?(?:city of )?⟨C(?<dest>\d+)⟩(?!['’])`, 'g'),
    emits: 'a visit frame (place: the city; visiting side: the person)',
    why: 'The lead of an article of the genre states its happening; an official who visited a city there is the article\'s visit even when no delegation is named.',
    example: {
      title: 'Slovakia and Vietnam foster ties between localities',
      body: 'Vietnamese Ambassador to Slovakia Nguyen Tuan has recently visited Kosice city. He met Mayor Jaroslav Polacek of Kosice.',
      expect: ['PARTICIPATED_IN Nguyen Tuan -> Nguyen Tuan visit to Kosice as visitor'],
    },
    apply: personVisit,
  },
  {
    name: 'lead-host-received-guest',
    stage: 'lead',
    when: /receiv|welcom|host|greet/,
    matches: new RegExp(String.raw`⟨P(?<host>\d+)⟩${BETWEEN}\b(?:received|receives|welcomed|welcomes|hosted|hosts|greeted|greets) (?:the |a |an )?(?<guest>⟨P\d+⟩|(?:[\w-]+ ){0,2}⟨[CNOG]\d+⟩(?:['’]s)? (?:[\w-]+ ){0,2}?(?:delegation|delegates|visitors|guests)\b|(?:[\w-]+ ){0,2}?(?:delegation|delegates|visitors|guests) (?:from|of) (?:the )?⟨[CNOG]\d+⟩)`, 'g'),
    emits: 'a visit frame to the host\'s city (visiting side: the guest or the delegation\'s city or nation; host side: the host)',
    why: 'An official who receives a guest or a delegation from elsewhere hosts a visit to the official\'s city: the lead tells it from the host\'s side.',
    example: {
      title: 'Ho Chi Minh City and Zhejiang promote trade',
      body: 'Vice Chairman of the Ho Chi Minh City People\'s Council Nguyen Van Dung yesterday received Gao Xingfu, Vice Chairman of the Zhejiang Provincial People\'s Congress, on his working trip to the city.',
      expect: ['PARTICIPATED_IN Gao Xingfu -> Gao Xingfu visit to Ho Chi Minh City as visitor', 'PARTICIPATED_IN Nguyen Van Dung -> Gao Xingfu visit to Ho Chi Minh City as host'],
    },
    apply: hostReceived,
  },
  {
    name: 'lead-actor-signed-with',
    stage: 'lead',
    when: /sign|ink/,
    matches: /(?<a>⟨[COG]\d+⟩)(?: \(⟨[XOG]\d+⟩\))? (?:has |have |will )?(?:officially |formally )?(?:signed|signs|sign|inked|inks) (?:an? |the |its |their )?(?<object>(?:[\w-]+ ){0,4}?(?:agreement|memorandum|mou|charter|declaration|accord|protocol|pact|letter of intent)(?: of (?:understanding|cooperation|co-operation|friendship))?) with (?:the )?(?:city of )?(?:⟨N\d+⟩['’]s )?(?<b>⟨[COG]\d+⟩)/gi,
    emits: 'a signing (Event, kind signing) between the two actors\' cities',
    why: 'A lead saying that a city, its council or an organisation signed an agreement with another tells the article\'s signing, even when no signer is named.',
    example: {
      title: 'Accra signs cooperation agreement with Cape Town',
      body: 'The Accra Metropolitan Assembly has signed a cooperation agreement with the City of Cape Town on February 8, 2024. Mayor Mohammed Adjei Sowah of Accra signed for the assembly.',
      expect: ['PARTICIPATED_IN Accra Metropolitan Assembly -> Accra–Cape Town cooperation agreement signing as attendee', 'PARTICIPATED_IN Mohammed Adjei Sowah -> Accra–Cape Town cooperation agreement signing as attendee'],
    },
    apply: actorSigned,
  },
  {
    name: 'lead-official-met-official',
    stage: 'lead',
    when: /\bmet\b|\bmeets\b|meeting with|talks with/,
    matches: new RegExp(String.raw`(?<a>(?:the )?⟨[PTX]\d+⟩(?: of (?:the )?⟨[CXOG]\d+⟩)?(?: ⟨P\d+⟩)?)(?:[^.⟨]|⟨[CNDO]\d+⟩){0,60}?\b(?:met with|met|meets with|meets|held (?:a |an )?(?:[\w-]+ )?(?:meeting|talks) with|holds (?:a |an )?(?:[\w-]+ )?(?:meeting|talks) with) (?:the |his |her |their )?(?:[\w-]+ ){0,2}?(?:⟨[NTCX]\d+⟩ (?:[\w-]+ ){0,2}?)?(?<b>⟨P\d+⟩)`, 'g'),
    emits: 'a meeting (Event, kind meeting) of the two officials; both attend it',
    why: 'When the lead tells no visit, an official who met another official is the article\'s happening: a meeting between the two.',
    example: {
      title: 'Oakridge and Lindau to enhance their cooperation',
      body: 'Mayor Anna Berg of Oakridge held a meeting with her German counterpart Peter Kohl on October 9, 2024 in Lindau.',
      expect: ['PARTICIPATED_IN Peter Kohl -> meeting of Anna Berg of Oakridge with Peter Kohl as attendee', 'MET_WITH Anna Berg -> Peter Kohl'],
    },
    apply: leadMeeting,
  },
];

/** What a signing signs: "a sister city agreement", "the letter of commitment", "memorandums of twinness". */
const SIGNED_OBJECT = String.raw`(?<object>(?:[\w-]+ |⟨X\d+⟩ ){0,4}?(?:agreements?|memorand(?:um|a|ums)|mous?|charters?|declarations?|accords?|protocols?|pacts?|treaty|letters? of (?:intent|commitment|cooperation))(?: of (?:understanding|cooperation|co-operation|friendship|twinn?ing|twinness))?)`;
/** Time words between "signed" and its object: "signed this Friday afternoon, the letter". */
const WHEN_SIGNED = String.raw`(?: (?:⟨D\d+⟩|on ⟨D\d+⟩|this \w+(?: \w+)?|last \w+|today|yesterday),?)?`;

/** Signings told anywhere in the article, when the readers found none: the article's signing is its news. */
export const SIGNING_RULES: readonly SentenceRule<LeadContext>[] = [
  {
    name: 'agreement-signed',
    stage: 'lead',
    when: /sign|ink/,
    matches: new RegExp(String.raw`(?<!\bthe )\b(?:signed|signs|sign|inked|inks)(?! up\b)${WHEN_SIGNED} (?:an? |the |their |its |two |three |four )?${SIGNED_OBJECT}`, 'gi'),
    emits: 'a signing (Event, kind signing) named by what was signed',
    why: 'An article of the genre that says cities, councils or officials signed an agreement, a memorandum or a letter of intent reports that signing as its news.',
    example: {
      title: 'Two towns sign a twinning charter',
      body: 'Oakridge in Ohio has signed a twinning charter with Lindau on May 3, 2024. The signing was attended by Mayor Anna Berg of Oakridge.',
      expect: ['PARTICIPATED_IN Anna Berg -> signing of the twinning charter as attendee'],
    },
    apply: (ctx, s, m) => agreementSigned(ctx, s, m, 'agreement-signed'),
  },
  {
    name: 'agreement-was-signed',
    stage: 'lead',
    when: /sign|ink/,
    matches: new RegExp(String.raw`(?:^|\b(?:an?|the|two|three|four) )${SIGNED_OBJECT} (?:was |were |will be |has been |have been |is |are )?(?:officially |formally |jointly )?(?:signed|inked)\b`, 'gi'),
    emits: 'a signing (Event, kind signing) named by what was signed',
    why: 'A headline or a sentence saying an agreement "was signed" or "was inked" (no signer named) tells the article\'s signing.',
    example: {
      title: 'Letter of intent signed for the twinning of Oakridge and Lindau',
      body: 'A letter of intent was signed by Mayor Anna Berg of Oakridge and Mayor Peter Kohl of Lindau on Friday.',
      expect: ['PARTICIPATED_IN Anna Berg -> signing of the letter of intent as attendee'],
    },
    apply: (ctx, s, m) => agreementSigned(ctx, s, m, 'agreement-was-signed'),
  },
  {
    name: 'signing-ceremony-told',
    stage: 'lead',
    when: /signing ceremony/,
    matches: /\b(?<object>(?:[\w-]+ ){0,2}?signing ceremony)\b/gi,
    emits: 'a signing (Event, kind signing) named as its ceremony',
    why: 'A "signing ceremony" the article tells (held, attended, spoken at) is the article\'s signing even when the object signed is named elsewhere.',
    example: {
      title: 'Oakridge and Lindau become sister cities',
      body: 'The signing ceremony, held at Lindau Town Hall on Friday, was attended by Mayor Anna Berg of Oakridge and Mayor Peter Kohl of Lindau.',
      expect: ['PARTICIPATED_IN Anna Berg -> signing ceremony as attendee'],
    },
    apply: (ctx, s, m) => agreementSigned(ctx, s, m, 'signing-ceremony-told'),
  },
];

/** Stage "lead": only when the sentence readers and the earlier stages found no happening (a headline's meeting is one). */
export function readLead(a: Article, ev: Events): void {
  const title = a.sentences.filter((s) => s.paragraph === -1);
  const body = a.sentences.filter((s) => s.paragraph >= 0).slice(0, LEAD_SENTENCES);
  // the body first: it names the signers ("The X Assembly has signed …") the headline shortens to a city
  runSentenceRules({ a, ev }, [...body, ...title], LEAD_RULES);
  runSentenceRules({ a, ev }, [...a.sentences.filter((s) => s.paragraph >= 0), ...title], SIGNING_RULES);
  if (title[0]) headlineSigning({ a, ev }, title[0]);
  if (title[0]) headlineAsHappening({ a, ev }, title[0]);
}

/** A headline's verb of signing: "X and Y sign …", "X inks MOU with Y". */
const HEADLINE_SIGNS = /\b(?:sign|signs|signed|ink|inks|inked)\b/i;

/**
 * The genre's headline states the article's happening, and tells a signing by its verb as often as by its noun
 * ("Macao and Phuket sign friendship city memorandum"). After the body's readers: when they read no signing, the
 * headline is one; when they read exactly one (or a ceremony, most often the signing itself), the headline names it too.
 */
function headlineSigning(ctx: LeadContext, title: AnalyzedSentence): void {
  const { a, ev } = ctx;
  const headline = title.text.replace(/\s+/g, ' ').trim();
  const length = headline.split(' ').length;
  if (!HEADLINE_SIGNS.test(headline) || !AGREEMENT.test(headline) || length < 3 || length > 14 || title.mentions.some((m) => m.kind === 'Event')) return;
  const signings = a.events().filter((e) => e.props.kind === 'signing' || e.props.kind === 'ceremony');
  if (signings.length === 1) signings[0]!.aliases.add(headline);
  if (signings.length) return;
  const event = newEvent(a, headline, title, { date: null, city: null, kind: 'signing' });
  if (!ev.main) makeMain(ctx, event);
}

/** Headlines shorter than this name a page's topic ("Twin Cities", "Sister City – San Rafael Del Norte"), not news. */
const HEADLINE_HAPPENING_WORDS = 4;

/** The body tells news, not history: it dates nothing, or something not years before publication. */
function datedNews(a: Article): boolean {
  const dates = a.sentences.map((s) => (s.paragraph >= 0 ? dateIn(s) : null)).filter((d): d is string => d !== null);
  return !dates.length || dates.some((d) => !longBefore(a, d));
}

/**
 * Last, when no reader and not the learned step found any happening: the headline is the article's happening
 * ("Yazd and Uzbek city of Khiva become sister cities", "Gaza city council agrees to twin with Tripoli"). The genre
 * reports a happening an article and names it by its headline (the headline is an alias of the article's happening
 * in nearly every gold file); a short headline names the topic of a page (a list of twin towns), and a body whose
 * every date is years before publication tells history, not a happening.
 */
function headlineAsHappening(ctx: LeadContext, title: AnalyzedSentence): void {
  const { a, ev } = ctx;
  const headline = title.text.replace(/\s+/g, ' ').trim();
  if (ev.observedOnly || a.events().length || headline.split(' ').length < HEADLINE_HAPPENING_WORDS || !datedNews(a)) return;
  // an agreement the headline names is a signing only when it says so by a verb (headlineSigning, before)
  const kind = kindOf(headline);
  makeMain(ctx, newEvent(a, headline, title, { date: null, city: null, kind: kind === 'signing' ? 'event' : kind }));
}
