// Up to $k shortest paths between two entities through stated facts only: relationships of the
// allowed $types between entities (articles and MENTIONS are never shortcuts), and when a date
// range is given, only through events in it. SHORTEST takes literals only: the search finds at
// most 10 paths of at most 8 hops; $maxHops and $k (<= 10) trim.
MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH p = SHORTEST 10 (from)
  (()-[r WHERE type(r) IN $types]-(x:Entity WHERE
      NOT x:Event OR ($since IS NULL AND $until IS NULL) OR
      (x.date IS NOT NULL AND ($since IS NULL OR x.date >= left($since, size(x.date)))
                          AND ($until IS NULL OR left(x.date, size($until)) <= $until)))){1,8}
  (to)
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*, source: startNode(rel).id, target: endNode(rel).id, type: type(rel)}] AS hops
ORDER BY length(p)
LIMIT $k
