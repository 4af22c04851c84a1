// Every entity as GET /api/paths' in-memory index needs it (api/store/path-index.ts): its degree
// (all its relationships, MENTIONS included: what passing through it costs, as path-step.cypher
// counts it), and whether it is an event and its date (events are filtered by date range); and its
// label and name, as entity detail's pages list it at the other end of a fact (api/store/fact-pages.ts).
MATCH (n:Entity)
RETURN n.id AS id, COUNT { (n)--() } AS degree, n:Event AS event, n.date AS date,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name
