import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_THRESHOLD } from '../../src/engine/match/defaults.js';
import { DEFAULT_SENSITIVITY, describeSensitivity, SENSITIVITY_MAX, SENSITIVITY_MIN, thresholdFor } from '../../src/engine/match/sensitivity.js';
import { seenText } from '../../src/popup/relative-time.js';

describe('popup words', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it.each([
    [null, 'never seen'],
    ['2026-03-01T11:59:30Z', 'seen just now'],
    ['2026-03-01T11:57:00Z', 'seen 3 min ago'],
    ['2026-03-01T09:00:00Z', 'seen 3 h ago'],
    ['2026-02-28T11:00:00Z', 'seen 1 day ago'],
    ['2026-02-20T12:00:00Z', 'seen 9 days ago'],
  ])('last seen %s reads "%s"', (iso, text) => {
    expect(seenText(iso, now)).toBe(text);
  });

  it('maps the sensitivity slider onto thresholds around the calibrated one, stricter is higher', () => {
    expect(thresholdFor(DEFAULT_SENSITIVITY)).toBe(DEFAULT_MATCH_THRESHOLD);
    const levels = Array.from({ length: SENSITIVITY_MAX - SENSITIVITY_MIN + 1 }, (_, i) => thresholdFor(SENSITIVITY_MIN + i));
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeGreaterThan(levels[i - 1]!);
    expect(thresholdFor(99)).toBe(levels.at(-1));
    expect(describeSensitivity(4)).toMatch(/fewer wrong names, more faces left unnamed/);
  });
});
