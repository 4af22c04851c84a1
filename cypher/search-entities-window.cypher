// cypher/search-entities.cypher over Lucene's $window best hits only (before the label filter),
// with how many hits the window holds (`found`) and the lowest score in it (`floor`) on every
// row. Its rows are the full query's when the window holds every hit (found < $window), or when
// the last row (the $limit-th) scores strictly above the floor: a hit outside the window scores
// at most the floor, so it could neither enter the rows nor tie with one of them. Otherwise
// api/store/read.ts runs the full query. Same order as the full query (score, name length, id).
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $window}) YIELD node, score
WITH collect(node) AS nodes, collect(score) AS scores
WITH nodes, scores, size(scores) AS found, scores[-1] AS floor
UNWIND range(0, found - 1) AS i
WITH nodes[i] AS node, scores[i] AS score, found, floor
WHERE $label IS NULL OR $label IN labels(node)
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
       node.aliases AS aliases, score, found, floor
ORDER BY score DESC, size(node.name), node.id
LIMIT $limit
