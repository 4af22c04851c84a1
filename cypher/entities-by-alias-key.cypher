// Stored entities known under these alias keys ("Person|daisuke miyajima"), one row per key found:
// the entities it names. A key of more words shared by several entities is ambiguous and left out,
// so resolution never merges two known entities. A body's one-word key (row.word: "Office|bcc")
// comes with every entity it names and each one's own keys, which tell a body named in more words
// from one known by the word alone (api/graph/alias-keys.ts decides).
UNWIND $rows AS row
MATCH (:AliasKey {key: row.key})-[:KEY_OF]->(n:Entity)
WITH row, collect(n) AS holders
WHERE size(holders) = 1 OR row.word
RETURN row.key AS key,
       [n IN holders | n.id] AS ids,
       CASE WHEN row.word THEN [n IN holders | [(n)<-[:KEY_OF]-(other:AliasKey) | other.key]] ELSE [] END AS holderKeys
