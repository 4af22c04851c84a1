// Export what is on screen: a PNG of the current viewport, the visible elements as JSON, and the
// evidence report (HTML).
import type { GraphCanvas } from './graph/canvas.ts';
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

export function exportPng(canvas: GraphCanvas): void {
  const blob = canvas.cy.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2, maxWidth: 8000, maxHeight: 8000 });
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
