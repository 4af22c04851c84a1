// Whether the `to` end of GET /api/paths may end a path under the date range: an event only when
// it is dated inside it (the same test as path-step.cypher applies to every entity passed through).
MATCH (m:Entity {id: $to})
RETURN NOT m:Event OR ($since IS NULL AND $until IS NULL) OR
       (m.date IS NOT NULL AND ($since IS NULL OR m.date >= left($since, size(m.date)))
                           AND ($until IS NULL OR left(m.date, size($until)) <= $until)) AS allowed
