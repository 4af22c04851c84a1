// Articles' mentions move from one entity to another.
UNWIND $rows AS row
MATCH (to:Entity {id: row.to})
UNWIND row.articles AS articleId
MATCH (a:Article {id: articleId})
OPTIONAL MATCH (a)-[m:MENTIONS]->(:Entity {id: row.from})
DELETE m
MERGE (a)-[:MENTIONS]->(to)
