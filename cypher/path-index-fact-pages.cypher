// cypher/path-index-facts.cypher with what entity detail's page lists of each fact, for the index's
// pages of facts (api/store/fact-pages.ts; graphs up to PATH_INDEX_PAGES_MAX_RELATIONSHIPS), read as
// cypher/entity-detail.cypher reads it: its key, its own properties as [key, value] pairs without the
// $bookkeeping ones, its evidence, the ids of its first $maxSources source articles and how many it has.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN a.id AS start, b.id AS end, type(r) AS type,
       r.key AS key, [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]] AS properties,
       r.evidence AS evidence, r.evidenceSources AS evidenceSources,
       coalesce(r.sources, [])[0..$maxSources] AS sourceIds, size(coalesce(r.sources, [])) AS sourceCount
