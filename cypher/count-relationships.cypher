// How many relationships of the allowed types join entities.
MATCH (:Entity)-[r]->(:Entity)
WHERE type(r) IN $types
RETURN count(r) AS total
