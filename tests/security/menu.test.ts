/** The "Enroll this face…" and "Correct a name here…" items exist only on the sites Facetag is on. */
import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ origins: [] as string[], created: [] as Record<string, unknown>[] }));
vi.hoisted(() => {
  Object.assign(globalThis, {
    chrome: {
      runtime: { id: 'facetag-id', getURL: (p: string) => `chrome-extension://facetag-id/${p}` },
      permissions: { getAll: async () => ({ origins: state.origins }) },
      contextMenus: { removeAll: async () => void (state.created.length = 0), create: (p: Record<string, unknown>) => void state.created.push(p) },
    },
  });
});
vi.mock('../../src/content/main.ts?script&iife', () => ({ default: 'content.js' }));

const { createMenu } = await import('../../src/background/menu.js');

describe('the context-menu items', () => {
  it('is hidden while Facetag is on nowhere', async () => {
    state.origins = [];
    await createMenu();
    expect(state.created).toEqual([expect.objectContaining({ id: 'facetag-enroll', visible: false }), expect.objectContaining({ id: 'facetag-correct', visible: false })]);
  });

  it('shows only on documents of the granted sites', async () => {
    state.origins = ['https://example.com/*', 'chrome://favicon/*'];
    await createMenu();
    const onlyThere = expect.objectContaining({ documentUrlPatterns: ['https://example.com/*'] });
    expect(state.created).toEqual([onlyThere, onlyThere]);
    for (const item of state.created) expect(item).not.toHaveProperty('visible');
  });
});
