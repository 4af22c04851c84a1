// Version and edition of the Neo4j server, and how big the graph is (alias-key and correction bookkeeping left out).
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition,
       COUNT { (:Entity) } + COUNT { (:Article) } AS nodes,
       COUNT { ()-[]->() } - COUNT { ()-[:KEY_OF]->() } - COUNT { ()-[:CORRECTS]->() } AS relationships
