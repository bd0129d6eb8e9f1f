/**
 * Bar charts as inline SVG for the HTML report. Plain SVG rather than a charting library: the report needs three
 * kinds of bar chart, which take a page of code here, while a library that renders SVG on the server (ECharts' SSR
 * renderer) is a megabyte to install and to load for the same bars. Text is escaped; sizes are in CSS pixels and the
 * chart scales with the page (viewBox), so it prints as sharp as it shows.
 */
import { displayWidth, neutralise } from "./text.js";

export function escapeHtml(text: string): string {
  return neutralise(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Rough width of a label in pixels at the chart's font size: CJK characters are about twice a Latin one. */
function labelWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 1 : 0.56;
  return units * size;
}

/** The label cut with an ellipsis to fit `space` pixels; the whole label stays in a tooltip. */
function fitLabel(text: string, space: number, size: number): string {
  if (labelWidth(text, size) <= space) return escapeHtml(text);
  let cut = "";
  for (const ch of text) {
    if (labelWidth(`${cut}${ch}…`, size) > space) break;
    cut += ch;
  }
  return `${escapeHtml(cut)}…<title>${escapeHtml(text)}</title>`;
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

export interface Bar {
  label: string;
  value: number;
  /** a CSS class for the bar's colour */
  tone?: string;
  /** text after the bar instead of the value */
  note?: string;
}

/** Horizontal bars, one a row, scaled to the largest value. */
export function barChart(bars: readonly Bar[], options: { title: string; width?: number }): string {
  const width = options.width ?? 1000;
  const size = 13;
  const row = 24;
  // folded rather than spread: an overview has a bar per region, more than a call takes arguments in a country
  const labelSpace = Math.min(width * 0.45, bars.reduce((most, b) => Math.max(most, labelWidth(b.label, size)), 60) + 12);
  const noteSpace = 110;
  const plot = width - labelSpace - noteSpace;
  const max = bars.reduce((most, b) => Math.max(most, b.value), 1);
  const height = bars.length * row + 8;
  let body = "";
  bars.forEach((b, i) => {
    const y = i * row + 4;
    const w = Math.max(b.value > 0 ? 1 : 0, (b.value / max) * plot);
    body += `<text x="${labelSpace - 8}" y="${y + 16}" text-anchor="end">${fitLabel(b.label, labelSpace - 12, size)}</text>`;
    body += `<rect class="${b.tone ?? "bar"}" x="${labelSpace}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}"/>`;
    body += `<text x="${(labelSpace + w + 6).toFixed(1)}" y="${y + 16}">${escapeHtml(b.note ?? fmt(b.value))}</text>`;
  });
  return svg(width, height, options.title, body);
}

export interface Attainment {
  label: string;
  /** current as a share of what is required (1 = met exactly) */
  ratio: number;
  tone: string;
  note: string;
}

/** Each target's current figure against its requirement: a bar to the current share, a line at 100%. */
export function attainmentChart(rows: readonly Attainment[], options: { title: string; width?: number; requiredLabel: string }): string {
  const width = options.width ?? 1000;
  const size = 13;
  const row = 24;
  const labelSpace = Math.min(width * 0.42, Math.max(60, ...rows.map((r) => labelWidth(r.label, size))) + 12);
  const noteSpace = Math.min(260, Math.max(120, ...rows.map((r) => labelWidth(r.note, size))) + 16);
  const plot = width - labelSpace - noteSpace;
  const cap = 1.5;
  const scale = plot / cap;
  const height = rows.length * row + 26;
  let body = "";
  rows.forEach((r, i) => {
    const y = i * row + 4;
    const w = Math.min(cap, Math.max(0, r.ratio)) * scale;
    body += `<text x="${labelSpace - 8}" y="${y + 16}" text-anchor="end">${fitLabel(r.label, labelSpace - 12, size)}</text>`;
    body += `<rect class="${r.tone}" x="${labelSpace}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}"/>`;
    body += `<text x="${labelSpace + plot + 8}" y="${y + 16}">${fitLabel(r.note, noteSpace - 12, size)}</text>`;
  });
  const x = labelSpace + scale;
  const bottom = rows.length * row + 6;
  body += `<line class="goal" x1="${x}" y1="0" x2="${x}" y2="${bottom}"/>`;
  body += `<text class="axis" x="${x}" y="${bottom + 14}" text-anchor="middle">${escapeHtml(options.requiredLabel)}</text>`;
  return svg(width, height, options.title, body);
}

export interface Series {
  name: string;
  values: number[];
}

/** Columns per year, one colour per series, side by side, with a legend. */
export function groupedColumns(categories: readonly string[], series: readonly Series[], options: { title: string; width?: number }): string {
  const width = options.width ?? 1000;
  const left = 48;
  const plotHeight = 200;
  const legendRow = 18;
  const legend = legendFlow(series.map((s) => s.name), left, width - 10);
  const legendHeight = legend.rows * legendRow + 6;
  const top = 10;
  const height = top + plotHeight + 24 + legendHeight;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const group = (width - left - 10) / Math.max(1, categories.length);
  const barWidth = Math.max(2, Math.min(28, (group * 0.8) / Math.max(1, series.length)));
  let body = "";
  // four gridlines with their values
  for (let k = 0; k <= 4; k++) {
    const value = (max * k) / 4;
    const y = top + plotHeight - (plotHeight * k) / 4;
    body += `<line class="grid" x1="${left}" y1="${y.toFixed(1)}" x2="${width - 10}" y2="${y.toFixed(1)}"/>`;
    body += `<text class="axis" x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${fmt(Math.round(value))}</text>`;
  }
  categories.forEach((c, i) => {
    const start = left + i * group + (group - barWidth * series.length) / 2;
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const h = (v / max) * plotHeight;
      body += `<rect class="s${k % 10}" x="${(start + k * barWidth).toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeHtml(`${s.name} ${c}: ${fmt(v)}`)}</title></rect>`;
    });
    body += `<text class="axis" x="${(left + i * group + group / 2).toFixed(1)}" y="${top + plotHeight + 16}" text-anchor="middle">${escapeHtml(c)}</text>`;
  });
  series.forEach((s, k) => {
    const { x, row } = legend.places[k]!;
    const y = top + plotHeight + 30 + row * legendRow;
    body += `<rect class="s${k % 10}" x="${x}" y="${y}" width="10" height="10"/><text x="${x + 14}" y="${y + 9}">${escapeHtml(s.name)}</text>`;
  });
  return svg(width, height, options.title, body);
}

/** px per display column of the charts' 13px text (a CJK character is two columns), a little over the average */
const LEGEND_COLUMN_PX = 7;

/**
 * Legend entries laid out as text is, left to right, each as wide as its name, a new row when the next would pass
 * `right`: a long category name never runs into the next entry.
 */
function legendFlow(names: readonly string[], left: number, right: number): { places: Array<{ x: number; row: number }>; rows: number } {
  const places: Array<{ x: number; row: number }> = [];
  let x = left;
  let row = 0;
  for (const name of names) {
    const width = 14 + displayWidth(neutralise(name)) * LEGEND_COLUMN_PX + 18;
    if (x > left && x + width > right) {
      row++;
      x = left;
    }
    places.push({ x, row });
    x += width;
  }
  return { places, rows: names.length ? row + 1 : 0 };
}

function svg(width: number, height: number, title: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${body}</svg>`;
}
