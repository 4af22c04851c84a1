// The evidence report: what is on screen as a printable HTML page an analyst can file or send,
// each relationship with the sentences that state it and the articles they come from. Built as a
// separate DOM (text nodes only, never HTML from the data) and downloaded as one file.
import { articleById, type CyElements } from './api.ts';
import type { GraphCanvas } from './graph/canvas.ts';
import { formatDate, LABELS, relationPhrase, TYPES } from './graph/vocabulary.ts';

const REPORT_CSS = `
body { font: 14px/1.5 system-ui, sans-serif; color: #1f2933; max-width: 880px; margin: 32px auto; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #d9dee3; padding-bottom: 4px; }
.meta { color: #52606d; margin: 0 0 12px; }
.rel { margin: 0 0 16px; break-inside: avoid; }
.rel-head { font-weight: 600; }
blockquote { margin: 4px 0 4px 12px; padding-left: 10px; border-left: 3px solid #c49a12; font-style: italic; }
.sources { margin: 2px 0 0 12px; padding: 0; list-style: none; color: #52606d; font-size: 13px; }
a { color: #2c6fbb; }
@media print { body { margin: 0; } a { color: inherit; } }
`;

export interface ReportInput {
  title: string;
  /** What the picture is: "Overview …", "Paths from … to …". */
  context: string;
}

/** The viewer opened on an article's stored text (the reader), from wherever the report is read. */
const readerLink = (articleId: string) => `${location.origin}${location.pathname}?${new URLSearchParams({ read: articleId })}`;

/** The report document for what `canvas` shows; article titles and links are fetched once each. */
export async function evidenceReport(canvas: GraphCanvas, input: ReportInput): Promise<string> {
  const doc = document.implementation.createHTMLDocument(input.title);
  const el = (tag: string, text?: string, cls?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };
  const style = el('style', REPORT_CSS);
  doc.head.append(style);
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.prepend(meta);

  // What is on screen carries the API's element data (plus positions), so it reads as CyElements.
  const elements = canvas.visibleElements() as CyElements;
  const names = new Map(elements.nodes.map((n) => [n.data.id, String(n.data.name)]));
  const body = doc.body;
  body.append(el('h1', input.title), el('p', input.context, 'meta'));
  const labelCounts = LABELS.map((l) => [l, elements.nodes.filter((n) => n.data.label === l.label).length] as const).filter(([, n]) => n > 0);
  body.append(
    el(
      'p',
      `${elements.nodes.length} entities (${labelCounts.map(([l, n]) => `${n} ${n === 1 ? l.label.toLowerCase() : l.plural.toLowerCase()}`).join(', ')}), ${elements.edges.length} relationships. Exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC from ${location.href}`,
      'meta',
    ),
  );

  const articleIds = [...new Set(elements.edges.flatMap((e) => e.data.sources))];
  const articles = new Map<string, Awaited<ReturnType<typeof articleById>>>(await Promise.all(articleIds.map(async (id) => [id, await articleById(id)] as const)));

  for (const look of TYPES) {
    const edges = elements.edges.filter((e) => e.data.type === look.type);
    if (!edges.length) continue;
    const section = el('section');
    section.append(el('h2', `${look.name[0]!.toUpperCase()}${look.name.slice(1)} (${edges.length})`));
    for (const edge of edges) {
      const d = edge.data;
      const item = el('div', undefined, 'rel');
      item.dataset.type = d.type;
      item.append(el('div', `${names.get(d.source) ?? d.source} — ${relationPhrase(d.type, d, 'out')} — ${names.get(d.target) ?? d.target}`, 'rel-head'));
      for (const sentence of d.evidence) item.append(el('blockquote', sentence));
      const list = el('ul', undefined, 'sources');
      for (const id of d.sources) {
        const article = articles.get(id);
        const li = el('li', 'Source: ');
        if (article?.url && /^https?:\/\//i.test(article.url)) {
          const a = el('a', article.title || article.url) as HTMLAnchorElement;
          a.href = article.url;
          li.append(a);
        } else {
          li.append(doc.createTextNode(article?.title || `article ${id}`));
        }
        if (article?.publishedAt) li.append(doc.createTextNode(` · ${formatDate(article.publishedAt)}`));
        if (article) {
          // the stored text in the viewer's reader: the only copy of an article without a URL
          const read = el('a', 'stored text') as HTMLAnchorElement;
          read.href = readerLink(id);
          li.append(doc.createTextNode(' · '), read);
        }
        list.append(li);
      }
      const more = Number(d.sourceCount ?? d.sources.length) - d.sources.length;
      if (more > 0) list.append(el('li', `and ${more} more article${more === 1 ? '' : 's'}`));
      item.append(list);
      section.append(item);
    }
    body.append(section);
  }
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
