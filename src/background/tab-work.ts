/**
 * A tab that closes or loads another page has no use for its images still waiting for the
 * engine: they are dropped, so a flood of them cannot keep the engine busy for the tabs that
 * remain (issue 14, finding 5).
 */
import { ext } from '../platform/ext.js';
import { logger } from '../shared/logger.js';
import type { EngineCall } from './engine-call.js';

const log = logger('tab-work');

export function dropWorkOfLeftTabs(engine: EngineCall): void {
  const drop = (tab: number) =>
    void engine('engine.dropTab', { tab }).then((dropped) => {
      if (dropped.ok && dropped.value.dropped > 0) log.info(`dropped ${dropped.value.dropped} images of tab ${tab}, which closed or left its page`);
    });
  ext.tabs.onRemoved.addListener((tabId) => drop(tabId));
  ext.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') drop(tabId);
  });
}
