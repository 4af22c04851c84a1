// Article nodes and what each mentions. CREATE, not MERGE: only articles not stored yet reach
// this statement, and an article created meanwhile by a concurrent ingest fails the uniqueness
// constraint (writeGraph then runs again and finds it stored). So the article is new and its
// MENTIONS can be created without looking for existing ones.
UNWIND $rows AS row
CREATE (a:Article {id: row.id})
SET a.title = row.title, a.publishedAt = row.publishedAt, a.publisher = row.publisher,
    a.url = row.url, a.file = row.file
WITH a, row
UNWIND row.mentions AS entityId
MATCH (n:Entity {id: entityId})
CREATE (a)-[:MENTIONS]->(n)
