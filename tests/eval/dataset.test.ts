import { describe, expect, it } from 'vitest';
import { allImagePaths, parseDetection, parseIdentification } from '../../src/eval/dataset.js';

const identification = {
  entries: [
    { path: 'x/a1.jpg', identity: 'src:A', faces: 1, n_photos_of_identity: 2 },
    { path: 'x/a2.jpg', identity: 'src:A', faces: 1, n_photos_of_identity: 2 },
    { path: 'x/g.jpg', identities_in_photo: ['(helper) src:A', 'src:B'], faces: 2, multi_face: true },
  ],
};
const detection = {
  entries: [
    { path: 'x/g.jpg', faces: 2, quality: 'helper_count' },
    { path: 'y/crowd.jpg', faces: '14 main + ~3 small background', quality: 'helper_count' },
    { path: 'y/boxed.jpg', faces: 1, quality: 'repo_boxes', boxes_ltwh: [{ left: 1, top: 2, width: 3, height: 4 }] },
  ],
};

describe('dataset indexes', () => {
  it('splits single-identity photos from group photos', () => {
    const idx = parseIdentification(identification);
    expect(idx.photos).toEqual([
      { path: 'x/a1.jpg', identity: 'src:A', faces: 1, photosOfIdentity: 2 },
      { path: 'x/a2.jpg', identity: 'src:A', faces: 1, photosOfIdentity: 2 },
    ]);
    expect(idx.groups).toEqual([{ path: 'x/g.jpg', identities: ['(helper) src:A', 'src:B'], faces: 2 }]);
  });

  it('keeps described counts as text and boxes as [l, t, w, h]', () => {
    const det = parseDetection(detection);
    expect(det[1]).toMatchObject({ faces: null, facesText: '14 main + ~3 small background' });
    expect(det[2]?.boxes).toEqual([[1, 2, 3, 4]]);
    expect(det[0]?.boxes).toBeNull();
  });

  it('lists each image once', () => {
    expect(allImagePaths(parseIdentification(identification), parseDetection(detection))).toEqual([
      'x/a1.jpg',
      'x/a2.jpg',
      'x/g.jpg',
      'y/crowd.jpg',
      'y/boxed.jpg',
    ]);
  });

  it('names the bad entry', () => {
    expect(() => parseIdentification({ entries: [{ path: 'p', identity: 'a', faces: 1.5, n_photos_of_identity: 1 }] })).toThrow(
      'identification.json entries[0]: faces must be a whole number',
    );
    expect(() => parseDetection({})).toThrow('detection.json: expected an object with entries[]');
  });
});
