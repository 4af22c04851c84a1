// Every rule kept as data, with the stage it runs in: what the rules report lists and the example test runs.
import { FILL_SENTENCE_RULES, PART_OF_VISIT, STAGES } from '../frames/index.ts';
import { DERIVE_RULES, SIDE_RULES } from '../frames/infer-rules.ts';
import { TRIP_RULES } from '../frames/trips.ts';
import { LEAD_RULES, SIGNING_RULES } from '../frames/lead.ts';
import { HEADLINE_RULES } from '../events.ts';
import { ATTENDANCE_RULES, GUEST_RULES, PRESENCE_RULES } from '../frames/attendance.ts';
import { MEMBER_RULES, PARTY_RULES } from '../frames/parties.ts';
import { PEOPLE_RULES } from '../people-rules.ts';
import { TOWN_RULES } from '../town-rules.ts';
import { COORDINATION_RULES } from '../relations/coordination.ts';
import type { AnyRule, Stage } from './engine.ts';

export const RULE_STAGES: readonly Stage[] = STAGES;

export const RULES: readonly AnyRule[] = [...TOWN_RULES, ...PEOPLE_RULES, ...HEADLINE_RULES, ...TRIP_RULES, ...MEMBER_RULES, ...COORDINATION_RULES, ...LEAD_RULES, ...SIGNING_RULES, ...FILL_SENTENCE_RULES, ...SIDE_RULES, ...DERIVE_RULES, PART_OF_VISIT, ...PRESENCE_RULES, ...ATTENDANCE_RULES, ...GUEST_RULES, ...PARTY_RULES];
