// Events in time order (undated last), optionally in one city (id or name) and a date range, with
// who took part in what role.
MATCH (e:Event)
WHERE ($since IS NULL OR (e.date IS NOT NULL AND e.date >= left($since, size(e.date))))
  AND ($until IS NULL OR (e.date IS NOT NULL AND left(e.date, size($until)) <= $until))
OPTIONAL MATCH (e)-[:LOCATED_IN]->(c:City)
WITH e, head(collect(c)) AS city
WHERE $city IS NULL OR (city IS NOT NULL AND (city.id = $city OR toLower(city.name) = toLower($city)
                                              OR toLower($city) IN [a IN city.aliases | toLower(a)]))
OPTIONAL MATCH (p:Entity)-[r:PARTICIPATED_IN]->(e)
WITH e, city, p, r ORDER BY p.name
RETURN e.id AS id, e.name AS name, e.date AS date, e.kind AS kind,
       CASE WHEN city IS NULL THEN null ELSE {id: city.id, name: city.name} END AS city,
       [x IN collect(CASE WHEN p IS NULL THEN null ELSE
          {id: p.id, label: [l IN labels(p) WHERE l <> 'Entity'][0], name: p.name, role: r.role} END)
        WHERE x IS NOT NULL] AS participants
ORDER BY e.date IS NULL, e.date, e.name
