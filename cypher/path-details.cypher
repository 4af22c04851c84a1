// What GET /api/paths answers about the routes it chose, in one round trip, one small row each:
// - for each pair of consecutive entities [a, b] ($pairs), the fact of the allowed $types between
//   them stated by the most articles (one per hop: parallel facts, such as speaker and attendee of
//   one event, do not make another route), with the entities' ids as source and target in its
//   stored direction, its own properties as [key, value] pairs without the $bookkeeping ones (a
//   hub's facts carry thousands of statements; in the order `rel {.*}` gives them, which keys(rel)
//   does not), and the title, URL and date of its first $sources articles;
// - the entities on the routes ($ids), with every property and their label;
// - the graph's size as cypher/graph-fingerprint.cypher reads it (the count store: constant time),
//   so a search on the in-memory index can tell whether this read saw the graph it was built from.
// $factTypes (the model's fact types) is written into the pattern when the query is loaded
// (cypherWithTypes), so the hop's ends' MENTIONS are never read; $types is the request's choice.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]})-[r:$any($factTypes)]-(b:Entity {id: pair[1]})
WHERE type(r) IN $types
WITH pair, r ORDER BY size(r.sources) DESC, r.key
WITH pair, head(collect(r)) AS rel
CALL (rel) {
  UNWIND coalesce(rel.sources, [])[0..$sources] AS sourceId
  MATCH (source:Article {id: sourceId})
  RETURN collect(source {.id, .title, .url, .publishedAt}) AS articles
}
RETURN pair, rel {.key, .sources, .evidence, source: startNode(rel).id, target: endNode(rel).id, type: type(rel)} AS hop,
       [k IN keys(properties(rel)) WHERE NOT k IN $bookkeeping | [k, rel[k]]] AS properties, articles, null AS node, null AS graph
UNION ALL
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN null AS pair, null AS hop, null AS properties, null AS articles, n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node, null AS graph
UNION ALL
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN null AS pair, null AS hop, null AS properties, null AS articles, null AS node, {nodes: nodes, relationships: relationships} AS graph
