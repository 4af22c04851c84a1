// The entities with these ids and the relationships of the allowed types among them, as
// Cytoscape elements' data. A fact stated by hundreds of articles brings its first sentence and
// 5 sources (sourceCount says how many; GET /api/entities/:id has them all).
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $types AND b IN nodes
  RETURN collect(r {.*, source: a.id, target: b.id, type: type(r),
                     evidence: r.evidence[..1], evidenceSources: null, statedProperties: null, sources: r.sources[..5], sourceCount: size(r.sources)}) AS edges
}
RETURN [n IN nodes | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes, edges
