// Full-text search over names and aliases ($query is a Lucene query with fuzzy terms, built by
// api/store/fulltext.ts), optionally one label; the $limit best by score, then the shorter name.
// Hits tied on both come in the order Neo4j's Top leaves them, which depends on every row it is
// given (a heap sort once more than $limit rows arrive, a stable sort otherwise): nothing in the
// query defines it (docs/benchmarks.md, § "The engine's CPU per request, ninth session").
// Lucene returns thousands of hits for a common word; only their ids and scores are collected. A
// hit after the first $limit + 1 that scores below all of the first $limit can never displace a
// row Top holds (it replaces its worst row only with a strictly better one), so it is dropped
// before any name is read; the first $limit + 1 are always kept so that Top sorts the same way.
// The index covers :Entity nodes only, so every hit is an entity.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE $label IS NULL OR $label IN labels(node)
WITH collect(elementId(node)) AS ids, collect(score) AS scores
WITH ids, scores, reduce(floor = scores[0], s IN scores[1..$limit] | CASE WHEN s < floor THEN s ELSE floor END) AS floor
UNWIND [i IN range(0, size(ids) - 1) WHERE i <= $limit OR scores[i] >= floor] AS i
// Fresh rows without the hit lists (Top would count them in every row's memory), in Lucene's order.
WITH i, ids[i] AS nodeId, scores[i] AS score, count(*) AS once
WITH nodeId, score ORDER BY i
MATCH (node) WHERE elementId(node) = nodeId
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
       node.aliases AS aliases, score
ORDER BY score DESC, size(node.name)
LIMIT $limit
