// Full-text search over names and aliases ($query is a Lucene query with fuzzy terms, built by
// api/store/fulltext.ts), optionally one label.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node:Entity AND ($label IS NULL OR $label IN labels(node))
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.name AS name,
       node.aliases AS aliases, score
ORDER BY score DESC, size(node.name)
LIMIT $limit
