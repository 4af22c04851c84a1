// Stored entities known under any of these alias keys ("Person|daisuke miyajima"). A key shared by
// several entities is ambiguous and left out, so resolution never merges two known entities.
UNWIND $keys AS key
MATCH (:AliasKey {key: key})-[:KEY_OF]->(n:Entity)
WITH key, collect(n.id) AS ids
WHERE size(ids) = 1
RETURN key, ids[0] AS id
