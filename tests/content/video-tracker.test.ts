import { describe, expect, it } from 'vitest';
import { createTracker, MAX_PREDICT_MS, MAX_UNSEEN_MS, STALE_MS, type FrameBox } from '../../src/content/video/tracker.js';

/** A face of side 0.2 whose top-left moves at (vx, vy) frame fractions per second from (x0, y0). */
const moving = (x0: number, y0: number, vx: number, vy: number) => (ms: number): FrameBox => [x0 + (vx * ms) / 1000, y0 + (vy * ms) / 1000, 0.2, 0.2];
const SAMPLE_MS = 333;

describe('video face tracker', () => {
  it('keeps one track on a moving face and predicts where it is between samples', () => {
    const face = moving(0.05, 0.3, 0.15, 0.02);
    const tracker = createTracker();
    for (let i = 0; i <= 6; i++) tracker.update([{ box: face(i * SAMPLE_MS), name: 'Ann' }], i * SAMPLE_MS);
    expect(tracker.size).toBe(1);
    for (const ms of [6 * SAMPLE_MS + 100, 6 * SAMPLE_MS + 250]) {
      const [shown] = tracker.at(ms);
      expect(shown?.name).toBe('Ann');
      expect(Math.abs(shown!.box[0] - face(ms)[0])).toBeLessThan(0.002);
      expect(Math.abs(shown!.box[1] - face(ms)[1])).toBeLessThan(0.002);
    }
  });

  it('keeps each name on its own face when two faces cross', () => {
    const ann = moving(0.05, 0.1, 0.3, 0);
    const bob = moving(0.75, 0.25, -0.3, 0);
    const tracker = createTracker();
    const seen: { annX: number; bobX: number }[] = [];
    for (let i = 0; i <= 9; i++) {
      const ms = i * SAMPLE_MS;
      // The engine lists faces in any order; alternate it.
      const dets = [{ box: ann(ms), name: 'Ann' }, { box: bob(ms), name: 'Bob' }];
      tracker.update(i % 2 ? dets.reverse() : dets, ms);
      const shown = tracker.at(ms + 150);
      const a = shown.find((s) => s.name === 'Ann');
      const b = shown.find((s) => s.name === 'Bob');
      if (a && b) seen.push({ annX: a.box[0], bobX: b.box[0] });
    }
    expect(tracker.size).toBe(2);
    expect(seen.length).toBe(9);
    // The labels crossed with the faces: Ann ends right of Bob, having started left of him.
    expect(seen[0]!.annX).toBeLessThan(seen[0]!.bobX);
    expect(seen.at(-1)!.annX).toBeGreaterThan(seen.at(-1)!.bobX);
    expect(Math.abs(seen.at(-1)!.annX - ann(9 * SAMPLE_MS + 150)[0])).toBeLessThan(0.01);
  });

  it('does not flicker on one misrecognised frame, and needs two votes to name a face', () => {
    const face = moving(0.4, 0.4, 0, 0);
    const tracker = createTracker();
    const names = ['Ann', 'Ann', 'Bob', 'Ann', null, 'Ann'].map((name, i) => {
      tracker.update([{ box: face(0), name }], i * SAMPLE_MS);
      return tracker.at(i * SAMPLE_MS).map((s) => s.name);
    });
    expect(names).toEqual([[], ['Ann'], ['Ann'], ['Ann'], ['Ann'], ['Ann']]);
  });

  it('keeps a track through missed samples, ends it once unseen for MAX_UNSEEN_MS, and stops drawing a stale one', () => {
    const face = moving(0.4, 0.4, 0.1, 0);
    const tracker = createTracker();
    tracker.update([{ box: face(0), name: 'Ann' }], 0);
    tracker.update([{ box: face(SAMPLE_MS), name: 'Ann' }], SAMPLE_MS);
    tracker.update([], 2 * SAMPLE_MS);
    expect(tracker.changed).toBe(true);
    tracker.update([{ box: face(3 * SAMPLE_MS), name: 'Ann' }], 3 * SAMPLE_MS);
    expect(tracker.changed).toBe(false);
    expect(tracker.at(3 * SAMPLE_MS).map((s) => s.id)).toEqual([1]);
    tracker.update([], 3 * SAMPLE_MS + MAX_UNSEEN_MS);
    expect(tracker.size).toBe(1);
    expect(tracker.at(3 * SAMPLE_MS + STALE_MS + 1)).toEqual([]);
    tracker.follow([], 3 * SAMPLE_MS + MAX_UNSEEN_MS + 1);
    expect(tracker.size).toBe(0);
  });

  it('starts a new track for a face that appears far from every prediction', () => {
    const tracker = createTracker();
    tracker.update([{ box: [0.1, 0.1, 0.2, 0.2], name: 'Ann' }], 0);
    tracker.update([{ box: [0.7, 0.6, 0.2, 0.2], name: 'Ann' }], SAMPLE_MS);
    expect(tracker.size).toBe(2);
    expect(tracker.at(SAMPLE_MS)).toEqual([]);
  });

  it('forgets its tracks when the video time goes back (a seek or a loop)', () => {
    const tracker = createTracker();
    tracker.update([{ box: [0.1, 0.1, 0.2, 0.2], name: 'Ann' }], 5000);
    tracker.update([{ box: [0.1, 0.1, 0.2, 0.2], name: 'Ann' }], 5333);
    expect(tracker.at(5333)).toHaveLength(1);
    // Drawn just after the loop, before any new sample: nothing is shown at the old place.
    expect(tracker.at(100)).toEqual([]);
    tracker.update([{ box: [0.1, 0.1, 0.2, 0.2], name: 'Ann' }], 0);
    expect(tracker.size).toBe(1);
    expect(tracker.at(0)).toEqual([]);
  });

  it('keeps its tracks and names when a slow engine leaves long gaps between samples', () => {
    const face = moving(0.1, 0.4, 0.05, 0);
    const tracker = createTracker();
    for (const ms of [0, 2500, 5000]) tracker.update([{ box: face(ms), name: 'Ann' }], ms);
    expect(tracker.size).toBe(1);
    expect(tracker.at(5000).map((s) => s.name)).toEqual(['Ann']);
  });

  it('stops extrapolating a track at MAX_PREDICT_MS after its last sample', () => {
    const face = moving(0.1, 0.4, 0.3, 0);
    const tracker = createTracker();
    tracker.update([{ box: face(0), name: 'Ann' }], 0);
    tracker.update([{ box: face(SAMPLE_MS), name: 'Ann' }], SAMPLE_MS);
    const far = tracker.at(SAMPLE_MS + (MAX_PREDICT_MS + STALE_MS) / 2)[0]!.box[0];
    expect(far).toBeCloseTo(face(SAMPLE_MS + MAX_PREDICT_MS)[0], 6);
  });

  describe('between identified samples (tracked samples: boxes only)', () => {
    const TRACK_MS = 83;
    /** Ann named by two identified samples, then followed by tracked ones for `ms`. */
    const namedThenTracked = (face: (ms: number) => FrameBox, ms: number) => {
      const tracker = createTracker();
      tracker.update([{ box: face(0), name: 'Ann' }], 0);
      tracker.update([{ box: face(SAMPLE_MS), name: 'Ann' }], SAMPLE_MS);
      for (let t = SAMPLE_MS + TRACK_MS; t <= ms; t += TRACK_MS) tracker.follow([face(t)], t);
      return tracker;
    };

    it('carries the name along a moving face and keeps predicting it', () => {
      const face = moving(0.05, 0.3, 0.2, 0.05);
      const end = SAMPLE_MS + 30 * TRACK_MS;
      const tracker = namedThenTracked(face, end);
      expect(tracker.size).toBe(1);
      expect({ settled: tracker.settled, changed: tracker.changed }).toEqual({ settled: true, changed: false });
      const [shown] = tracker.at(end + 50);
      expect(shown?.name).toBe('Ann');
      expect(shown?.id).toBe(1);
      expect(Math.abs(shown!.box[0] - face(end + 50)[0])).toBeLessThan(0.003);
    });

    it('never names nor starts a track from a tracked sample: a new face only marks the scene changed', () => {
      const face = moving(0.1, 0.3, 0, 0);
      const tracker = namedThenTracked(face, SAMPLE_MS + TRACK_MS);
      tracker.follow([face(0), [0.7, 0.3, 0.2, 0.2]], SAMPLE_MS + 2 * TRACK_MS);
      expect(tracker.size).toBe(1);
      expect(tracker.changed).toBe(true);
      expect(tracker.at(SAMPLE_MS + 2 * TRACK_MS).map((s) => s.name)).toEqual(['Ann']);
      // Identified: the new face starts a track, unnamed until its second vote.
      tracker.update([{ box: face(0), name: 'Ann' }, { box: [0.7, 0.3, 0.2, 0.2], name: 'Bob' }], SAMPLE_MS + 3 * TRACK_MS);
      expect({ size: tracker.size, settled: tracker.settled, changed: tracker.changed }).toEqual({ size: 2, settled: false, changed: true });
      expect(tracker.at(SAMPLE_MS + 3 * TRACK_MS).map((s) => s.name)).toEqual(['Ann']);
    });

    it('marks the scene changed when a tracked sample misses a face, and keeps the label through the miss', () => {
      const face = moving(0.3, 0.3, 0, 0);
      const tracker = namedThenTracked(face, SAMPLE_MS + TRACK_MS);
      tracker.follow([], SAMPLE_MS + 2 * TRACK_MS);
      expect(tracker.changed).toBe(true);
      expect(tracker.at(SAMPLE_MS + 2 * TRACK_MS).map((s) => s.name)).toEqual(['Ann']);
    });

    it('lets one misnamed identified sample unsettle a track without renaming it', () => {
      const face = moving(0.3, 0.3, 0, 0);
      const tracker = namedThenTracked(face, SAMPLE_MS + 5 * TRACK_MS);
      tracker.update([{ box: face(0), name: 'Bob' }], SAMPLE_MS + 6 * TRACK_MS);
      expect(tracker.settled).toBe(false);
      expect(tracker.at(SAMPLE_MS + 6 * TRACK_MS).map((s) => s.name)).toEqual(['Ann']);
      tracker.update([{ box: face(0), name: 'Ann' }], SAMPLE_MS + 7 * TRACK_MS);
      expect(tracker.settled).toBe(true);
      expect(tracker.at(SAMPLE_MS + 7 * TRACK_MS).map((s) => s.name)).toEqual(['Ann']);
    });
  });
});
