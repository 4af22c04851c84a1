// Relationships by key between their ends, as stored.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})-[r {key: row.key}]->(b:Entity {id: row.target})
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties
