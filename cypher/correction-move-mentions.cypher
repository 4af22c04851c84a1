// Articles' mentions move from one entity to another, with what each article stated of it.
UNWIND $rows AS row
MATCH (to:Entity {id: row.to})
UNWIND row.articles AS articleId
MATCH (a:Article {id: articleId})
OPTIONAL MATCH (a)-[m:MENTIONS]->(:Entity {id: row.from})
WITH a, to, m, properties(m) AS stated
DELETE m
MERGE (a)-[moved:MENTIONS]->(to)
SET moved += coalesce(stated, {})
