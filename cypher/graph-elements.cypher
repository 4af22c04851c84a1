// The viewer's first picture of a graph of any size: the $hubs best-connected entities of the asked
// labels (events only in the date range), then, up to $limit entities, the entities tied to the most
// of those hubs (then the best-connected), so the picture shows the hubs and what joins them rather
// than hubs without their ties. Then at most $edgeLimit relationships of the allowed types among
// them, sister-city ties first, then the best-sourced (each with its first sentence and 5 sources;
// sourceCount says how many articles state it). Filters apply before the limits, so what is hidden
// never takes the place of what is shown. Only the best $limit * 2 candidates are kept (a top-k sort,
// not a sorted list of every entity: on 100k articles that list broke the transaction memory limit),
// and degrees count facts without reading their far ends (facts only join entities).
CALL () {
  MATCH (n:Entity)
  WHERE ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
    AND (NOT n:Event OR ($since IS NULL AND $until IS NULL) OR
         (n.date IS NOT NULL AND ($since IS NULL OR n.date >= left($since, size(n.date)))
                             AND ($until IS NULL OR left(n.date, size($until)) <= $until)))
  WITH n, COUNT { (n)-[r]-() WHERE type(r) IN $types } AS degree
  ORDER BY degree DESC, n.id
  LIMIT $limit * 2
  RETURN collect(n) AS candidates
}
CALL () {
  MATCH (n:Entity)
  WHERE ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
    AND (NOT n:Event OR ($since IS NULL AND $until IS NULL) OR
         (n.date IS NOT NULL AND ($since IS NULL OR n.date >= left($since, size(n.date)))
                             AND ($until IS NULL OR left(n.date, size($until)) <= $until)))
  RETURN count(n) AS totalNodes
}
WITH candidates, totalNodes, candidates[..$hubs] AS hubs
CALL (hubs) {
  UNWIND hubs AS hub
  MATCH (hub)-[r]-(other:Entity)
  WHERE type(r) IN $types AND NOT other IN hubs
    AND ($labels IS NULL OR any(l IN labels(other) WHERE l IN $labels))
    AND (NOT other:Event OR ($since IS NULL AND $until IS NULL) OR
         (other.date IS NOT NULL AND ($since IS NULL OR other.date >= left($since, size(other.date)))
                                 AND ($until IS NULL OR left(other.date, size($until)) <= $until)))
  WITH DISTINCT hub, other
  WITH other, count(hub) AS ties
  WITH other, ties, COUNT { (other)-[x]-() WHERE type(x) IN $types } AS degree
  ORDER BY ties DESC, degree DESC, other.id
  LIMIT $limit
  RETURN collect(other) AS around
}
WITH hubs + around AS picked, candidates, totalNodes
WITH (picked + [n IN candidates WHERE NOT n IN picked])[..$limit] AS nodes, totalNodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $types AND b IN nodes
  WITH a, r, b ORDER BY CASE type(r) WHEN 'SISTER_CITY_OF' THEN 0 ELSE 1 END, size(r.sources) DESC, elementId(r)
  WITH collect(r {.*, source: a.id, target: b.id, type: type(r),
                  evidence: r.evidence[..1], evidenceSources: null, statedProperties: null, sources: r.sources[..5], sourceCount: size(r.sources)}) AS among
  RETURN among[..$edgeLimit] AS edges, size(among) AS edgesAmong
}
RETURN [n IN nodes | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes, edges, edgesAmong, totalNodes
