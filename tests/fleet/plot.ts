import type { HerdResult } from './herd';

const W = 960;
const H = 400;
const PAD = { left: 64, right: 24, top: 56, bottom: 48 };

const esc = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The request rate over the run as an SVG a browser or the file viewer
 * opens: what reached the back office (solid), what the kiosks tried
 * (grey, refused connections included), the outage shaded, the steady rate
 * and the 3× goal as lines.
 */
export function herdPlot(r: HerdResult): string {
  const tMax = Math.max(...r.series.map((p) => p.t), 1);
  const goal = r.steadyRate * 3;
  const yMax = Math.max(goal, ...r.series.map((p) => Math.max(p.arrivals, p.attempts))) * 1.1 || 1;
  const x = (t: number): number => PAD.left + (t / tMax) * (W - PAD.left - PAD.right);
  const y = (v: number): number => H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom);
  const line = (pick: (p: (typeof r.series)[number]) => number): string =>
    r.series.map((p) => `${x(p.t).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const minuteStep = tMax > 3600 ? 15 : 5;
  const xTicks = Array.from(
    { length: Math.floor(tMax / 60 / minuteStep) + 1 },
    (_, i) => i * minuteStep,
  );
  const yStep = niceStep(yMax / 5);
  const yTicks = Array.from({ length: Math.floor(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const ratio = r.steadyRate === 0 ? 0 : r.recoveryPeak / r.steadyRate;
  const title =
    `${r.plan.kiosks} kiosks, ${r.plan.outageMinutes}-min outage: peak ${r.recoveryPeak.toFixed(0)}/s = ` +
    `${ratio.toFixed(2)}× steady ${r.steadyRate.toFixed(1)}/s; queues empty ` +
    `${r.drainSeconds ?? '—'} s after the return; lost ${r.lost}, duplicated ${r.duplicated}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<rect x="${x(r.outage.from)}" y="${PAD.top}" width="${x(r.outage.to) - x(r.outage.from)}" height="${H - PAD.top - PAD.bottom}" fill="#fde2e2"/>`,
    `<text x="${(x(r.outage.from) + x(r.outage.to)) / 2}" y="${PAD.top + 16}" text-anchor="middle" fill="#a33">back office down</text>`,
    ...yTicks.map(
      (v) =>
        `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>` +
        `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    ),
    ...xTicks.map(
      (m) => `<text x="${x(m * 60)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${m}</text>`,
    ),
    `<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - 10}" text-anchor="middle">minutes (the simulation's clock)</text>`,
    `<text x="16" y="${(PAD.top + H - PAD.bottom) / 2}" transform="rotate(-90 16 ${(PAD.top + H - PAD.bottom) / 2})" text-anchor="middle">requests per second (${r.plan.binSeconds}-s bins)</text>`,
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(r.steadyRate)}" y2="${y(r.steadyRate)}" stroke="#2a7" stroke-dasharray="6 4"/>`,
    `<text x="${W - PAD.right}" y="${y(r.steadyRate) - 4}" text-anchor="end" fill="#2a7">steady</text>`,
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(goal)}" y2="${y(goal)}" stroke="#c33" stroke-dasharray="6 4"/>`,
    `<text x="${W - PAD.right}" y="${y(goal) - 4}" text-anchor="end" fill="#c33">3× steady (goal)</text>`,
    `<polyline points="${line((p) => p.attempts)}" fill="none" stroke="#999" stroke-width="1"/>`,
    `<polyline points="${line((p) => p.arrivals)}" fill="none" stroke="#1a4f9c" stroke-width="1.6"/>`,
    `<text x="${PAD.left}" y="24" font-size="13">${esc(title)}</text>`,
    // Under the title, above the plot area: the goal line runs near the top.
    `<text x="${W - PAD.right - 320}" y="${PAD.top - 4}" fill="#1a4f9c">— reached the back office</text>`,
    `<text x="${W - PAD.right - 150}" y="${PAD.top - 4}" fill="#999">— tried by the kiosks</text>`,
    `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#333"/>`,
    `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}" stroke="#333"/>`,
    '</svg>',
    '',
  ].join('\n');
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
