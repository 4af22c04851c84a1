// Full-text search over names and aliases ($query is a Lucene query with fuzzy terms, built by
// api/store/fulltext.ts), optionally one label: the $limit best by score, then the shorter name,
// then the id (ascending), so that hits tied on score and name length come in a defined order.
// A common word has thousands of hits; only the hits and their scores are collected, and a hit
// after the first $limit scoring below all of them can never be among the rows, so it is dropped
// before any name is read. The hits are kept as nodes, not element ids: no id string is made for
// every hit, nor looked up again for the kept ones. The index covers :Entity nodes only, so every
// hit is an entity.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE $label IS NULL OR $label IN labels(node)
WITH collect(node) AS nodes, collect(score) AS scores
WITH nodes, scores, reduce(floor = scores[0], s IN scores[1..$limit] | CASE WHEN s < floor THEN s ELSE floor END) AS floor
UNWIND [i IN range(0, size(nodes) - 1) WHERE i < $limit OR scores[i] >= floor] AS i
// Fresh rows without the hit lists (Top would count them in every row's memory).
WITH nodes[i] AS node, scores[i] AS score, count(*) AS once
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
       node.aliases AS aliases, score
ORDER BY score DESC, size(node.name), node.id
LIMIT $limit
