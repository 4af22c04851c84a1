// The graph model as data, defined once: node labels, relationship types with their allowed ends,
// symmetry, properties, identity and display hints. Everything else reads it: the zod schemas (and so
// validation and the OpenAPI document, graph/schema.ts), relationship keys (graph/identity.ts), the
// Neo4j schema statements (store/schema.ts) and the viewer's vocabulary (viz/src/graph/vocabulary.ts).
// Plain data with no imports, so the viewer bundles it as it is. The contract
// (../shared/docs/graph-contract.md) may be extended here, never renamed or narrowed.
// Adding a relationship type: docs/extending.md.

export interface PropertySpec {
  readonly type: 'string' | 'number' | 'boolean' | 'date' | 'year';
  readonly description: string;
  /** The only values allowed, when the property is an enumeration (a role). */
  readonly values?: readonly string[];
  /** Neo4j keeps a range index on it (queries filter on it). */
  readonly indexed?: boolean;
}

/**
 * A text shown for a relationship: the first template whose condition holds is used. `{name}` is a
 * property's value, `{caption}` the caption. Unless `when` says otherwise, a template applies when
 * every property it names is set (a non-empty string, a number or true).
 */
export interface TextTemplate {
  readonly text: string;
  /** 'true': the property is true; 'many': a number above 1 (a count of one says nothing). */
  readonly when?: Readonly<Record<string, 'true' | 'many'>>;
}

export interface LabelSpec {
  readonly description: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  readonly display: {
    readonly plural: string;
    readonly color: string;
    readonly border: string;
    /** Cytoscape node shape. */
    readonly shape: string;
    /** The same shape as an SVG polygon in a 16×16 box, for the legend (null = circle). */
    readonly points: string | null;
  };
}

export interface RelationshipSpec {
  readonly description: string;
  /** Allowed start labels ('Article' for an article's mentions). */
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** Stored once (from the smaller id to the larger) and read both ways. */
  readonly symmetric: boolean;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  /**
   * The property that tells two relationships of this type between the same two ends apart (a
   * person's two titles in one office); `caseInsensitive` when its spellings differ only in case.
   */
  readonly identity?: { readonly property: string; readonly caseInsensitive?: boolean };
  readonly display: {
    /** The type as words: legend, filters, details. */
    readonly name: string;
    readonly color: string;
    readonly lineStyle: 'solid' | 'dashed' | 'dotted';
    readonly width: number;
    /** Short text drawn on the edge ('' draws none). */
    readonly caption: readonly TextTemplate[];
    /** The relationship as a phrase from its start ('Mayor of') and from its end ('has Mayor'). */
    readonly outPhrase: readonly TextTemplate[];
    readonly inPhrase: readonly TextTemplate[];
    /** Singular and plural for the on-screen summary ("5 meetings"); types without it are not summed up. */
    readonly count?: readonly [string, string];
  };
}

export interface GraphModel {
  readonly labels: Readonly<Record<string, LabelSpec>>;
  readonly relationships: Readonly<Record<string, RelationshipSpec>>;
}

const ACTORS = ['Person', 'Office', 'Company', 'Organization'] as const;
const BODIES = ['Office', 'Company', 'Organization'] as const;
const text = (t: string): TextTemplate => ({ text: t });

// Tableau-10 hues: distinct for most colour-vision types; shapes carry the label too.
const LABELS = {
  Person: {
    description: 'a named human being',
    properties: {},
    display: { plural: 'People', color: '#4e79a7', border: '#2c4f75', shape: 'ellipse', points: null },
  },
  Office: {
    description: 'a public body: government, party committee, bureau, commission, department, consulate, embassy, friendship association, port authority',
    properties: {
      town: { type: 'string', description: "the town a body named by its kind belongs to ('City Council' of Norfolk): two towns' bodies of one name stay apart" },
    },
    display: { plural: 'Offices', color: '#f28e2b', border: '#b3600f', shape: 'round-rectangle', points: '2,3 14,3 14,13 2,13' },
  },
  Company: {
    description: 'a business: company, group, cruise line, airline, travel agency, bank, hotel, newspaper',
    properties: {},
    display: { plural: 'Companies', color: '#59a14f', border: '#346b2d', shape: 'round-hexagon', points: '4,2 12,2 15,8 12,14 4,14 1,8' },
  },
  Organization: {
    description: 'any other organised body: school, university, association, society, chamber of commerce, club, foundation',
    properties: {},
    display: { plural: 'Organizations', color: '#b07aa1', border: '#7a4c6d', shape: 'round-pentagon', points: '8,1 15,6 12,15 4,15 1,6' },
  },
  City: {
    description: 'a city or municipality (never a province, country or region)',
    properties: {
      country: { type: 'string', description: 'ISO 3166-1 alpha-2 code, where known' },
      lat: { type: 'number', description: 'latitude' },
      lon: { type: 'number', description: 'longitude' },
    },
    display: { plural: 'Cities', color: '#e15759', border: '#a02c2e', shape: 'round-triangle', points: '8,1 15,14 1,14' },
  },
  Event: {
    description: 'a named or clearly delimited happening: exchange day, forum, visit, meeting, signing ceremony, exhibition, match',
    properties: {
      date: { type: 'date', description: 'when it took place', indexed: true },
      kind: { type: 'string', description: 'what kind of happening: visit, forum, exchange day, …' },
      city: { type: 'string', description: 'id of the city it took place in' },
    },
    display: { plural: 'Events', color: '#edc948', border: '#a5871a', shape: 'round-diamond', points: '8,1 15,8 8,15 1,8' },
  },
} as const satisfies GraphModel['labels'];

