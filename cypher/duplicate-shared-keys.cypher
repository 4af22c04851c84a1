// Pairs of entities one alias key names (ingest leaves such keys out as ambiguous, so both stay),
// with each one's own keys: a body's one-word key ("Office|bcc") shared by two bodies both named in
// more words is no sign they are one (api/graph/alias-keys.ts), and the caller drops it.
MATCH (k:AliasKey)-[:KEY_OF]->(n:Entity)
WITH k, collect(n) AS holders
WHERE size(holders) > 1
UNWIND holders AS a
UNWIND holders AS b
WITH k, a, b
WHERE a.id < b.id
WITH a, b, collect(k.key) AS keys
RETURN a.id AS a, b.id AS b, keys,
       [(a)<-[:KEY_OF]-(x:AliasKey) | x.key] AS aKeys,
       [(b)<-[:KEY_OF]-(x:AliasKey) | x.key] AS bKeys
