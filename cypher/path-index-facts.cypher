// Every fact between two entities, of the $types paths may follow, for GET /api/paths' in-memory
// index (api/store/path-index.ts). Each once, in its stored direction.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN a.id AS start, b.id AS end, type(r) AS type
