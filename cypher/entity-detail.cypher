// One entity and a page of its facts, in one round trip:
// - first row: the entity, how many facts it has, the relationships an analyst rejected (listed
//   apart, with how many articles stated them since), and the graph's size as
//   cypher/graph-fingerprint.cypher reads it (the count store: constant time), so the API can tell
//   whether this read saw the graph its in-memory index was built from; no row when the entity is unknown;
// - then one row per fact of the page ($offset, $limit; by type, then the other end's name), small
//   records (the driver decodes one large record far more slowly), with its evidence, how many
//   articles state it and the ids of the first $maxSources of them (their titles, URLs and dates come
//   from the in-memory index, else from cypher/articles-by-id.cypher). Bounded for hubs: a city named
//   by thousands of articles has thousands of facts, each with thousands of sources.
// Each relationship's own properties come as [key, value] pairs without the $bookkeeping ones: a
// hub's facts carry thousands of source ids and statements each, which this answer does not list.
// $types and $rejectedTypes are written into the patterns when the query is loaded
// (cypherWithTypes), so a hub's thousands of MENTIONS are never read; the count is then the node's degree.
MATCH (n:Entity {id: $id})
CALL () { MATCH (m) RETURN count(m) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node,
       COUNT { (n)-[:$any($types)]-() } AS total,
       [(n)-[r:$any($rejectedTypes)]-(other:Entity) | {
          id: r.key, type: substring(type(r), size('REJECTED_')),
          direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
          other: {id: other.id, label: [l IN labels(other) WHERE l <> 'Entity'][0], name: other.name},
          properties: [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]],
          evidence: r.evidence, evidenceSources: r.evidenceSources, rejectedBy: r.rejectedBy, rejectedIn: r.rejectedIn,
          restatedSince: CASE WHEN size(r.sources) > r.sourcesAtRejection THEN size(r.sources) - r.sourcesAtRejection ELSE 0 END}] AS rejected,
       {nodes: nodes, relationships: relationships} AS graph,
       null AS id, null AS type, null AS direction, null AS other, null AS properties, null AS evidence,
       null AS evidenceSources, null AS sourceIds, null AS sourceCount
UNION ALL
MATCH (n:Entity {id: $id})-[r:$any($types)]-(other:Entity)
WITH n, r, other ORDER BY type(r), other.name, r.key
SKIP $offset LIMIT $limit
RETURN null AS node, null AS total, null AS rejected, null AS graph,
       r.key AS id, type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       {id: other.id, label: [l IN labels(other) WHERE l <> 'Entity'][0], name: other.name} AS other,
       [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]] AS properties,
       r.evidence AS evidence, r.evidenceSources AS evidenceSources, coalesce(r.sources, [])[0..$maxSources] AS sourceIds,
       size(coalesce(r.sources, [])) AS sourceCount
