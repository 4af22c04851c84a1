// The ranking of GET /api/paths in one query, which the route ran until the search by levels
// (api/store/path-search.ts) replaced it; kept as the baseline `npm run bench` compares that search
// with, route for route. The shortest paths between two entities through stated facts only: relationships of the allowed
// $types between entities (articles and MENTIONS are never shortcuts), and when a date range is
// given, only through events in it. Quantifiers take literals only: at most 8 hops; $maxHops trims.
// Of the paths of that length, the $k through the most specific entities come first: a path
// through a person who met both ends says more than one through a city hundreds of things are
// located in (each intermediate entity costs log(1 + its degree), MENTIONS included: a cheap count). Paths that
// differ only in a parallel relationship (speaker and attendee of one event) count once.
MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH p = ALL SHORTEST (from)
  (()-[r WHERE type(r) IN $types]-(x:Entity WHERE
      NOT x:Event OR ($since IS NULL AND $until IS NULL) OR
      (x.date IS NOT NULL AND ($since IS NULL OR x.date >= left($since, size(x.date)))
                          AND ($until IS NULL OR left(x.date, size($until)) <= $until)))){1,8}
  (to)
WHERE length(p) <= $maxHops
WITH p, [n IN nodes(p) | n.id] AS route,
     reduce(cost = 0.0, n IN nodes(p)[1..-1] | cost + log(1 + COUNT { (n)--() })) AS hubCost
ORDER BY hubCost
WITH route, hubCost, head(collect(p)) AS p
ORDER BY hubCost, route
LIMIT $k
RETURN [n IN nodes(p) | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [rel IN relationships(p) | rel {.*, source: startNode(rel).id, target: endNode(rel).id, type: type(rel)}] AS hops
