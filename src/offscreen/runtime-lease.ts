/**
 * The ORT runtime's life in the engine host: created on first use, released after a quiet
 * minute (the models hold ~100 MB of WASM memory), and retired after a failed run, which may
 * have left the WASM instance broken. Every use holds a lease, and a runtime is released only
 * once no lease is out: a run longer than the idle minute (SwiftShader's WebGPU took 50-100 s
 * on one group photo) or another run's failure must never release sessions a run is still
 * inside. Both happened before leases and gave "invalid session id" and "memory access out of
 * bounds" from ORT, which were then taken for a lost GPU.
 */
import { logger } from '../shared/logger.js';
import { errorMessage } from '../shared/result.js';
import { browserSources } from './browser-sources.js';
import { loadModels, type LoadedModels } from './ort-models.js';

const log = logger('engine');
const IDLE_MS = 60_000;

interface Held {
  models: Promise<LoadedModels>;
  users: number;
  retired: boolean;
}

export interface RuntimeLease {
  loaded: LoadedModels;
  /** Retires this runtime (after a failed run): later leases get a fresh one; this one goes when its last lease does. */
  retire(why: string): void;
  done(): void;
}

let current: Held | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function release(held: Held, why: string): void {
  log.info(`releasing the runtime (${why})`);
  void held.models.then((m) => m.release(), () => undefined);
}

function retire(held: Held, why: string): void {
  if (held.retired) return;
  held.retired = true;
  if (current === held) current = null;
  if (held.users === 0) release(held, why);
  else log.info(`retiring the runtime (${why}); it goes when its ${held.users} run(s) end`);
}

function returned(held: Held): void {
  held.users--;
  if (held.users > 0) return;
  if (held.retired) {
    release(held, 'retired, last run ended');
    return;
  }
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (current === held && held.users === 0) retire(held, 'idle');
  }, IDLE_MS);
}

export async function leaseRuntime(): Promise<RuntimeLease> {
  clearTimeout(idleTimer);
  const held = (current ??= { models: loadModels(browserSources), users: 0, retired: false });
  held.users++;
  let loaded: LoadedModels;
  try {
    loaded = await held.models;
  } catch (error) {
    held.users--;
    if (current === held) current = null;
    throw error;
  }
  let out = true;
  return {
    loaded,
    retire: (why) => retire(held, why),
    done: () => {
      if (!out) return;
      out = false;
      returned(held);
    },
  };
}

/** The live runtime, if one is loaded or loading; its failure reads as none. */
export async function liveRuntime(): Promise<LoadedModels | null> {
  return current ? current.models.catch(() => null) : null;
}

/** Loads the models if they are not loaded (the idle minute then starts again); never throws. */
export async function warmRuntime(): Promise<void> {
  try {
    (await leaseRuntime()).done();
  } catch (error) {
    log.warn(`warm-up failed: ${errorMessage(error)}`);
  }
}

/**
 * Starts loading the models now, so that they load while the first image is fetched and
 * decoded. The offscreen document calls it as it starts.
 */
export function warmUp(): void {
  void warmRuntime();
}
