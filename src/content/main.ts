/**
 * The content script: runs on sites where Facetag is on (the user granted host access),
 * finds images, asks the background to name their faces, and draws the names.
 */
import { toBackground } from '../platform/send.js';
import { logger } from '../shared/logger.js';
import type { PageAnalysis } from '../shared/protocol.js';
import { createAnalysisCache } from './analysis-cache.js';
import { enrollFrom, menuPoint, trackContextMenu } from './enroll.js';
import { createOverlayRoot } from './host.js';
import { listenForCommands } from './inbox.js';
import { promptAnswered } from './name-prompt.js';
import { watchBackgrounds } from './backgrounds.js';
import { watchCanvases } from './canvases.js';
import { watchImages } from './images.js';
import { correctFace, type CorrectionTarget } from './correct.js';
import { createLabels, type Placement } from './labels.js';
import { workingSideOf } from './working-side.js';
import { watchVideos } from './video.js';

const log = logger('content');
const LOADED = Symbol.for('facetag.content');

function start(): void {
  const root = createOverlayRoot();
  const labels = createLabels(root);
  const analyses = createAnalysisCache<PageAnalysis>((url, side) => toBackground('analyse', { url, side }));
  let showUnknown = false;
  /** Global on/off: while off, no labels and no work is sent. */
  let enabled = true;
  const readSettings = async () => {
    const settings = await toBackground('getSettings', {});
    if (settings.ok) ({ showUnknown, enabled } = settings.value);
  };
  const settingsRead = readSettings();
  /** The URL each element was last labelled from; weak, so elements the page drops are not held. */
  let shown = new WeakMap<Element, string>();
  const { analyse } = analyses;

  const label = async (img: Element, url: string, placement?: Placement) => {
    await settingsRead;
    if (!enabled || shown.get(img) === url) return;
    shown.set(img, url);
    const r = await analyse(url, workingSideOf(img));
    if (shown.get(img) !== url) return; // the source changed meanwhile
    if (r.ok) labels.show(img, r.value.faces, showUnknown, placement);
    else {
      // Not cached: the next look at this element (scrolled to again, its source set again) asks anew.
      shown.delete(img);
      log.warn(`no labels for ${url.slice(0, 120)}: ${r.error}`);
    }
  };

  const watchers = [
    watchImages((img, url) => void label(img, url)),
    watchBackgrounds((el, url, placement) => void label(el, url, placement)),
    watchCanvases((canvas, dataUrl) => void label(canvas, dataUrl)),
  ];
  const videos = watchVideos(labels, () => showUnknown, () => enabled);

  const refresh = async () => {
    await readSettings();
    analyses.clear();
    shown = new WeakMap();
    if (enabled) watchers.forEach((w) => w.rescan());
    else labels.clearAll();
    // Videos start over either way: on, with the new names; off, their sampling stops.
    videos.rescan();
  };

  /** The labelled picture under the last right-click, for a correction. */
  const correctionTarget = (): CorrectionTarget | null => {
    const point = menuPoint();
    const hit = point && labels.at(point.x, point.y);
    const url = hit && shown.get(hit.el);
    if (!hit || !url) return null;
    const side = analyses.sideOf(url) ?? workingSideOf(hit.el);
    return { ...hit, url, side, analysis: () => analyse(url, side) };
  };

  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      labels.reposition();
    });
  };
  // Labels sit in the viewport (host.ts): moved in the scroll event itself, which runs before
  // the frame is painted, so they never trail their pictures by a frame.
  window.addEventListener('scroll', () => labels.reposition(), { capture: true, passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  new ResizeObserver(schedule).observe(document.documentElement);
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'src'] });

  trackContextMenu();
  listenForCommands({
    enrollStart: ({ srcUrl }) => {
      void enrollFrom(root, srcUrl, analyse, (url) => analyses.sideOf(url));
      return true;
    },
    correctStart: () => {
      void correctFace(root, correctionTarget());
      return true;
    },
    refresh: () => {
      void refresh();
      return true;
    },
    promptDone: ({ token, name }) => promptAnswered(token, name),
  });
}

// Injection can happen twice (registered script plus injection into an open tab on grant).
const marker = globalThis as { [LOADED]?: boolean };
if (!marker[LOADED]) {
  marker[LOADED] = true;
  start();
}
