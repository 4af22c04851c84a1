// Export what is on screen: a PNG of the current viewport, the visible elements as JSON, and the
// evidence report (HTML).
import type { GraphCanvas } from './graph/canvas.ts';
import { LABELS, TYPES } from './graph/vocabulary.ts';
import { evidenceReport, type ReportInput } from './report.ts';

function download(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

const stamp = () => new Date().toISOString().slice(0, 19).replaceAll(':', '-');

const PNG_SCALE = 2;

/**
 * The view as PNG with a title above (what the picture is, when it was taken) and a legend below
 * (the labels and relationship types on screen, with their counts), so it reads on its own.
 */
export async function exportPng(canvas: GraphCanvas, title: string, subtitle: string): Promise<void> {
  const graph = new Image();
  // Transparent, so the map view's base map (painted first) shows through; the page is white anyway.
  graph.src = canvas.cy.png({ output: 'base64uri', full: false, scale: PNG_SCALE, maxWidth: 8000, maxHeight: 8000 });
  await graph.decode();
  const visible = canvas.entities().filter(':visible');
  const labels = LABELS.map((l) => ({ color: l.color, text: l.plural, count: visible.nodes(`[label = "${l.label}"]`).length })).filter((x) => x.count > 0);
  const types = TYPES.map((t) => ({ color: t.color, text: t.name, count: visible.edges(`[type = "${t.type}"]`).length })).filter((x) => x.count > 0);

  const s = PNG_SCALE;
  const header = 64 * s;
  const rowHeight = 22 * s;
  const legend = (2 + (labels.length ? 1 : 0) + (types.length ? 1 : 0)) * rowHeight;
  const out = document.createElement('canvas');
  out.width = graph.width;
  out.height = header + graph.height + legend;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1f2933';
  ctx.font = `600 ${20 * s}px system-ui, sans-serif`;
  ctx.fillText(title, 16 * s, 28 * s, out.width - 32 * s);
  ctx.fillStyle = '#52606d';
  ctx.font = `${13 * s}px system-ui, sans-serif`;
  ctx.fillText(subtitle, 16 * s, 50 * s, out.width - 32 * s);
  canvas.map.paint(ctx, { x: 0, y: header }, graph.width / canvas.cy.width());
  ctx.drawImage(graph, 0, header);
  ctx.strokeStyle = '#d9dee3';
  ctx.strokeRect(0.5, header + 0.5, out.width - 1, graph.height - 1);

  let y = header + graph.height + rowHeight;
  const row = (items: { color: string; text: string; count: number }[], mark: 'dot' | 'line') => {
    let x = 16 * s;
    for (const item of items) {
      ctx.fillStyle = item.color;
      ctx.strokeStyle = item.color;
      if (mark === 'dot') {
        ctx.beginPath();
        ctx.arc(x + 6 * s, y - 5 * s, 6 * s, 0, Math.PI * 2);
        ctx.fill();
      } else {
        ctx.lineWidth = 3 * s;
        ctx.beginPath();
        ctx.moveTo(x, y - 5 * s);
        ctx.lineTo(x + 18 * s, y - 5 * s);
        ctx.stroke();
      }
      ctx.fillStyle = '#1f2933';
      const text = `${item.text} ${item.count}`;
      ctx.fillText(text, x + 24 * s, y);
      x += 24 * s + ctx.measureText(text).width + 18 * s;
    }
    y += rowHeight;
  };
  ctx.font = `${13 * s}px system-ui, sans-serif`;
  if (labels.length) row(labels, 'dot');
  if (types.length) row(types, 'line');
  ctx.fillStyle = '#52606d';
  ctx.fillText(`Exchange Graph · ${new Date().toISOString().slice(0, 10)} · each line is stated in a source article; the evidence report lists them · ${location.href}`, 16 * s, y, out.width - 32 * s);
  const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
  download(blob, `exchange-graph-${stamp()}.png`);
}

export function exportJson(canvas: GraphCanvas): void {
  const elements = canvas.visibleElements();
  const document = {
    exportedAt: new Date().toISOString(),
    link: location.href,
    view: canvas.currentView(),
    counts: { nodes: elements.nodes.length, edges: elements.edges.length },
    elements,
  };
  download(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), `exchange-graph-${stamp()}.json`);
}

export async function exportReport(canvas: GraphCanvas, input: ReportInput): Promise<void> {
  const html = await evidenceReport(canvas, input);
  download(new Blob([html], { type: 'text/html' }), `exchange-graph-evidence-${stamp()}.html`);
}
