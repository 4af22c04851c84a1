// Article nodes and what each mentions.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.publishedAt = row.publishedAt, a.publisher = row.publisher,
    a.url = row.url, a.file = row.file
WITH a, row
UNWIND row.mentions AS entityId
MATCH (n:Entity {id: entityId})
MERGE (a)-[:MENTIONS]->(n)
