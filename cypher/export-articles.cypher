// Every article, for the contract's export.
MATCH (a:Article)
RETURN a {.id, .title, .publishedAt, .publisher, .url, .file, .text} AS article
ORDER BY a.id
