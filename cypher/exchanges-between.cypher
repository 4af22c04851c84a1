// Dated exchanges between two entities, each its own item: visits, meetings and twinning between
// them or what is based in them (a city's side is the city, the entities located in it and the
// people holding positions there), and
// the events both sides took part in or hosted. Each item with its first sentences and sources.
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
CALL (a) {
  OPTIONAL MATCH (m:Entity)-[:LOCATED_IN]->(a) WHERE NOT m:Event
  OPTIONAL MATCH (p:Person)-[:HOLDS_POSITION]->(m)
  WITH a, collect(DISTINCT m) + collect(DISTINCT p) AS based
  RETURN [a] + based AS sideA
}
CALL (b) {
  OPTIONAL MATCH (m:Entity)-[:LOCATED_IN]->(b) WHERE NOT m:Event
  OPTIONAL MATCH (p:Person)-[:HOLDS_POSITION]->(m)
  WITH b, collect(DISTINCT m) + collect(DISTINCT p) AS based
  RETURN [b] + based AS sideB
}
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)-[r:VISITED|MET_WITH|SISTER_CITY_OF]-(y:Entity)
  WHERE y IN sideB
  WITH DISTINCT r, startNode(r) AS s, endNode(r) AS t
  RETURN collect({kind: 'relationship', id: elementId(r), type: type(r),
                  date: coalesce(r.date, CASE WHEN r.since IS NULL THEN null ELSE toString(r.since) END),
                  title: s.name + ' — ' + t.name, evidence: coalesce(r.evidence, [])[..2], sources: r.sources[..5]}) AS direct
}
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)-[:PARTICIPATED_IN|LOCATED_IN]-(e:Event)
  WHERE EXISTS { MATCH (y:Entity)-[:PARTICIPATED_IN|LOCATED_IN]-(e) WHERE y IN sideB AND y <> x }
  WITH DISTINCT e
  OPTIONAL MATCH (e)-[r:PARTICIPATED_IN|LOCATED_IN]-(:Entity)
  WITH e, [s IN collect(r.evidence) WHERE s IS NOT NULL | s[0]] AS sentences, reduce(acc = [], s IN collect(r.sources) | acc + [x IN s WHERE NOT x IN acc]) AS sources
  RETURN collect({kind: 'event', id: e.id, type: 'Event', date: e.date, title: e.name, evidence: sentences[..2], sources: sources[..5]}) AS events
}
UNWIND direct + events AS item
RETURN item
ORDER BY item.date IS NULL, item.date, item.title
