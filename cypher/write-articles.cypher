// Article nodes and what each mentions. CREATE, not MERGE: only articles not stored yet reach
// this statement, and an article created meanwhile by a concurrent ingest fails the uniqueness
// constraint (writeGraph then runs again and finds it stored). So the article is new and its
// MENTIONS can be created without looking for existing ones. Each MENTIONS keeps what the article
// says of the entity (name, aliases, properties as JSON) and storedAt orders the articles, so a
// delete can rebuild the entity from the articles left (entity-mentions).
UNWIND $rows AS row
CREATE (a:Article {id: row.id})
SET a.title = row.title, a.publishedAt = row.publishedAt, a.publisher = row.publisher,
    a.url = row.url, a.file = row.file, a.text = row.text, a.storedAt = timestamp()
WITH a, row
UNWIND row.mentions AS mention
MATCH (n:Entity {id: mention.id})
CREATE (a)-[:MENTIONS {name: mention.name, aliases: mention.aliases, properties: mention.properties}]->(n)
