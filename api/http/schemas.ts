// Request and response shapes of the HTTP API, one zod schema per shape; the graph shapes
// themselves come from api/graph/schema.ts. Used for validation, types and the OpenAPI document.
import { z } from 'zod';
import {
  Article,
  CyEdge,
  CyElements,
  CyNode,
  EntityLabel,
  GraphNode,
  ID_MAX_LENGTH,
  PartialDate,
  Properties,
  RelationshipType,
} from '../graph/schema.ts';

export const ErrorResponse = z
  .object({ statusCode: z.number().int(), error: z.string(), message: z.string().describe('what is wrong, naming the field') })
  .meta({ id: 'Error' });

// Caps on every string parameter: nothing a user types is longer, and nothing longer reaches a query.
/** Entity or article id, or a name standing for an entity (from, to, city). */
const Ref = z.string().trim().min(1).max(ID_MAX_LENGTH);
const Url = z.string().max(2048);
const FileName = z.string().max(1024);
const Title = z.string().max(1000);

/** A comma-separated query parameter ("A,B") checked against an enum. */
const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
    .pipe(z.array(item));

const FactTypes = commaList(RelationshipType.exclude(['MENTIONS'])).describe('relationship types, comma-separated');
const Labels = commaList(EntityLabel).describe('entity labels, comma-separated');
const Since = PartialDate.optional().describe('only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)');
const Until = PartialDate.optional().describe('only events on or before this date');

export const EntityRef = z.object({ id: z.string(), label: EntityLabel, name: z.string() }).meta({ id: 'EntityRef' });

export const Changes = z
  .object({
    nodesCreated: z.number().int(),
    nodesDeleted: z.number().int(),
    relationshipsCreated: z.number().int(),
    relationshipsDeleted: z.number().int(),
    propertiesSet: z.number().int(),
  })
  .meta({ id: 'Changes' });

// ---- health -----------------------------------------------------------------------------------

export const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    neo4j: z.object({
      reachable: z.boolean(),
      version: z.string().nullable(),
      edition: z.string().nullable(),
      uri: z.string(),
    }),
    version: z.string().describe("this API's version"),
    counts: z.object({ nodes: z.number().int(), relationships: z.number().int() }).nullable(),
    pathIndex: z
      .object({
        entities: z.number().int(),
        facts: z.number().int(),
        builtAt: z.string(),
        pages: z.boolean().describe("whether it also holds entity detail's pages of facts (built after it; none above PATH_INDEX_PAGES_MAX_RELATIONSHIPS)"),
      })
      .nullable()
      .describe('the in-memory index GET /api/paths searches while the graph is unchanged since builtAt (null: not built yet, or the graph has more relationships than PATH_INDEX_MAX_RELATIONSHIPS)'),
  })
  .meta({ id: 'Health' });

// ---- articles ---------------------------------------------------------------------------------

export const ArticleSubmission = z
  .object({
    format: z.enum(['text', 'markdown', 'html']),
    content: z.string().min(1, 'the article is empty'),
    url: Url.optional(),
    file: FileName.optional(),
    title: Title.optional().describe('overrides the title found in the content'),
  })
  .meta({ id: 'ArticleSubmission' });

export const ArticleQuery = z.object({
  url: Url.optional().describe('where the article was published (for text bodies); an article sent again with the same URL is a new version of it'),
  title: Title.optional().describe('overrides the title found in the content'),
  file: FileName.optional().describe("the article's file name; without a URL, an article sent again with the same file name is a new version of it"),
});

export const IngestResponse = z
  .object({
    articles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(['new', 'updated', 'unchanged']),
        warnings: z
          .array(z.string())
          .optional()
          .describe('what the reader of this article should know of its extraction (e.g. a text not in English, from which few or no facts are read); absent when there is nothing to say'),
      }),
    ),
    changes: Changes,
  })
  .meta({ id: 'IngestResponse' });

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ArticleList = z.object({ articles: z.array(Article), total: z.number().int() }).meta({ id: 'ArticleList' });

export const IdParams = z.object({ id: z.string().min(1).max(ID_MAX_LENGTH) });

