// Every fact between two entities, of the $types paths may follow, for GET /api/paths' in-memory
// index (api/store/path-index.ts). Each once, in its stored direction; with what entity detail's
// page lists of it (api/store/fact-pages.ts), read as cypher/entity-detail.cypher reads it: its key,
// its own properties as [key, value] pairs without the $bookkeeping ones, its evidence, the ids of
// its first $maxSources source articles and how many it has.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN a.id AS start, b.id AS end, type(r) AS type,
       r.key AS key, [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]] AS properties,
       r.evidence AS evidence, r.evidenceSources AS evidenceSources,
       coalesce(r.sources, [])[0..$maxSources] AS sourceIds, size(coalesce(r.sources, [])) AS sourceCount
