// The pure core of corrections (api/curation/ops.ts): what a merge, a reject and their undo do to
// the entities and relationships they touch, without a database.
import { describe, expect, it } from 'vitest';
import { mergedIdKey, planMerge, planReject, planUndo, type EntityState, type Op, type RelState } from '../../api/curation/ops.ts';

const entity = (id: string, name: string, extra: Partial<EntityState> = {}): EntityState => ({ id, label: 'Office', name, aliases: [], properties: {}, keys: [`Office|${name.toLowerCase()}`], mentions: [], ...extra });
const located = (source: string, target: string, sources: string[]): RelState => ({
  type: 'LOCATED_IN',
  source,
  target,
  properties: { key: `LOCATED_IN|${source}|${target}|`, sources, evidence: sources.map((s) => `${source} is in ${target} (${s})`), evidenceSources: sources },
});
const ops = <K extends Op['op']>(plan: { ops: Op[] }, kind: K) => plan.ops.filter((o): o is Extract<Op, { op: K }> => o.op === kind);

const KEEP = entity('office:fao-long', 'Foreign Affairs Office', { mentions: ['a1'] });
const MERGED = entity('office:fao', 'FAO', { aliases: ['The FAO'], mentions: ['a1', 'a2'] });

describe('merge', () => {
  const keptRel = located(KEEP.id, 'city:shenyang', ['a1']);
  const mergedRels = [located(MERGED.id, 'city:shenyang', ['a2']), located(MERGED.id, 'city:dalian', ['a2']), { ...located(MERGED.id, KEEP.id, ['a2']) }];
  const plan = planMerge(KEEP, [MERGED], mergedRels, [keptRel]);

  it('gives the kept entity the merged names, alias keys (and one for the merged id) and the mentions it lacked', () => {
    expect(ops(plan, 'setEntity')[0]!.after.aliases).toEqual(['FAO', 'The FAO']);
    expect(ops(plan, 'moveKeys')).toEqual([{ op: 'moveKeys', keys: ['Office|fao', mergedIdKey(MERGED.id)], from: MERGED.id, to: KEEP.id }]);
    expect(ops(plan, 'moveMentions')).toEqual([{ op: 'moveMentions', articles: ['a2'], from: MERGED.id, to: KEEP.id }]);
    expect(ops(plan, 'deleteEntity').map((o) => o.entity.id)).toEqual([MERGED.id]);
  });

  it('moves relationships to the kept entity, uniting one fact stated of both and dropping the one between them', () => {
    const puts = ops(plan, 'putRelationship').map((o) => o.relationship);
    expect(puts.map((r) => [r.properties.key, r.properties.sources])).toEqual([
      [`LOCATED_IN|${KEEP.id}|city:shenyang|`, ['a1', 'a2']],
      [`LOCATED_IN|${KEEP.id}|city:dalian|`, ['a2']],
    ]);
    expect(ops(plan, 'deleteRelationship')).toHaveLength(4); // the merged entity's three and the kept one replaced
  });

  it('refuses entities of different labels, naming the field', () => {
    expect(() => planMerge(KEEP, [{ ...MERGED, label: 'Person' }], [], [])).toThrow(/merge\[0\]: .*Person/);
  });

  it('undoes back to both entities, what articles stated since going to the relationship it came from', () => {
    const united = ops(plan, 'putRelationship')[0]!.relationship;
    const now = { ...united, properties: { ...united.properties, sources: ['a1', 'a2', 'a9'], evidence: [...(united.properties.evidence as string[]), 'stated later'], evidenceSources: [...(united.properties.evidenceSources as string[]), 'a9'] } };
    const inverse = planUndo(plan.ops, { relationships: new Map([[String(united.properties.key), now]]), entities: new Map() });
    expect(ops({ ops: inverse }, 'createEntity').map((o) => o.entity.id)).toEqual([MERGED.id]);
    const restored = ops({ ops: inverse }, 'putRelationship').map((o) => o.relationship);
    expect(restored.find((r) => r.source === KEEP.id && r.target === 'city:shenyang')!.properties.sources).toEqual(['a1', 'a9']);
    expect(restored.find((r) => r.source === MERGED.id && r.target === 'city:shenyang')!.properties.sources).toEqual(['a2']);
    expect(ops({ ops: inverse }, 'moveKeys')[0]).toMatchObject({ from: KEEP.id, to: MERGED.id });
  });
});

describe('reject', () => {
  it('retypes the relationship REJECTED_<type>, keeping its facts and how many articles stated it', () => {
    const rel = located('office:x', 'city:y', ['a1', 'a2']);
    const plan = planReject([rel], { type: 'LOCATED_IN', source: 'office:x', target: 'city:y' }, { id: 'c1', analyst: 'Ana', note: null });
    const [put] = ops(plan, 'putRelationship');
    expect(put!.relationship).toMatchObject({ type: 'REJECTED_LOCATED_IN', properties: { sources: ['a1', 'a2'], rejectedIn: 'c1', rejectedBy: 'Ana', sourcesAtRejection: 2 } });
    expect(() => planReject([put!.relationship], { type: 'LOCATED_IN', source: 'office:x', target: 'city:y' }, { id: 'c2', analyst: 'Ana', note: null })).toThrow(/rejected already/);
  });
});
