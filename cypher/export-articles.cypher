// Every article, for the contract's export; with its text unless $withText is false (a big graph's
// texts would not fit one JSON string).
MATCH (a:Article)
RETURN CASE WHEN $withText THEN a {.id, .title, .publishedAt, .publisher, .url, .file, .text}
            ELSE a {.id, .title, .publishedAt, .publisher, .url, .file} END AS article
ORDER BY a.id
