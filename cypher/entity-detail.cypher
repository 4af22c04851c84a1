// One entity with every fact about it, each with its evidence and the articles that state it.
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-(other:Entity)
OPTIONAL MATCH (source:Article) WHERE source.id IN r.sources
WITH n, r, other, collect(source {.id, .title, .url, .publishedAt}) AS sources
ORDER BY type(r), other.name
RETURN n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node,
       [x IN collect(CASE WHEN r IS NULL THEN null ELSE {
          id: r.key, type: type(r),
          direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
          other: {id: other.id, label: [l IN labels(other) WHERE l <> 'Entity'][0], name: other.name},
          properties: properties(r), evidence: r.evidence, sources: sources} END) WHERE x IS NOT NULL] AS relationships
