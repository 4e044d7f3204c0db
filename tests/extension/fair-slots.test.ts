/** The engine host's per-tab queue (src/offscreen/fair-slots.ts), with tasks the test finishes by hand. */
import { describe, expect, it } from 'vitest';
import { DroppedWork, fairSlots } from '../../src/offscreen/fair-slots.js';

/** A task that records its start and finishes when the test says. */
function gate(log: string[], name: string) {
  let finish = () => {};
  const task = () => {
    log.push(name);
    return new Promise<string>((resolve) => (finish = () => resolve(name)));
  };
  return { task, finish: () => finish() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('fair engine slots', () => {
  it("starts a quiet tab's image at the next free slot, ahead of a flooding tab's 200", async () => {
    const slots = fairSlots(2, { running: 2, waiting: 1000 });
    const started: string[] = [];
    const flood = Array.from({ length: 200 }, (_, i) => gate(started, `flood ${i}`));
    flood.forEach((g) => void slots.run(1, g.task));
    await tick();
    expect(started).toEqual(['flood 0', 'flood 1']);
    const victim = gate(started, 'victim');
    const answer = slots.run(2, victim.task);
    flood[0]!.finish();
    await tick();
    expect(started).toEqual(['flood 0', 'flood 1', 'victim']);
    victim.finish();
    expect(await answer).toBe('victim');
    await tick();
    // Then the flood goes on, and two busy tabs take turns.
    expect(started.at(-1)).toBe('flood 2');
    const other = Array.from({ length: 3 }, (_, i) => gate(started, `other ${i}`));
    other.forEach((g) => void slots.run(3, g.task));
    const gates = new Map<string, ReturnType<typeof gate>>([...flood.map((g, i) => [`flood ${i}`, g] as const), ...other.map((g, i) => [`other ${i}`, g] as const)]);
    const finished = new Set(['flood 0', 'victim']);
    // Finish the oldest running task, six times.
    for (let n = 0; n < 6; n++) {
      const oldest = started.find((name) => !finished.has(name))!;
      finished.add(oldest);
      gates.get(oldest)!.finish();
      await tick();
    }
    expect(started.slice(4)).toEqual(['other 0', 'flood 3', 'other 1', 'flood 4', 'other 2', 'flood 5']);
  });

  it("drops a closed tab's waiting work, and the slots go on with the others", async () => {
    const slots = fairSlots(1, { running: 1, waiting: 1000 });
    const started: string[] = [];
    const first = gate(started, 'a 0');
    void slots.run(1, first.task);
    const waiting = Array.from({ length: 5 }, (_, i) => slots.run(1, gate(started, `a ${i + 1}`).task));
    const b = gate(started, 'b 0');
    const answer = slots.run(2, b.task);
    expect(slots.drop(1, 'the tab closed')).toBe(5);
    await expect(Promise.all(waiting)).rejects.toThrow('the tab closed');
    await expect(waiting[0]).rejects.toBeInstanceOf(DroppedWork);
    first.finish();
    await tick();
    b.finish();
    expect(await answer).toBe('b 0');
    expect(started).toEqual(['a 0', 'b 0']);
    expect(slots.drop(3, 'never seen')).toBe(0);
  });

  it('keeps a slot free for another tab when one tab may hold only some of them', async () => {
    const slots = fairSlots(3, { running: 2, waiting: 1000 });
    const started: string[] = [];
    Array.from({ length: 50 }, (_, i) => void slots.run(1, gate(started, `flood ${i}`).task));
    await tick();
    expect(started).toEqual(['flood 0', 'flood 1']);
    void slots.run(2, gate(started, 'victim').task);
    await tick();
    // Started at once: no flood task had to finish first.
    expect(started).toEqual(['flood 0', 'flood 1', 'victim']);
  });

  it("refuses work past a tab's bound instead of queueing it", async () => {
    const slots = fairSlots(1, { running: 1, waiting: 2 });
    const started: string[] = [];
    void slots.run(1, gate(started, 'running').task);
    void slots.run(1, gate(started, 'w1').task);
    void slots.run(1, gate(started, 'w2').task);
    await expect(slots.run(1, gate(started, 'w3').task)).rejects.toThrow('more than 2 images of this tab are waiting');
  });
});
