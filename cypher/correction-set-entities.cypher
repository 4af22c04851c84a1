// Name, aliases, label and properties of corrected entities, replaced as a whole.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
REMOVE n:$($labels)
SET n:$(row.label)
SET n = row.properties
SET n.id = row.id, n.name = row.name, n.aliases = row.aliases
