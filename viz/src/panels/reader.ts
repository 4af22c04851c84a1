// The article reader: an article's stored text (GET /api/articles/:id/text) in a drawer over the
// right of the picture, the evidence sentences of its facts highlighted and the ones asked for scrolled into
// view. It reads articles with or without a URL. Panels ask for it through readableEvidence and
// readableSource (a document event), so none of them needs a handle on the reader. Text goes in as
// text nodes only.
import { api, ApiError, type ArticleText, type SourceRef } from '../api.ts';
import { clear, h, safeLink } from '../dom.ts';
import { formatDate, TYPE_LOOK } from '../graph/vocabulary.ts';

export interface ReadRequest {
  /** Articles that may hold the sentences, most likely first: the first that does is shown. */
  articles: string[];
  /** The sentences to bring into view (an evidence item), or those of a relationship (a source link). */
  sentences: string[];
}

const READ_EVENT = 'exchange-graph:read';
/** How many candidate articles are fetched to find the one holding a sentence. */
const MAX_CANDIDATES = 5;

export function requestReading(request: ReadRequest): void {
  const articles = [...new Set(request.articles.filter((id) => id && !id.startsWith('analyst:')))];
  if (articles.length) document.dispatchEvent(new CustomEvent<ReadRequest>(READ_EVENT, { detail: { ...request, articles } }));
}

/** An evidence sentence that opens the reader on the article stating it. */
export function readableEvidence(sentence: string, articles: string[], testid = 'evidence'): HTMLElement {
  const readable = articles.some((id) => id && !id.startsWith('analyst:'));
  if (!readable) return h('blockquote', { class: 'evidence', testid }, sentence);
  const open = () => requestReading({ articles, sentences: [sentence] });
  return h(
    'blockquote',
    {
      class: 'evidence readable',
      testid,
      role: 'button',
      tabindex: 0,
      title: 'Read it in its article',
      onclick: open,
      onkeydown: (event: Event) => {
        if ((event as KeyboardEvent).key === 'Enter') open();
      },
    },
    sentence,
  );
}

/** "Source: title · date": the title opens the reader (highlighting `sentences`), ↗ the original page. */
export function readableSource(source: Pick<SourceRef, 'id' | 'title' | 'url' | 'publishedAt'>, sentences: string[], testid = 'source'): HTMLElement {
  const original = source.url && /^https?:\/\//i.test(source.url) ? safeLink(source.url, '↗') : null;
  original?.setAttribute('title', 'The original page');
  original?.setAttribute('data-testid', 'source-original');
  return h(
    'div',
    { class: 'source', testid },
    h('span', { class: 'source-mark' }, 'Source: '),
    h(
      'button',
      { class: 'link-button source-title', testid: 'source-read', title: 'Read the stored text', onclick: () => requestReading({ articles: [source.id], sentences }) },
      source.title || 'untitled article',
    ),
    original ? ' ' : null,
    original,
    source.publishedAt ? h('span', { class: 'muted' }, ` · ${formatDate(source.publishedAt)}`) : null,
  );
}

const squeeze = (s: string) => s.replace(/\s+/g, '').toLowerCase();

type Passage = ArticleText['passages'][number];

function factLine(f: Passage['facts'][number]): string {
  return `${f.source.name} — ${TYPE_LOOK.get(f.type)?.name ?? f.type} — ${f.target.name}`;
}

/** `text` with its passages as <mark>s (overlapping ones after the first are left plain). */
function marked(text: string, passages: Passage[], focus: (p: Passage) => boolean): (Node | string)[] {
  const out: (Node | string)[] = [];
  let at = 0;
  for (const p of passages) {
    if (p.start < at) continue;
    out.push(text.slice(at, p.start));
    const isFocus = focus(p);
    out.push(h('mark', { class: isFocus ? 'passage focus' : 'passage', testid: isFocus ? 'passage-focus' : 'passage', title: p.facts.map(factLine).join('\n') }, text.slice(p.start, p.end)));
    at = p.end;
  }
  out.push(text.slice(at));
  return out;
}

export interface ReaderOptions {
  /** The article shown changed (null: closed), so the address bar can hold it. */
  onChange(articleId: string | null): void;
}

