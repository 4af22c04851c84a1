// The viewer's first picture: the $limit best-connected entities of the asked labels (events only
// in the date range), and the relationships of the allowed types among them (each with its first
// sentence and 5 sources; sourceCount says how many articles state it).
MATCH (n:Entity)
WHERE ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
  AND (NOT n:Event OR ($since IS NULL AND $until IS NULL) OR
       (n.date IS NOT NULL AND ($since IS NULL OR n.date >= left($since, size(n.date)))
                           AND ($until IS NULL OR left(n.date, size($until)) <= $until)))
WITH n, COUNT { (n)-[r]-(:Entity) WHERE type(r) IN $types } AS degree
ORDER BY degree DESC, n.id
WITH collect(n) AS candidates
WITH candidates[..$limit] AS nodes, size(candidates) AS totalNodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $types AND b IN nodes
  RETURN collect(r {.*, source: a.id, target: b.id, type: type(r),
                     evidence: r.evidence[..1], evidenceSources: null, statedProperties: null, sources: r.sources[..5], sourceCount: size(r.sources)}) AS edges
}
RETURN [n IN nodes | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes, edges, totalNodes
