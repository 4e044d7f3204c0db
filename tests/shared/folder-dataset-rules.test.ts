import { describe, expect, it } from 'vitest';
import { personFiles } from '../../src/shared/folder-dataset-rules.js';

describe('folder-per-person rules for a browser folder pick', () => {
  it('names each photo after its top sub-folder, at any depth, in name order, and ignores loose files', () => {
    const paths = ['team/Raj/b.png', 'team/readme.txt', 'team/Penny/2019/x.jpg', 'team/Penny/a.jpg', 'team/Amy/z.jpg'];
    expect(personFiles(paths.map((relativePath, item) => ({ relativePath, item })))).toEqual([
      { person: 'Amy', path: 'Amy/z.jpg', item: 4 },
      { person: 'Penny', path: 'Penny/2019/x.jpg', item: 2 },
      { person: 'Penny', path: 'Penny/a.jpg', item: 3 },
      { person: 'Raj', path: 'Raj/b.png', item: 0 },
    ]);
  });

  it('finds nobody in a folder without sub-folders', () => {
    expect(personFiles([{ relativePath: 'photos/a.jpg', item: 0 }, { relativePath: 'b.jpg', item: 1 }])).toEqual([]);
  });
});