export function createReader(opts: ReaderOptions) {
  const body = h('div', { class: 'reader-body', testid: 'reader-body' });
  const closeButton = h('button', { class: 'reader-close', testid: 'reader-close', title: 'Close the reader (Esc)', 'aria-label': 'Close the reader' }, '×');
  const root = h('aside', { class: 'reader', testid: 'reader', role: 'dialog', 'aria-label': 'Article reader', hidden: true }, closeButton, body);
  // over the picture, beside the panels, so another evidence item can be opened while reading
  (document.querySelector('.stage') ?? document.body).append(root);
  let token = 0;

  const close = () => {
    ++token;
    root.hidden = true;
    clear(body);
    opts.onChange(null);
  };
  closeButton.addEventListener('click', close);
  // Esc closes the reader only (captured before the viewer's own Esc, which clears the selection)
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || root.hidden) return;
      event.stopPropagation();
      close();
    },
    { capture: true },
  );

  const show = (found: ArticleText, sentences: string[]) => {
    const wanted = new Set(sentences.map(squeeze));
    const focus = (p: Passage) => wanted.has(squeeze(p.sentence));
    const { article, text, passages } = found;
    const inTitle = passages.filter((p) => p.field === 'title');
    const inText = passages.filter((p) => p.field === 'text');
    const focused = passages.filter(focus).length;
    clear(body);
    body.append(
      h('p', { class: 'reader-kicker' }, 'Article'),
      h('h2', { class: 'reader-title', testid: 'reader-title' }, ...marked(article.title || 'Untitled article', inTitle, focus)),
      h(
        'p',
        { class: 'reader-meta muted', testid: 'reader-meta' },
        [article.publishedAt ? formatDate(article.publishedAt) : null, article.publisher, article.file].filter(Boolean).join(' · '),
        article.url && /^https?:\/\//i.test(article.url) ? h('span', {}, article.publishedAt || article.publisher || article.file ? ' · ' : '', safeLink(article.url, 'original page ↗')) : h('span', { testid: 'reader-no-url' }, `${article.publishedAt || article.publisher || article.file ? ' · ' : ''}no URL: this stored text is the copy to read`),
      ),
      h(
        'p',
        { class: 'reader-summary', testid: 'reader-summary' },
        passages.length
          ? `${passages.length} highlighted sentence${passages.length === 1 ? '' : 's'} state${passages.length === 1 ? 's' : ''} facts of the graph (hover one for which).${sentences.length && !focused ? ' The sentence you opened is not in this text.' : ''}`
          : 'No sentence of this article is evidence of a fact in the graph.',
      ),
    );
    if (text === null) {
      body.append(h('p', { class: 'reader-missing', testid: 'reader-missing' }, 'This article was stored without its text (before texts were kept, or from a graph document that gave none).'));
      for (const u of found.unplaced) body.append(h('blockquote', { class: 'evidence', title: u.facts.map(factLine).join('\n') }, u.sentence));
    } else {
      body.append(h('div', { class: 'reader-text', testid: 'reader-text' }, ...marked(text, inText, focus)));
    }
    const marks = [...body.querySelectorAll<HTMLElement>('mark.passage')];
    let current = marks.findIndex((m) => m.classList.contains('focus'));
    if (marks.length > 1) {
      const step = (by: number) => {
        current = (current + by + marks.length) % marks.length;
        marks[current]!.scrollIntoView({ block: 'center', behavior: 'smooth' });
      };
      body.querySelector('[data-testid=reader-summary]')?.append(
        ' ',
        h('button', { class: 'link-button', testid: 'reader-previous', title: 'Previous highlighted sentence', onclick: () => step(-1) }, '‹ previous'),
        ' ',
        h('button', { class: 'link-button', testid: 'reader-next', title: 'Next highlighted sentence', onclick: () => step(1) }, 'next ›'),
      );
    }
    root.hidden = false;
    body.scrollTop = 0;
    marks[current]?.scrollIntoView({ block: 'center' });
    opts.onChange(article.id);
  };

  const open = async (request: ReadRequest) => {
    const mine = ++token;
    root.hidden = false;
    clear(body);
    body.append(h('p', { class: 'muted' }, 'Loading the article…'));
    const wanted = new Set(request.sentences.map(squeeze));
    let shown: ArticleText | null = null;
    let error: unknown = null;
    for (const id of request.articles.slice(0, MAX_CANDIDATES)) {
      let found: ArticleText;
      try {
        found = await api.articleText(id);
      } catch (err) {
        error ??= err;
        continue;
      }
      if (mine !== token) return;
      shown ??= found;
      // a relationship's evidence may come from any of its sources: show the one holding the sentence
      if (request.sentences.length !== 1 || found.passages.some((p) => wanted.has(squeeze(p.sentence)))) {
        shown = found;
        break;
      }
    }
    if (mine !== token) return;
    if (!shown) {
      clear(body);
      const gone = error instanceof ApiError && error.kind === 'not-found';
      body.append(h('p', { class: 'error', testid: 'reader-error' }, gone ? 'This article is no longer stored.' : `Could not load the article: ${(error as Error | null)?.message ?? 'no article'}`));
      return;
    }
    show(shown, request.sentences);
  };

  document.addEventListener(READ_EVENT, (event) => void open((event as CustomEvent<ReadRequest>).detail));
  return { open, close, element: root };
}
