/**
 * A small SVG line chart on log-log axes, for docs/: series of (x, y) points with a legend. Plain
 * SVG text, so it renders on GitHub and in any browser without a plotting package.
 */

export interface Series {
  name: string;
  colour: string;
  points: [number, number][];
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Axis ranges, powers of ten at the ends give the cleanest ticks. */
  x: [number, number];
  y: [number, number];
  series: Series[];
}

const W = 640;
const H = 380;
const PAD = { left: 64, right: 150, top: 36, bottom: 48 };

function ticks([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(lo)); decade <= hi; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade >= lo && m * decade <= hi) out.push(m * decade);
  }
  return out;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fmt = (v: number): string => (v >= 1 ? String(Number(v.toPrecision(3))) : v.toPrecision(1));

export function logLogChart(spec: ChartSpec): string {
  const sx = (v: number) => PAD.left + ((Math.log10(v) - Math.log10(spec.x[0])) / (Math.log10(spec.x[1]) - Math.log10(spec.x[0]))) * (W - PAD.left - PAD.right);
  const sy = (v: number) => H - PAD.bottom - ((Math.log10(v) - Math.log10(spec.y[0])) / (Math.log10(spec.y[1]) - Math.log10(spec.y[0]))) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${PAD.left}" y="20" font-size="14" font-weight="bold">${escape(spec.title)}</text>`,
  ];
  for (const t of ticks(spec.x)) parts.push(`<line x1="${sx(t)}" y1="${PAD.top}" x2="${sx(t)}" y2="${H - PAD.bottom}" stroke="#ddd"/><text x="${sx(t)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${fmt(t)}</text>`);
  for (const t of ticks(spec.y)) parts.push(`<line x1="${PAD.left}" y1="${sy(t)}" x2="${W - PAD.right}" y2="${sy(t)}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${sy(t) + 4}" text-anchor="end">${fmt(t)}</text>`);
  parts.push(`<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - 10}" text-anchor="middle">${escape(spec.xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(spec.yLabel)}</text>`);
  spec.series.forEach((s, i) => {
    const path = s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const [x, y] of s.points) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3.5" fill="${s.colour}"/>`);
    const ly = PAD.top + 16 + 20 * i;
    parts.push(`<line x1="${W - PAD.right + 12}" y1="${ly - 4}" x2="${W - PAD.right + 32}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"/><text x="${W - PAD.right + 38}" y="${ly}">${escape(s.name)}</text>`);
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}
