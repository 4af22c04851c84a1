// Title, URL and date of the articles with these ids: the sources shown with each hop of a path.
MATCH (a:Article)
WHERE a.id IN $ids
RETURN a.id AS id, a.title AS title, a.url AS url, a.publishedAt AS publishedAt
