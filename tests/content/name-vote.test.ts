import { describe, expect, it } from 'vitest';
import { createNameVote } from '../../src/content/video/name-vote.js';

const run = (votes: (string | null)[]) => {
  const vote = createNameVote();
  return votes.map((v) => vote.add(v));
};

describe('name vote', () => {
  it('shows a name once it wins 2 of the last 3 samples, not on the first', () => {
    expect(run(['Ann', 'Ann'])).toEqual([undefined, 'Ann']);
    expect(run(['Ann', null, 'Ann'])).toEqual([undefined, undefined, 'Ann']);
  });

  it('is settled once decided and while the newest vote agrees', () => {
    const vote = createNameVote();
    const settled = ['Ann', 'Ann', 'Bob', 'Ann', null, null, null].map((v) => {
      vote.add(v);
      return vote.settled;
    });
    expect(settled).toEqual([false, true, false, true, false, false, true]);
  });

  it('keeps the shown name through one bad frame', () => {
    expect(run(['Ann', 'Ann', 'Bob', 'Ann', null, 'Ann'])).toEqual([undefined, 'Ann', 'Ann', 'Ann', 'Ann', 'Ann']);
  });

  it('changes the name when another one wins the window', () => {
    expect(run(['Ann', 'Ann', 'Bob', 'Bob'])).toEqual([undefined, 'Ann', 'Ann', 'Bob']);
  });

  it('decides "unknown" (null) the same way, and a one-off name cannot take over', () => {
    expect(run([null, null, 'Ann', null])).toEqual([undefined, null, null, null]);
  });

  it('turns a named face unknown only when the whole window matched nobody', () => {
    expect(run(['Ann', 'Ann', null, null, 'Ann', null, null, null])).toEqual([undefined, 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', null]);
  });

  it('keeps the last decision when the window is split three ways', () => {
    expect(run(['Ann', 'Ann', 'Bob', 'Cy'])).toEqual([undefined, 'Ann', 'Ann', 'Ann']);
  });
});
