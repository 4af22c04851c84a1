// Which side of the article's exchange each person is told on: the visiting side ("X visited", "X arrived", "X led
// the delegation", "welcomed X", "X was received", "the delegation led by X") or the host side ("X welcomed",
// "X hosted", "received by X"). Read over every sentence naming the person. The place step reads it as the side of
// each town's officials (the hosts' town is where the happening is); as features of the learned visit decision, and
// as a veto of its visits, it did not help (docs/extraction.md § "Seventeenth session: visits and places (helper
// visits17)"). It reads more than the frames' host and visiting sides (frames/fill-rules.ts), which fill only from a
// happening's own sentences: the place feature built from the frames' sides instead gave 5 more false places on
// group B (same section).
import type { Article } from '../article.ts';

/** What the article's sentences say of one person's side: `visitor`, `host`, `both` (each said), or `none`. */
export type PersonSide = 'visitor' | 'host' | 'both' | 'none';

// after the name, an apposition ("X, mayor of Y,") and auxiliaries may stand before the verb
// (or a companion: "X and his delegation arrived", "X and Y visited")
const APPOSITION = String.raw`^(?:\s*\([^)]*\))?(?:\s+of\s+(?:the\s+)?⟨[CONGX]\d+⟩)?(?:\s*,[^,;.]{1,80},)?(?:\s+and\s+(?:⟨P\d+⟩|(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+))?\s+(?:who\s+)?`;
const AUXILIARIES = String.raw`(?:(?:has|have|had|will|would|also|recently|then|later|first|now|currently|officially|warmly|personally|formally|to)\s+)*`;
const LEAD_IN = APPOSITION + String.raw`(?:(?:was|were|is|are|be|been)\s+)?` + AUXILIARIES;
/** the person is received: "X was welcomed", "X, who was received by" (checked before the host's verbs, which it holds) */
const PASSIVE = new RegExp(APPOSITION + AUXILIARIES + String.raw`(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?(?:welcomed|received|hosted|greeted|invited|accompanied)\b`, 'i');
/** the person is the traveller: "X visited", "X arrived in", "X led the delegation" */
const VISITOR_AFTER = new RegExp(
  LEAD_IN +
    String.raw`(?:visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|travel(?:s|led|ed|ling|ing)|tour(?:s|ed|ing)?|came|comes|coming|flew|landed|went|paid|pays|paying|led|leads|leading|headed|heads|(?:made|makes) an? (?:\w+ )?(?:visit|trip)|on (?:a|an|his|her|their) (?:\w+ )?(?:visit|trip|tour|mission))\b`,
  'i',
);
/** the person receives: "X welcomed", "X hosted a reception" */
const HOST_AFTER = new RegExp(
  LEAD_IN + String.raw`(?:(?:expressed|said|was|is)\s+(?:his|her|their|the|very\s+)?\s*(?:pleasure|honou?r|happy|glad|delighted|pleased)\s+(?:\w+\s+)?to\s+)?(?:welcom(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|host(?:s|ed|ing)?|greet(?:s|ed|ing)?|granted|entertain(?:s|ed)?|show(?:s|ed) (?:the|them|their|our)\b)`,
  'i',
);
/** the person is received or named as the visiting party: "welcomed X", "the delegation led by the mayor of Y, X" */
const VISITOR_BEFORE = /\b(?:welcom(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|host(?:s|ed|ing)|greet(?:s|ed|ing)?|led by|headed by|accompanied by|visits? (?:of|by)|leading (?:the|a|an) (?:[\w-]+ ){0,3}?(?:delegation|group|team|mission) (?:was|is|were)|delegation (?:of|from|including|included|comprising)|guests?(?: of honou?r)?|visiting|visitors?)\s+(?:the\s+|a\s+|an\s+)?(?:[^.;]{0,60}?,\s*)?(?:⟨T\d+⟩\s+)?$/i;
/** the person is the host the guests' side names: "hosted by X", "a courtesy call on X" */
const HOST_BEFORE = /\b(?:(?:welcomed|received|hosted|greeted|invited|guests?) (?:by|of)|courtesy (?:call|visit) (?:on|to)|call(?:ed)? on|host,?)\s+(?:the\s+)?(?:[^.;]{0,60}?,\s*)?(?:⟨T\d+⟩\s+)?$/i;

/** How one mention of a person reads: as the visiting side, the host side, or neither. */
function mentionSide(template: string, at: number, length: number): 'visitor' | 'host' | null {
  const before = template.slice(Math.max(0, at - 90), at);
  const after = template.slice(at + length, at + length + 110);
  if (HOST_BEFORE.test(before)) return 'host';
  if (PASSIVE.test(after) || VISITOR_AFTER.test(after)) return 'visitor';
  if (HOST_AFTER.test(after)) return 'host';
  if (VISITOR_BEFORE.test(before)) return 'visitor';
  return null;
}

/** Each person's side as the article's sentences tell it, read once per article. */
export function personSides(a: Article): Map<string, PersonSide> {
  const seen = new Map<string, { visitor: boolean; host: boolean }>();
  for (const s of a.sentences) {
    s.refs.forEach((id, j) => {
      if (!id || s.mentions[j]?.kind !== 'Person') return;
      const placeholder = `⟨P${j}⟩`;
      const at = s.template.indexOf(placeholder);
      if (at < 0) return;
      const side = mentionSide(s.template, at, placeholder.length);
      const known = seen.get(id) ?? seen.set(id, { visitor: false, host: false }).get(id)!;
      if (side) known[side] = true;
    });
  }
  const sides = new Map<string, PersonSide>();
  for (const [id, { visitor, host }] of seen) sides.set(id, visitor && host ? 'both' : visitor ? 'visitor' : host ? 'host' : 'none');
  return sides;
}
