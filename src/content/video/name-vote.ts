/**
 * Deciding a tracked face's name over several samples. One frame's match can be wrong (motion
 * blur, a turned head), so a name is shown only once it wins a majority of the recent votes,
 * and the shown name stays until another one wins: a single bad frame never flips the label.
 * A named face turns "unknown" only when every recent vote says so: hard frames often match
 * nobody, which is no evidence that the person left, while another name is.
 */

/** Votes remembered per track, and how many of them a name needs. */
export const VOTE_WINDOW = 3;
export const VOTES_TO_WIN = 2;

/** undefined: not decided yet; null: decided to be nobody we know (an unknown face). */
export type Decision = string | null | undefined;

export interface NameVote {
  add(name: string | null): Decision;
  readonly decided: Decision;
  /** Decided, and the newest vote agrees: nothing to confirm by asking again. */
  readonly settled: boolean;
}

export function createNameVote(window = VOTE_WINDOW, toWin = VOTES_TO_WIN): NameVote {
  const votes: (string | null)[] = [];
  let decided: Decision;
  return {
    add(name) {
      votes.push(name);
      if (votes.length > window) votes.shift();
      const count = votes.filter((v) => v === name).length;
      const needed = name === null && typeof decided === 'string' ? window : toWin;
      // Only the newest vote can have just reached the majority; any older winner is already shown.
      if (count >= needed) decided = name;
      return decided;
    },
    get decided() {
      return decided;
    },
    get settled() {
      return decided !== undefined && votes.at(-1) === decided;
    },
  };
}
