// Entities a correction creates (added by hand, split off, or back from an undone merge), with
// the articles that mention them.
UNWIND $rows AS row
CREATE (n:Entity {id: row.id})
SET n:$(row.label), n += row.properties, n.name = row.name, n.aliases = row.aliases
WITH n, row
UNWIND row.mentions AS articleId
MATCH (a:Article {id: articleId})
MERGE (a)-[:MENTIONS]->(n)
