// Relationships an analyst rejected (stored under REJECTED_<type>), under their own type, for the curated export.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) STARTS WITH 'REJECTED_'
RETURN r {.*, source: a.id, target: b.id, type: substring(type(r), size('REJECTED_'))} AS relationship
ORDER BY r.key
