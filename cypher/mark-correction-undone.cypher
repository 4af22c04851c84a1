// The undone correction points at the one that reversed it.
MATCH (c:Correction {id: $id})
SET c.undoneBy = $undoneBy