export const MODEL = {
  labels: LABELS,
  // In the order the viewer lists them: the most telling first.
  relationships: {
    MET_WITH: {
      description: 'two people met',
      from: ['Person'],
      to: ['Person'],
      symmetric: true,
      properties: {
        date: { type: 'date', description: 'when they met', indexed: true },
        event: { type: 'string', description: 'id of the Event (happening) the meeting belongs to' },
      },
      // two meetings of the same two people on two dates are two edges
      identity: { property: 'date' },
      display: {
        name: 'met with', color: '#2c6fbb', lineStyle: 'solid', width: 2.5,
        caption: [text('met')], outPhrase: [text('met with')], inPhrase: [text('met with')], count: ['meeting', 'meetings'],
      },
    },
    PARTICIPATED_IN: {
      description: 'an actor or city took part in an event, in a role',
      from: [...ACTORS, 'City'],
      to: ['Event'],
      symmetric: false,
      properties: {
        role: { type: 'string', description: 'the part it played', values: ['host', 'organizer', 'speaker', 'presenter', 'attendee', 'visitor'] },
      },
      identity: { property: 'role' },
      display: {
        name: 'took part in', color: '#c49a12', lineStyle: 'solid', width: 1.8,
        caption: [text('{role}'), text('took part')], outPhrase: [text('{caption} at')], inPhrase: [text('{caption}:')],
        count: ['participation in events', 'participations in events'],
      },
    },
    HOLDS_POSITION: {
      description: 'a person holds (or held) a title in an office, company, organization or city',
      from: ['Person'],
      to: [...BODIES, 'City'],
      symmetric: false,
      properties: {
        title: { type: 'string', description: 'e.g. Mayor, Deputy Mayor, Consul General' },
        former: { type: 'boolean', description: 'the title is no longer held' },
      },
      identity: { property: 'title', caseInsensitive: true },
      display: {
        name: 'holds position', color: '#7f8c99', lineStyle: 'solid', width: 1.8,
        caption: [
          { text: 'former {title}', when: { former: 'true' } },
          { text: 'former holds position', when: { former: 'true' } },
          text('{title}'),
          text('holds position'),
        ],
        outPhrase: [text('{caption} of')],
        inPhrase: [text('has {caption}')],
      },
    },
    SISTER_CITY_OF: {
      description: 'two cities are twinned',
      from: ['City'],
      to: ['City'],
      symmetric: true,
      properties: { since: { type: 'year', description: 'the year of the twinning' } },
      display: {
        name: 'sister city of', color: '#d0393b', lineStyle: 'dashed', width: 3,
        caption: [text('sister cities since {since}'), text('sister cities')],
        outPhrase: [text('sister city (since {since}) of'), text('sister city of')],
        inPhrase: [text('sister city (since {since}) of'), text('sister city of')],
        count: ['sister-city link', 'sister-city links'],
      },
    },
    VISITED: {
      description: 'an actor visited a city',
      from: [...ACTORS],
      to: ['City'],
      symmetric: false,
      properties: {
        date: { type: 'date', description: 'when', indexed: true },
        times: { type: 'number', description: 'how many visits the article counts' },
        event: { type: 'string', description: 'id of the Event (visit) it belongs to' },
      },
      // five visits of a mayor to one city on five dates stay five edges
      identity: { property: 'date' },
      display: {
        name: 'visited', color: '#8e5ea2', lineStyle: 'dotted', width: 2.2,
        caption: [{ text: 'visited ×{times}', when: { times: 'many' } }, text('visited')],
        outPhrase: [text('{caption}')],
        inPhrase: [text('visited by')],
      },
    },
    LOCATED_IN: {
      description: 'a body or event is in a city',
      from: [...BODIES, 'Event'],
      to: ['City'],
      symmetric: false,
      properties: {},
      display: {
        // Obvious from the grey line and the legend: a caption on every one would only add clutter.
        name: 'located in', color: '#b8c0c8', lineStyle: 'solid', width: 1.2,
        caption: [text('')], outPhrase: [text('located in')], inPhrase: [text('home of')],
      },
    },
    MENTIONS: {
      description: 'an article names an entity',
      from: ['Article'],
      to: Object.keys(LABELS),
      symmetric: false,
      properties: {},
      display: {
        name: 'mentions', color: '#d5d9dd', lineStyle: 'dotted', width: 1,
        caption: [text('mentions')], outPhrase: [text('mentions')], inPhrase: [text('mentioned by')],
      },
    },
  },
} as const satisfies GraphModel;

export type EntityLabel = keyof typeof MODEL.labels;
export type RelationshipType = keyof typeof MODEL.relationships;
