// One shortest path (the fallback when enumerating all shortest paths takes too long); the same
// rules as shortest-paths.cypher.
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
