// The benchmark report: every figure with the target or baseline it is judged against, printed
// as a table and written as JSON (.bench/results.json).

export type Verdict = 'ok' | 'below' | 'info';

export interface Figure {
  section: string;
  measure: string;
  value: number;
  unit: string;
  /** What the figure is judged against, e.g. "target ≥ 1 MB/s" or "compromise 0.18 MB/s". */
  against: string;
  verdict: Verdict;
}

export interface SectionOutcome {
  section: string;
  status: 'ran' | 'skipped' | 'failed';
  why?: string;
  seconds: number;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly sections: SectionOutcome[] = [];
  readonly notes: { section: string; line: string }[] = [];

  add(f: Figure): void {
    this.figures.push(f);
  }

  /** A figure with a numeric target: `higherIsBetter` decides the direction. */
  target(section: string, measure: string, value: number, unit: string, target: number, higherIsBetter: boolean, label = unit): void {
    const ok = higherIsBetter ? value >= target : value <= target;
    this.add({ section, measure, value, unit, against: `target ${higherIsBetter ? '≥' : '≤'} ${fmt(target)} ${label}`.trim(), verdict: ok ? 'ok' : 'below' });
  }

  info(section: string, measure: string, value: number, unit: string, against: string): void {
    this.add({ section, measure, value, unit, against, verdict: 'info' });
  }

  print(out: (line: string) => void = console.log): void {
    const rows = this.figures.map((f) => [f.section, f.measure, fmt(f.value), f.unit, f.against, f.verdict === 'ok' ? 'ok' : f.verdict === 'below' ? 'BELOW' : '']);
    const header = ['section', 'measure', 'value', 'unit', 'target / baseline', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
    out(line(header));
    out(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) out(line(r));
    for (const s of this.sections) if (s.status !== 'ran') out(`${s.section}: ${s.status}: ${s.why}`);
    for (const n of this.notes) out(`${n.section}: ${n.line}`);
  }

  /** The same table as Markdown, for docs/benchmarks.md. */
  markdown(): string {
    const lines = ['| section | measure | value | unit | target / baseline | |', '|---|---|---:|---|---|---|'];
    for (const f of this.figures) {
      lines.push(`| ${f.section} | ${f.measure} | ${fmt(f.value)} | ${f.unit} | ${f.against} | ${f.verdict === 'below' ? '**below**' : f.verdict === 'ok' ? 'ok' : ''} |`);
    }
    return lines.join('\n');
  }
}

/** Three significant digits, no exponent: 0.0123, 1.23, 123, 12300. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 100) return Math.round(n).toString();
  const digits = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return n.toFixed(Math.min(digits, 4));
}
