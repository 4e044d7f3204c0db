/**
 * What the benchmark observes while a page is being labelled: the engine host's own log of
 * each analysed image (its console, over CDP) and the moments label frames are inserted into
 * the extension's closed shadow root (CDP DOM events, which see closed roots; the page cannot).
 */
import type { CDPSession } from 'playwright-core';
import type { Cdp } from './cdp.js';

export interface EngineRun {
  /** Date.now() when the log line arrived. */
  at: number;
  ms: number;
  faces: number;
  width: number;
  height: number;
  backend: string;
  /** Facetag's per-stage wall ms and run counts (`; fetch=3.0/1 detector=20.2/3 ...`); empty for the peer. */
  stages: Record<string, { ms: number; runs: number }>;
}

const ANALYSED = /analysed (\d+)x(\d+) in (\d+) ms on (\w+): (\d+) faces(?:; (.*))?/;

function parseStages(text: string | undefined): EngineRun['stages'] {
  const stages: EngineRun['stages'] = {};
  for (const m of (text ?? '').matchAll(/(\w+)=([\d.]+)\/(\d+)/g)) stages[m[1] as string] = { ms: Number(m[2]), runs: Number(m[3]) };
  return stages;
}

/** Appends every image the engine host analyses from now on to `runs` (Facetag and the peer log the same line). */
export async function watchEngine(cdp: Cdp, runs: EngineRun[]): Promise<void> {
  cdp.on('Runtime.consoleAPICalled', (p) => {
    const args = p['args'] as { value?: unknown }[] | undefined;
    const m = ANALYSED.exec(String(args?.[0]?.value ?? ''));
    if (m) runs.push({ at: Date.now(), width: Number(m[1]), height: Number(m[2]), ms: Number(m[3]), backend: m[4] as string, faces: Number(m[5]), stages: parseStages(m[6]) });
  });
  await cdp.send('Runtime.enable');
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const OVERLAY_HOSTS = new Set(['FACETAG-OVERLAY', 'PEER-OVERLAY']);

/** Times (Date.now()) at which a label frame was added to an overlay's shadow root of the page. */
export async function watchLabelFrames(cdp: CDPSession): Promise<{ times: number[]; rescan(): Promise<void> }> {
  const times: number[] = [];
  const roots = new Set<number>();
  const adopt = (root: DomNode) => {
    if (roots.has(root.nodeId)) return;
    roots.add(root.nodeId);
    void cdp.send('DOM.requestChildNodes', { nodeId: root.nodeId, depth: -1, pierce: true }).catch(() => undefined);
  };
  const walk = (n: DomNode) => {
    if (OVERLAY_HOSTS.has(n.nodeName)) n.shadowRoots?.forEach(adopt);
    n.children?.forEach(walk);
    n.shadowRoots?.forEach(walk);
  };
  cdp.on('DOM.shadowRootPushed', (p) => {
    const host = p as unknown as { hostId: number; root: DomNode };
    adopt(host.root);
  });
  cdp.on('DOM.childNodeInserted', (p) => {
    const { parentNodeId, node } = p as unknown as { parentNodeId: number; node: DomNode };
    if (roots.has(parentNodeId) && node.nodeName === 'DIV') times.push(Date.now());
    walk(node);
  });
  const rescan = async () => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
    walk(root);
  };
  cdp.on('DOM.documentUpdated', () => void rescan().catch(() => undefined));
  await cdp.send('DOM.enable');
  await rescan();
  return { times, rescan };
}

/** The labels a screen reader finds on the page: accessible names that start with `prefix`. */
export async function labelNames(cdp: CDPSession, prefix: string): Promise<string[]> {
  await cdp.send('Accessibility.enable');
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: string }; ignored?: boolean }[] };
  return nodes.filter((n) => !n.ignored && (n.name?.value ?? '').startsWith(prefix)).map((n) => (n.name?.value ?? '').slice(prefix.length));
}
