// Stored articles, newest first.
MATCH (a:Article)
WITH a ORDER BY a.publishedAt DESC, a.id
SKIP $offset LIMIT $limit
RETURN a {.id, .title, .publishedAt, .publisher, .url, .file} AS article
