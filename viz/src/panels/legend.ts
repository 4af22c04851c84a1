// Small SVG swatches that match the graph's node shapes and edge strokes, for the legend,
// search results and the details panel.
import { svg } from '../dom.ts';
import { LABEL_LOOK, TYPE_LOOK } from '../graph/vocabulary.ts';

export function swatch(label: string, size = 16): SVGSVGElement {
  const look = LABEL_LOOK.get(label);
  const root = svg('svg', { width: size, height: size, viewBox: '0 0 16 16', class: 'swatch', 'aria-hidden': 'true' });
  const paint = { fill: look?.color ?? '#9aa5b1', stroke: look?.border ?? '#5f6b77', 'stroke-width': 1.3, 'stroke-linejoin': 'round' };
  root.append(look?.points ? svg('polygon', { points: look.points, ...paint }) : svg('circle', { cx: 8, cy: 8, r: 6.5, ...paint }));
  return root;
}

export function lineSwatch(type: string): SVGSVGElement {
  const look = TYPE_LOOK.get(type);
  const root = svg('svg', { width: 28, height: 12, viewBox: '0 0 28 12', class: 'swatch', 'aria-hidden': 'true' });
  const dash = look?.lineStyle === 'dashed' ? '6 3' : look?.lineStyle === 'dotted' ? '1.5 3' : 'none';
  root.append(
    svg('line', {
      x1: 1,
      y1: 6,
      x2: look?.directed ? 21 : 27,
      y2: 6,
      stroke: look?.color ?? '#b8c0c8',
      'stroke-width': Math.min(3, look?.width ?? 1.5),
      'stroke-dasharray': dash,
      'stroke-linecap': 'round',
    }),
  );
  if (look?.directed) root.append(svg('polygon', { points: '20,2 27,6 20,10', fill: look.color }));
  return root;
}
