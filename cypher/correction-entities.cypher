// Entities as a correction needs them: stored properties, the alias keys naming them, the
// articles mentioning them. One row per id found.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node,
       [(k:AliasKey)-[:KEY_OF]->(n) | k.key] AS keys,
       [(a:Article)-[:MENTIONS]->(n) | a.id] AS mentions
