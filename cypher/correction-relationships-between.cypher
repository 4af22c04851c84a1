// The relationships between two entities, either direction, rejected ones included.
MATCH (a:Entity {id: $source})-[r]-(b:Entity {id: $target})
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS properties
