// Every entity as GET /api/paths' in-memory index needs it (api/store/path-index.ts): its degree
// (all its relationships, MENTIONS included: what passing through it costs, as path-step.cypher
// counts it), whether it is an event and its date (events are filtered by date range), and its name
// (entity detail's order of facts).
MATCH (n:Entity)
RETURN n.id AS id, COUNT { (n)--() } AS degree, n:Event AS event, n.date AS date, n.name AS name
