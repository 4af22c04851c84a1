// Every relationship between these entities and others (rejected ones included), as stored.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(:Entity)
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS properties
