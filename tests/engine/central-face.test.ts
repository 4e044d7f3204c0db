import { describe, expect, it } from 'vitest';
import { centralFace } from '../../src/engine/central-face.js';
import type { Box, Face } from '../../src/engine/types.js';

const face = (box: Box): Face => ({ box, score: 0.9, landmarks: [], quality: 0.8, qualityIssues: [], embedding: new Float32Array(0) });

describe('the face a thumbnail is centred on', () => {
  it('picks the face nearest the centre over a neighbour at the edge', () => {
    const middle = face([40, 42, 80, 80]);
    expect(centralFace([face([0, 0, 50, 50]), middle], 160, 160)).toBe(middle);
  });

  it('finds none when every face is far from the centre', () => {
    expect(centralFace([face([0, 0, 40, 40]), face([120, 120, 40, 40])], 160, 160)).toBeNull();
    expect(centralFace([], 160, 160)).toBeNull();
  });
});
