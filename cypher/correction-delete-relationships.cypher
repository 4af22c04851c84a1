// Relationships a correction replaces or takes away, by key between their ends.
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r {key: row.key}]->(:Entity {id: row.target})
DELETE r