export const ArticleDetail = z.object({ article: Article, mentions: z.array(EntityRef) }).meta({ id: 'ArticleDetail' });

/** A fact as the reader lists it beside a highlighted sentence. */
const FactRef = z.object({ id: z.string(), type: RelationshipType, source: EntityRef, target: EntityRef });

export const ArticleText = z
  .object({
    article: Article,
    text: z.string().nullable().describe("the article's readable text as ingested (without its title); null for an article stored without it"),
    passages: z
      .array(
        z.object({
          field: z.enum(['title', 'text']).describe('where the sentence stands: in article.title or in text'),
          start: z.number().int().describe('offset of its first character (UTF-16 code units, as JavaScript strings count)'),
          end: z.number().int().describe('offset just past its last character'),
          sentence: z.string().describe('the evidence sentence as stored on the relationships'),
          facts: z.array(FactRef).describe('the relationships it is evidence of'),
        }),
      )
      .describe('the evidence sentences of the facts this article states, where they stand, in reading order'),
    unplaced: z.array(z.object({ sentence: z.string(), facts: z.array(FactRef) })).describe('sentences recorded as coming from this article but not found in its text (e.g. no text stored)'),
  })
  .meta({ id: 'ArticleText' });

export const ArticleDeleted = z.object({ deleted: z.string(), changes: Changes }).meta({ id: 'ArticleDeleted' });

// ---- entities ---------------------------------------------------------------------------------

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'say what to search for').max(200),
  label: EntityLabel.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const SearchResults = z
  .object({
    results: z.array(EntityRef.extend({ aliases: z.array(z.string()), score: z.number() })),
  })
  .meta({ id: 'SearchResults' });

export const SourceRef = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const EntityDetailQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0).describe('relationships to skip (type, then name order)'),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('at most this many relationships'),
  sources: z.coerce.number().int().min(0).max(100).default(10).describe('source articles listed per relationship'),
});

/** A relationship as seen from one of its entities. */
const RelationshipOfEntity = z.object({
  id: z.string(),
  type: RelationshipType,
  direction: z.enum(['out', 'in']),
  other: EntityRef,
  properties: Properties,
  evidence: z.array(z.string()),
});

export const EntityDetail = z
  .object({
    node: GraphNode,
    total: z.number().int().describe('relationships of the entity in all (this page lists up to limit of them)'),
    relationships: z.array(
      RelationshipOfEntity.extend({
        evidenceSources: z.array(z.string()).describe('evidenceSources[i]: the article that states evidence[i] ("analyst:NAME" for an analyst\'s sentence)'),
        sources: z.array(SourceRef).describe('the first source articles'),
        sourceCount: z.number().int().describe('articles that state it, in all'),
      }),
    ),
    rejected: z
      .array(
        RelationshipOfEntity.extend({
          rejectedBy: z.string().describe('the analyst who rejected it'),
          rejectedIn: z.string().describe('the rejecting correction'),
          restatedSince: z.number().int().describe('articles that stated it since it was rejected'),
        }),
      )
      .describe('relationships an analyst rejected: in no other answer, kept so they can be restored'),
  })
  .meta({ id: 'EntityDetail' });

export const NeighborhoodQuery = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  types: FactTypes.optional(),
  labels: Labels.optional(),
  since: Since,
  until: Until,
  limit: z.coerce.number().int().min(1).max(2000).default(200).describe('at most this many entities'),
});

export const Neighborhood = z
  .object({ center: z.string(), elements: CyElements, truncated: z.boolean() })
  .meta({ id: 'Neighborhood' });

export const NeighborCounts = z
  .object({
    id: z.string(),
    total: z.number().int().describe('distinct neighbours (entities one relationship away)'),
    labels: z.array(z.object({ label: EntityLabel, count: z.number().int() })).describe('neighbours per label, most first'),
    types: z.array(z.object({ type: RelationshipType, count: z.number().int() })).describe('neighbours per relationship type, most first (one neighbour may count under several)'),
    complete: z.boolean().describe('false for a hub with more neighbours through one type than one answer reads (10,000): the counts are then lower bounds'),
  })
  .meta({ id: 'NeighborCounts' });

