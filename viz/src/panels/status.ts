// What the page is doing, said plainly: a centred overlay for loading / empty / error / too-big,
// a banner for standing notes (truncated graph, hidden nodes in a view) and short toasts.
import { append, clear, h } from '../dom.ts';

export type PageState = 'loading' | 'ready' | 'empty' | 'error' | 'too-big';

export interface OverlayAction {
  text: string;
  run: () => void;
}

export function createStatus(overlay: HTMLElement, banner: HTMLElement, toasts: HTMLElement) {
  const setState = (state: PageState) => {
    document.body.dataset.state = state;
  };

  return {
    loading(text: string) {
      setState('loading');
      clear(overlay);
      overlay.hidden = false;
      overlay.dataset.kind = 'loading';
      overlay.append(h('div', { class: 'spinner', 'aria-hidden': 'true' }), h('p', { testid: 'status-text' }, text));
    },
    show(state: Exclude<PageState, 'loading' | 'ready'>, title: string, detail: string, actions: OverlayAction[] = []) {
      setState(state);
      clear(overlay);
      overlay.hidden = false;
      overlay.dataset.kind = state;
      overlay.append(
        h(
          'div',
          { class: 'status-card', role: state === 'error' ? 'alert' : 'status' },
          h('h2', { testid: 'status-title' }, title),
          h('p', { testid: 'status-text' }, detail),
          h('div', { class: 'status-actions' }, ...actions.map((a, i) => h('button', { class: i === 0 ? 'primary' : '', onclick: a.run }, a.text))),
        ),
      );
    },
    ready() {
      setState('ready');
      overlay.hidden = true;
      clear(overlay);
    },
    banner(text: string | null, action?: OverlayAction) {
      clear(banner);
      banner.hidden = !text;
      if (text) append(banner, h('span', { testid: 'banner-text' }, text), action ? h('button', { class: 'link-button', onclick: action.run }, action.text) : null);
    },
    toast(text: string, kind: 'info' | 'error' = 'info') {
      const node = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', testid: 'toast' }, text);
      toasts.append(node);
      setTimeout(() => node.remove(), kind === 'error' ? 6000 : 3500);
    },
  };
}

export type Status = ReturnType<typeof createStatus>;
