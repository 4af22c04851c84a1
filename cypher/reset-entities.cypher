// Entities rebuilt from the articles that still mention them (entityFromMentions): every property
// is replaced, so a name, alias or property only a deleted article stated is gone.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n = row.stored
