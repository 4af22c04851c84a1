// Delete the article nodes and their MENTIONS; return the entities they mentioned so orphans can go.
UNWIND $articleIds AS articleId
MATCH (a:Article {id: articleId})
OPTIONAL MATCH (a)-[:MENTIONS]->(n:Entity)
WITH a, collect(n.id) AS mentioned
DETACH DELETE a
RETURN mentioned
