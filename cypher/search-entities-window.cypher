// search-entities.cypher over Lucene's best $window hits only: the full query reads the label and name of
// every hit (thousands for a short word's fuzzy and prefix terms) to order them. `found` and `floor` (the
// window's size and lowest score) say whether these rows are the full query's: they are when the window
// held every hit, or when the last row scores above the floor (a hit left out of the window scores at most
// the floor, so it could not be among the rows or tie with them).
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $window}) YIELD node, score
WITH collect(node) AS nodes, collect(score) AS scores, min(score) AS floor
UNWIND range(0, size(nodes) - 1) AS i
WITH nodes[i] AS node, scores[i] AS score, size(nodes) AS found, floor
WHERE node:Entity AND ($label IS NULL OR $label IN labels(node))
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
       node.aliases AS aliases, score, found, floor
ORDER BY score DESC, size(node.name)
LIMIT $limit
