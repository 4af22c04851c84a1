// Entities just written whose id an analyst has merged into another entity (the merge's id key
// points elsewhere): the write raced the merge and must run again.
UNWIND $ids AS id
MATCH (:AliasKey {key: 'id|' + id})-[:KEY_OF]->(kept:Entity)
WHERE kept.id <> id
RETURN id
