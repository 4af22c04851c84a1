// What the articles still mentioning these entities state of them (see write-articles), reduced
// here rather than shipped mention by mention (a city is mentioned by thousands): the name the
// oldest article gives, every distinct name and alias, and every distinct set of properties,
// oldest first. Entities stored before mentions kept this (a mention without a name) are left out
// and keep what they have, as do entities an analyst corrected (their names and properties are the
// analyst's). `current` is what is stored, so unchanged entities need no write.
UNWIND $entityIds AS entityId
MATCH (n:Entity {id: entityId})<-[m:MENTIONS]-(a:Article)
WHERE NOT EXISTS { (:Correction)-[:CORRECTS]->(n) }
WITH n, m, a ORDER BY coalesce(a.storedAt, 0), a.id
WITH n, collect(m.name) AS names, collect(m.aliases) AS aliasLists, collect(m.properties) AS propertyLists, count(m) AS mentions
WHERE size(names) = mentions
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, names[0] AS name,
       reduce(acc = [], x IN names + reduce(all = [], l IN aliasLists | all + l) | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS names,
       reduce(acc = [], p IN propertyLists | CASE WHEN p IN acc THEN acc ELSE acc + p END) AS properties,
       properties(n) AS current
