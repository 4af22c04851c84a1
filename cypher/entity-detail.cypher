// One entity, how many facts it has, and the relationships an analyst rejected (listed apart, with
// how many articles stated them since); its page of facts is cypher/entity-facts.cypher. Each
// relationship's own properties come as [key, value] pairs without the $bookkeeping ones.
// $types and $rejectedTypes are written into the patterns when the query is loaded
// (cypherWithTypes), so a hub's thousands of MENTIONS are never read; the count is then the node's degree.
// With the graph's size as cypher/graph-fingerprint.cypher reads it (the count store: constant time),
// so the API can tell whether this read saw the graph its in-memory index was built from.
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
       {nodes: nodes, relationships: relationships} AS graph
