// The two ends of GET /api/paths' search: the degree of each (all its relationships, MENTIONS
// included), what expanding it first would cost, and whether `to` may end a path under the date
// range (an event only when dated inside it: the test path-step.cypher applies to every entity
// passed through).
UNWIND [$from, $to] AS id
MATCH (m:Entity {id: id})
RETURN m.id AS id, COUNT { (m)--() } AS degree,
       m.id = $from OR NOT m:Event OR ($since IS NULL AND $until IS NULL) OR
       (m.date IS NOT NULL AND ($since IS NULL OR m.date >= left($since, size(m.date)))
                           AND ($until IS NULL OR left(m.date, size($until)) <= $until)) AS allowed
