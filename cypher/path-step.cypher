// One level of the path search (api/store/path-search.ts): the entities one stated fact away from
// the $frontier, each once with the frontier entities it is joined to, its degree (all its
// relationships, MENTIONS included: a cheap count) and log(1 + degree), what passing through it
// costs a route. Only relationships of the allowed $types between entities; when a date range is
// given, events outside it are not passed through (the search's `from` end is never filtered).
// $previous: the level before the frontier, reached already. When some of the entities reached are
// in $others (the other side's frontier), the two sides meet at this level and only those are
// returned: the rest of a level that can be thousands of entities around a hub is not needed.
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[r]-(m:Entity)
WHERE type(r) IN $types AND NOT m.id IN $previous
  AND (m.id = $from OR NOT m:Event OR ($since IS NULL AND $until IS NULL) OR
       (m.date IS NOT NULL AND ($since IS NULL OR m.date >= left($since, size(m.date)))
                           AND ($until IS NULL OR left(m.date, size($until)) <= $until)))
WITH m, collect(DISTINCT id) AS parents
WITH collect({m: m, parents: parents}) AS level
WITH level, [x IN level WHERE x.m.id IN $others] AS meets
UNWIND CASE WHEN size(meets) > 0 THEN meets ELSE level END AS x
WITH x.m AS m, x.parents AS parents
WITH m, parents, COUNT { (m)--() } AS degree
RETURN m.id AS id, parents, degree, log(1 + degree) AS weight
