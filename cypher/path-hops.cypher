// The relationships of the routes GET /api/paths chose: for each pair of consecutive entities
// [a, b], the fact of the allowed $types between them stated by the most articles (one per hop:
// parallel facts, such as speaker and attendee of one event, do not make another route), with the
// entities' ids as source and target in its stored direction.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]})-[r]-(b:Entity {id: pair[1]})
WHERE type(r) IN $types
WITH pair, r ORDER BY size(r.sources) DESC, r.key
WITH pair, head(collect(r)) AS rel
RETURN pair[0] AS a, pair[1] AS b, rel {.*, source: startNode(rel).id, target: endNode(rel).id, type: type(rel)} AS hop
