/** The browser benchmark's markdown: every configuration side by side, ratios against Facetag's default. */
import type { PageResult } from './page-run.js';
import type { PairedResult } from './paired.js';
import type { ConfigResult } from './scenarios.js';
import type { MemorySample } from './memory.js';
import { percentile, ratio } from './stats.js';

export interface BrowserReport {
  machine: string;
  chromium: string;
  command: string;
  packedMb: Record<string, number>;
  configs: ConfigResult[];
  paired?: PairedResult;
}

export function pairedMarkdown(p: PairedResult): string {
  return [
    `| paired, ${p.images} photos (gallery + group photos) | facetag | faceapi-peer | facetag vs faceapi-peer |`,
    '|---|---|---|---|',
    `| per image p50 | ${ms(p.facetagP50)} | ${ms(p.peerP50)} | ${ratio(p.peerP50, p.facetagP50)} |`,
    `| per image p95 | ${ms(p.facetagP95)} | ${ms(p.peerP95)} | ${ratio(p.peerP95, p.facetagP95)} |`,
    `| median over photos of (peer ms ÷ facetag ms) | | | ${p.medianRatio.toFixed(1)}× |`,
    `| all photos: total peer ms ÷ total facetag ms | | | ${p.totalRatio.toFixed(1)}× |`,
    `| video frames/s through the analyse message (${p.frames} 640x360 frames, median round trip) | ${p.facetagFps.toFixed(1)} | ${p.peerFps.toFixed(1)} | ${ratio(p.facetagFps, p.peerFps)} |`,
    '',
    `| Facetag, where a paired photo's time goes (engine host) | median ms per photo | share of all stage time | runs per photo |`,
    '|---|---|---|---|',
    ...Object.entries(p.stages).map(([name, t]) => `| ${name} | ${t.p50.toFixed(1)} ms | ${(100 * t.share).toFixed(0)}% | ${t.runsPerImage.toFixed(1)} |`),
  ].join('\n');
}

const ms = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v)} ms`);
const mb = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(0)} MB`);
const page = (c: ConfigResult, name: string): PageResult | undefined => c.pages.find((p) => p.page === name);
const imageMs = (pages: (PageResult | undefined)[]) => pages.flatMap((p) => p?.runs.map((r) => r.ms) ?? []);
const faceMs = (pages: (PageResult | undefined)[]) => pages.flatMap((p) => p?.runs.filter((r) => r.faces > 0).map((r) => r.ms / r.faces) ?? []);
const ALL = ['gallery', 'groups', 'article', 'scroll'];

interface Row {
  what: string;
  /** A number where a ratio makes sense (lower is better unless `higherIsBetter`). */
  value(c: ConfigResult): number | null;
  show(c: ConfigResult): string;
  higherIsBetter?: boolean;
}

const stat = (what: string, pages: string[], p: number, per: 'image' | 'face'): Row => {
  const v = (c: ConfigResult) => {
    const list = (per === 'image' ? imageMs : faceMs)(pages.map((n) => page(c, n)));
    return list.length ? percentile(list, p) : null;
  };
  return { what, value: v, show: (c) => ms(v(c)) };
};

const totalRow = (what: string, pages: string[]): Row => {
  const v = (c: ConfigResult) => {
    const list = imageMs(pages.map((n) => page(c, n)));
    return list.length ? list.reduce((a, b) => a + b, 0) : null;
  };
  return { what, value: v, show: (c) => ms(v(c)) };
};

const pageRow = (what: string, name: string, pick: (r: PageResult) => number | null): Row => ({
  what,
  value: (c) => { const r = page(c, name); return r ? pick(r) : null; },
  show: (c) => { const r = page(c, name); return r ? ms(pick(r)) : '—'; },
});

/** A memory measure after 100 images and at the last sample (its image count), and the growth between; the ratio is of the last. */
const memRow = (what: string, pick: (m: MemorySample) => number): Row => ({
  what: `${what}: after 100 images → after the last (images); growth`,
  value: (c) => { const m = c.memory.at(-1); return m ? pick(m) : null; },
  show: (c) => {
    const a = c.memory.at(0);
    const b = c.memory.at(-1);
    if (!a || !b) return '—';
    return `${mb(pick(a))} → ${mb(pick(b))} (${b.images}); ${(pick(b) - pick(a)).toFixed(0)} MB`;
  },
});

