// One article's stored text and the facts it is a source of, with their evidence sentences (the
// reader highlights those it finds in the text). Each fact is read once, from its start node among
// the entities the article mentions; bounded by $limit facts for an article naming very many.
MATCH (a:Article {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[:MENTIONS]->(x:Entity)-[r]->(y:Entity)
  WHERE type(r) IN $types AND $id IN r.sources
  WITH x, r, y LIMIT $limit
  RETURN [f IN collect(CASE WHEN r IS NULL THEN null ELSE {
            id: r.key, type: type(r), evidence: r.evidence, evidenceSources: r.evidenceSources,
            source: {id: x.id, label: [l IN labels(x) WHERE l <> 'Entity'][0], name: x.name},
            target: {id: y.id, label: [l IN labels(y) WHERE l <> 'Entity'][0], name: y.name}} END) WHERE f IS NOT NULL] AS facts
}
RETURN a {.id, .title, .publishedAt, .publisher, .url, .file} AS article, a.text AS text, facts
