// Every entity as GET /api/paths' in-memory index needs it (api/store/path-index.ts): its degree
// (all its relationships, MENTIONS included: what passing through it costs, as path-step.cypher
// counts it), and whether it is an event and its date (events are filtered by date range).
MATCH (n:Entity)
RETURN n.id AS id, COUNT { (n)--() } AS degree, n:Event AS event, n.date AS date