function rows(packed: Record<string, number>): Row[] {
  return [
    { what: 'people enrolled (of 9, same photos)', value: () => null, show: (c) => String(c.enrolled) },
    { what: 'engine backend', value: () => null, show: (c) => c.backend },
    { what: 'cold start: engine host not running → first label', value: (c) => c.coldStartMs, show: (c) => ms(c.coldStartMs) },
    pageRow('gallery of 50: navigation → first label', 'gallery', (r) => r.firstLabelMs),
    pageRow('gallery of 50: navigation → last label', 'gallery', (r) => r.lastLabelMs),
    { what: 'gallery of 50: images analysed / labels shown', value: () => null, show: (c) => { const r = page(c, 'gallery'); return r ? `${r.runs.length} / ${r.labels.length}` : '—'; } },
    stat('gallery: per image p50', ['gallery'], 50, 'image'),
    stat('gallery: per image p95', ['gallery'], 95, 'image'),
    pageRow('group photos (16): navigation → last label', 'groups', (r) => r.lastLabelMs),
    { what: 'group photos: faces found / labels shown', value: () => null, show: (c) => { const r = page(c, 'groups'); return r ? `${r.runs.reduce((s, x) => s + x.faces, 0)} / ${r.labels.length}` : '—'; } },
    stat('group photos: per image p50', ['groups'], 50, 'image'),
    stat('group photos: per image p95', ['groups'], 95, 'image'),
    totalRow('group photos: every image, total', ['groups']),
    pageRow('article (24 full-size photos): navigation → last label (a reader scrolling a screen per 300 ms)', 'article', (r) => r.lastLabelMs),
    pageRow('article: the reader\'s scroll to the end took', 'article', (r) => r.driveMs),
    pageRow('article: last label after the reader reached the end', 'article', (r) => (r.lastLabelMs === null ? null : Math.max(0, r.lastLabelMs - r.driveMs))),
    { what: 'article: faces found / labels shown', value: () => null, show: (c) => { const r = page(c, 'article'); return r ? `${r.runs.reduce((s, x) => s + x.faces, 0)} / ${r.labels.length}` : '—'; } },
    stat('article: per image p50', ['article'], 50, 'image'),
    stat('article: per image p95', ['article'], 95, 'image'),
    totalRow('article: every image, total', ['article']),
    pageRow('infinite scroll, 200 images: navigation → last label', 'scroll', (r) => r.lastLabelMs),
    stat('all pages: per image p50', ALL, 50, 'image'),
    stat('all pages: per image p95', ALL, 95, 'image'),
    totalRow('all pages: every image, total', ALL),
    stat('all pages: per face p50', ALL, 50, 'face'),
    stat('all pages: per face p95', ALL, 95, 'face'),
    { what: 'video, 3 s shots: labelled frames/s on the `<video>` (content script)', value: (c) => c.videoLabelFps, show: (c) => (c.videoLabelFps === null ? 'no video labelling' : c.videoLabelFps.toFixed(1)), higherIsBetter: true },
    { what: 'video, a cut every 400 ms: labelled frames/s on the `<video>`', value: (c) => c.videoCutsLabelFps, show: (c) => (c.videoCutsLabelFps === null ? 'no video labelling' : c.videoCutsLabelFps.toFixed(1)), higherIsBetter: true },
    { what: 'video: frames/s through the analyse message (640 px JPEG)', value: (c) => c.frameFps, show: (c) => (c.frameFps === null ? '—' : c.frameFps.toFixed(1)), higherIsBetter: true },
    { what: 'longest content-script task, wall (CPU)', value: (c) => Math.max(0, ...c.pages.map((p) => p.longestTask.wallMs)), show: (c) => {
      const worst = c.pages.reduce((a, p) => (p.longestTask.wallMs > a.wallMs ? p.longestTask : a), { wallMs: 0, cpuMs: 0 });
      return `${ms(worst.wallMs)} (${ms(worst.cpuMs)})`;
    } },
    memRow('memory, extension processes summed (RSS: engine host + service worker)', (m) => m.rssMb),
    memRow('memory, engine host\'s process (RSS)', (m) => m.engineRssMb),
    memRow('memory, engine host\'s process, private (RSS less pages shared with other processes)', (m) => m.enginePrivateMb),
    memRow('memory, engine host\'s own (JS heap + ArrayBuffers + WebAssembly memory)', (m) => m.engineOwnMb),
    { what: '…of which JS heap / ArrayBuffers / WebAssembly memory, at the last sample', value: () => null, show: (c) => {
      const m = c.memory.at(-1);
      return m ? `${m.jsHeapMb.toFixed(1)} / ${m.arrayBuffersMb.toFixed(1)} / ${m.wasmMb.toFixed(0)} MB` : '—';
    } },
    { what: 'packed extension (zip)', value: (c) => packed[c.product] ?? null, show: (c) => (packed[c.product] === undefined ? '—' : `${packed[c.product]!.toFixed(1)} MB`) },
  ];
}

export function browserMarkdown(report: BrowserReport): string {
  // Facetag's default is the base even when an earlier build (--baseline) ran before it.
  const base = report.configs.find((c) => c.name === 'facetag') ?? report.configs[0];
  const others = report.configs.filter((c) => c !== base);
  const paired = report.paired ? ['', pairedMarkdown(report.paired)] : [];
  if (!base) return [`Command: \`${report.command}\`. ${report.chromium}.`, '', report.machine, ...paired].join('\n');
  // Each ratio says how many times better the first configuration (Facetag's default) does.
  const cells = (list: string[]) => list.map((x) => ` ${x} |`).join('');
  const head = `| |${cells(report.configs.map((c) => c.name))}${cells(others.map((o) => `${base.name} vs ${o.name}`))}`;
  const sep = `|---|${[...report.configs, ...others].map(() => '---|').join('')}`;
  const lines = rows(report.packedMb).map((r) => {
    const ratios = others.map((o) => (r.higherIsBetter ? ratio(r.value(base), r.value(o)) : ratio(r.value(o), r.value(base))));
    return `| ${r.what} |${cells(report.configs.map((c) => r.show(c)))}${cells(ratios)}`;
  });
  return [`Command: \`${report.command}\`. ${report.chromium}.`, '', report.machine, '', head, sep, ...lines, ...paired].join('\n');
}
