// One ring of a neighbourhood: the entities next to $frontier through the allowed types, leaving out
// events outside the date range and labels not asked for.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE type(r) IN $types
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  AND (NOT m:Event OR ($since IS NULL AND $until IS NULL) OR
       (m.date IS NOT NULL AND ($since IS NULL OR m.date >= left($since, size(m.date)))
                           AND ($until IS NULL OR left(m.date, size($until)) <= $until)))
  AND NOT m.id IN $seen
RETURN DISTINCT m.id AS id
LIMIT $limit
