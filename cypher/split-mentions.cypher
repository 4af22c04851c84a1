// Mentions an analyst split off into another entity, for incoming articles: alias keys
// "split|<article URL, file or id>|<entity id>" (api/curation/ops.ts splitMentionKey), found by prefix.
UNWIND $prefixes AS prefix
MATCH (k:AliasKey)-[:KEY_OF]->(n:Entity)
WHERE k.key STARTS WITH prefix
RETURN prefix, substring(k.key, size(prefix)) AS entity, n.id AS id
