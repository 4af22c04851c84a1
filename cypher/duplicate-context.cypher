// What the graph says about candidate pairs: the cities, offices and other entities both are located
// in or hold positions at, and how many articles mention both.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair.a}), (b:Entity {id: pair.b})
RETURN pair.a AS a, pair.b AS b,
       [(a)-[:LOCATED_IN|HOLDS_POSITION]->(x:Entity)<-[:LOCATED_IN|HOLDS_POSITION]-(b) | x.name] AS places,
       COUNT { (a)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(b) } AS together
