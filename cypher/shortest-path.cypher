// One shortest path, unranked (Neo4j's ANY SHORTEST); the same rules as shortest-paths.cypher. The
// route's fallback when the one-query form timed out; kept as a baseline of `npm run bench`.
MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH p = ANY SHORTEST (from)
  (()-[r WHERE type(r) IN $types]-(x:Entity WHERE
      NOT x:Event OR ($since IS NULL AND $until IS NULL) OR
      (x.date IS NOT NULL AND ($since IS NULL OR x.date >= left($since, size(x.date)))
                          AND ($until IS NULL OR left(x.date, size($until)) <= $until)))){1,8}
  (to)
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*, source: startNode(rel).id, target: endNode(rel).id, type: type(rel)}] AS hops
