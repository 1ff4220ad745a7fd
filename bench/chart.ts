export interface Series {
  name: string;
  color: string;
  dashed?: boolean;
  points: [number, number][];
}

const W = 720;
const H = 420;
const M = { left: 70, right: 220, top: 40, bottom: 55 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A small self-contained SVG line chart: categorical x (e.g. client counts), logarithmic y
 * (latencies span three decades between the servers), legend on the right.
 */
export function lineChart(opts: { title: string; xLabel: string; yLabel: string; series: Series[] }): string {
  const xs = [...new Set(opts.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const ys = opts.series.flatMap((s) => s.points.map((p) => p[1])).filter((y) => y > 0);
  const lo = Math.floor(Math.log10(Math.min(...ys, 1)));
  const hi = Math.ceil(Math.log10(Math.max(...ys, 10)));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const xAt = (x: number) => M.left + (xs.length === 1 ? plotW / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotW);
  const yAt = (y: number) => M.top + plotH - ((Math.log10(Math.max(y, 10 ** lo)) - lo) / (hi - lo)) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${M.left}" y="22" font-size="15" font-weight="600">${esc(opts.title)}</text>`);
  for (let d = lo; d <= hi; d++) {
    const y = yAt(10 ** d);
    parts.push(`<line x1="${M.left}" x2="${M.left + plotW}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    const label = 10 ** d >= 1 ? String(10 ** d) : (10 ** d).toFixed(-d);
    parts.push(`<text x="${M.left - 8}" y="${y + 4}" text-anchor="end" fill="#374151">${label}</text>`);
  }
  for (const x of xs) {
    parts.push(`<line x1="${xAt(x)}" x2="${xAt(x)}" y1="${M.top}" y2="${M.top + plotH}" stroke="#f3f4f6"/>`);
    parts.push(`<text x="${xAt(x)}" y="${M.top + plotH + 18}" text-anchor="middle" fill="#374151">${x}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#9ca3af"/>`);
  parts.push(`<text x="${M.left + plotW / 2}" y="${H - 12}" text-anchor="middle">${esc(opts.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(opts.yLabel)}</text>`);
  opts.series.forEach((s, i) => {
    const pts = s.points.filter((p) => p[1] > 0).sort((a, b) => a[0] - b[0]);
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    if (pts.length > 1) {
      parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${pts.map((p) => `${xAt(p[0])},${yAt(p[1])}`).join(' ')}"/>`);
    }
    for (const p of pts) parts.push(`<circle cx="${xAt(p[0])}" cy="${yAt(p[1])}" r="3.5" fill="${s.color}"><title>${esc(s.name)}: ${p[1]} ms at ${p[0]}</title></circle>`);
    const ly = M.top + 10 + i * 20;
    const lx = M.left + plotW + 16;
    parts.push(`<line x1="${lx}" x2="${lx + 26}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${lx + 32}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
