/**
 * One line in the popup when the engine cannot run (a model file missing or damaged): the
 * user learns why pages get no names, and what fixes it. Hidden while all is well. A quiet
 * line at the foot says which backend runs the models and why ("Engine: WASM (no GPU)").
 */
import { toBackground } from '../platform/send.js';

async function renderEngineStatus(): Promise<void> {
  const el = document.getElementById('engine-status');
  if (!el) return;
  const status = await toBackground('engineStatus', {});
  const problem = status.ok ? status.value.problem : `Facetag's engine is not answering (${status.error})`;
  el.textContent = problem ?? '';
  el.hidden = problem === null;
  const backend = document.getElementById('engine-backend');
  if (backend && status.ok) {
    backend.textContent = `Engine: ${status.value.backend}`;
    backend.hidden = false;
  }
}

void renderEngineStatus();
