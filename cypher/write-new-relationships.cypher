// Relationships write-relationships did not find: created with their key, properties, sources and
// evidence in one go (row.properties carries all of them). Safe without MERGE because both
// endpoints are write-locked by this transaction (see write-relationships).
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
