// Entities a correction takes away (merged into another, or an undone addition or split) once
// they state nothing: their mentions, alias-key links and correction links go with them.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
