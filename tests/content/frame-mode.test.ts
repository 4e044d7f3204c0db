import { describe, expect, it } from 'vitest';
import { CHANGE_GAP_MS, IDENTIFY_EVERY_MS, nextFrameMode } from '../../src/content/video/frame-mode.js';
import { createTracker } from '../../src/content/video/tracker.js';

const ann = [0.2, 0.2, 0.2, 0.2] as [number, number, number, number];

describe("a video sample's mode: identify rarely, track cheaply", () => {
  it('identifies the first frame, a new face and an unnamed one', () => {
    const tracker = createTracker();
    expect(nextFrameMode(tracker, Number.POSITIVE_INFINITY)).toBe('identify');
    tracker.update([{ box: ann, name: 'Ann' }], 0);
    // One vote: not yet named. Identified again, once the gap after the last answer has passed.
    expect(nextFrameMode(tracker, 50)).toBe('track');
    expect(nextFrameMode(tracker, CHANGE_GAP_MS)).toBe('identify');
    tracker.update([{ box: ann, name: 'Ann' }], 100);
    expect(nextFrameMode(tracker, CHANGE_GAP_MS)).toBe('track');
  });

  it('tracks a settled scene until the last identification is IDENTIFY_EVERY_MS old', () => {
    const tracker = createTracker();
    for (const ms of [0, 100]) tracker.update([{ box: ann, name: 'Ann' }], ms);
    tracker.follow([ann], 200);
    expect(nextFrameMode(tracker, IDENTIFY_EVERY_MS - 1)).toBe('track');
    expect(nextFrameMode(tracker, IDENTIFY_EVERY_MS)).toBe('identify');
  });

  it('identifies when the number of faces changes, either way', () => {
    const tracker = createTracker();
    for (const ms of [0, 100]) tracker.update([{ box: ann, name: 'Ann' }], ms);
    tracker.follow([ann, [0.7, 0.5, 0.2, 0.2]], 200);
    expect(nextFrameMode(tracker, CHANGE_GAP_MS)).toBe('identify');
    tracker.follow([ann], 300);
    expect(nextFrameMode(tracker, CHANGE_GAP_MS)).toBe('track');
    tracker.follow([], 400);
    expect(nextFrameMode(tracker, CHANGE_GAP_MS)).toBe('identify');
  });

  it('identifies again when an identified sample disagrees with a shown name', () => {
    const tracker = createTracker();
    for (const [ms, name] of [[0, 'Ann'], [100, 'Ann'], [200, 'Bob']] as const) tracker.update([{ box: ann, name }], ms);
    expect(tracker.at(200).map((s) => s.name)).toEqual(['Ann']);
    expect(nextFrameMode(tracker, CHANGE_GAP_MS)).toBe('identify');
  });

  it('tracks for CHANGE_GAP_MS after an identified answer even when every sample differs, so identifying cannot take every frame', () => {
    const tracker = createTracker();
    tracker.update([{ box: ann, name: 'Ann' }], 0);
    // A cut: the cheap pass sees a face no track explains, at every sample.
    for (let ms = 40; ms < CHANGE_GAP_MS; ms += 40) {
      tracker.follow([[0.7, 0.5, 0.2, 0.2]], ms);
      expect(tracker.changed).toBe(true);
      expect(nextFrameMode(tracker, ms)).toBe('track');
    }
    expect(nextFrameMode(tracker, CHANGE_GAP_MS)).toBe('identify');
  });

  it('tracks an empty scene (nothing to name) until it is due again', () => {
    const tracker = createTracker();
    tracker.update([], 0);
    expect(nextFrameMode(tracker, 10)).toBe('track');
  });
});