export const NeighborPageQuery = z.object({
  label: EntityLabel.optional().describe('only neighbours with this label'),
  type: RelationshipType.exclude(['MENTIONS']).optional().describe('only neighbours through this relationship type (and only such relationships drawn)'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('neighbours to skip (best connected first)'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('at most this many neighbours'),
});

export const NeighborPage = z
  .object({
    center: z.string(),
    total: z.number().int().describe('neighbours matching label and type in all'),
    offset: z.number().int(),
    elements: CyElements.describe('the entity, this page of its neighbours and the relationships of the asked type(s) among them'),
    complete: z.boolean().describe('false when the hub has more neighbours through one type than one answer reads (10,000): total is then a lower bound'),
  })
  .meta({ id: 'NeighborPage' });

// ---- paths ------------------------------------------------------------------------------------

export const PathsQuery = z.object({
  from: Ref.describe('entity id or name'),
  to: Ref.describe('entity id or name'),
  maxHops: z.coerce.number().int().min(1).max(8).default(6),
  k: z.coerce.number().int().min(1).max(10).default(3).describe('at most this many paths'),
  sources: z.coerce.number().int().min(0).max(100).default(10).describe('source articles listed per relationship'),
  types: FactTypes.optional(),
  since: Since,
  until: Until,
});

/** A relationship on a path: a Cytoscape edge, and the articles that state it, titled and linked. */
export const PathEdge = CyEdge.extend({
  articles: z.array(SourceRef).describe("the first of the edge's `sources` (the query's `sources` of them), with title, URL and date"),
}).meta({ id: 'PathEdge' });

export const Paths = z
  .object({
    from: EntityRef,
    to: EntityRef,
    paths: z.array(
      z.object({
        length: z.number().int(),
        nodes: z.array(z.string()).describe('ids of the entities along the path, from `from` to `to`'),
        hops: z.array(z.string()).describe('ids of its relationships in `elements.edges`, in order'),
      }),
    ),
    elements: z
      .object({ nodes: z.array(CyNode), edges: z.array(PathEdge) })
      .describe('every entity and relationship of the paths, each once'),
    timedOut: z.boolean().describe('the search gave up (after 4 s at most); paths may be missing'),
  })
  .meta({ id: 'Paths' });

// ---- events -----------------------------------------------------------------------------------

export const ExchangesQuery = z.object({
  a: z.string().trim().min(1, 'say which entity: a=<id>').describe('entity id (a city, or an actor)'),
  b: z.string().trim().min(1, 'say which entity: b=<id>').describe('the other entity id'),
});

export const Exchanges = z
  .object({
    a: EntityRef,
    b: EntityRef,
    items: z.array(
      z.object({
        kind: z.enum(['relationship', 'event']),
        id: z.string(),
        type: z.string(),
        date: z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD; null when the articles give none'),
        title: z.string(),
        evidence: z.array(z.string()),
        sources: z.array(z.string()),
      }),
    ),
    years: z.array(z.object({ year: z.number().int(), count: z.number().int() })).describe('dated items per year, in order'),
  })
  .meta({ id: 'Exchanges' });

export const EventsQuery = z.object({
  city: Ref.optional().describe('city id or name'),
  since: Since,
  until: Until,
});

export const Events = z
  .object({
    events: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        date: z.string().nullable(),
        kind: z.string().nullable(),
        city: z.object({ id: z.string(), name: z.string() }).nullable(),
        participants: z.array(EntityRef.extend({ role: z.string().nullable() })),
      }),
    ),
  })
  .meta({ id: 'Events' });

// ---- graph ------------------------------------------------------------------------------------

export const ElementsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(20000).default(2000).describe('at most this many entities, best connected first'),
  edges: z.coerce.number().int().min(0).max(100000).default(8000).describe('at most this many relationships among them, sister-city ties first'),
  labels: Labels.optional(),
  types: FactTypes.optional(),
  since: Since,
  until: Until,
});

export const GraphElements = z
  .object({
    elements: CyElements,
    total: z.object({ nodes: z.number().int(), relationships: z.number().int() }),
    truncated: z.boolean(),
  })
  .meta({ id: 'GraphElements' });
