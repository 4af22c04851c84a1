// One article and the entities it mentions.
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:MENTIONS]->(n:Entity)
WITH a, n ORDER BY n.name
RETURN a {.id, .title, .publishedAt, .publisher, .url, .file} AS article,
       [m IN collect(n) | {id: m.id, label: [l IN labels(m) WHERE l <> 'Entity'][0], name: m.name}] AS mentions
