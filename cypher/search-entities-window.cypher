// cypher/search-entities.cypher over Lucene's $window best hits only (before the label filter),
// with how many hits the window holds (`found`) and the lowest score in it (`floor`) on every
// row. Its rows are the full query's when the window holds every hit (found < $window), or when
// the last row (the $limit-th) scores strictly above the floor: a hit outside the window scores
// at most the floor, so it could neither enter the rows nor tie with one of them. Otherwise
// api/store/read.ts runs the full query. Same order as the full query (score, name length, id);
// as there, names are read only for the first $limit hits and those scoring as high as the last of them.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $window}) YIELD node, score
WITH collect(node) AS hits, collect(score) AS hitScores
WITH hits, hitScores, [i IN range(0, size(hits) - 1) WHERE $label IS NULL OR $label IN labels(hits[i])] AS labelled
WITH size(hits) AS found, hitScores[-1] AS floor, [i IN labelled | hits[i]] AS nodes, [i IN labelled | hitScores[i]] AS scores
WITH found, floor, nodes, scores, reduce(least = scores[0], s IN scores[1..$limit] | CASE WHEN s < least THEN s ELSE least END) AS least
UNWIND [i IN range(0, size(nodes) - 1) WHERE i < $limit OR scores[i] >= least] AS i
WITH nodes[i] AS node, scores[i] AS score, found, floor
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
       node.aliases AS aliases, score, found, floor
ORDER BY score DESC, size(node.name), node.id
LIMIT $limit
