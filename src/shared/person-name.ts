/**
 * A person's name as Facetag stores and shows it. Names come from the prompt, the popup, packs
 * and folder names, any of which a page or a file can fill: control characters (line breaks,
 * tabs, NUL) and bidirectional overrides and isolates (which make "Mallory" read as something
 * else next to other text, and turn labels and menus around) are dropped, and runs of white space
 * become one space (issue 14, finding 9).
 */
import { z } from 'zod';

/** C0 and C1 controls, and the bidi marks, embeddings, overrides and isolates. */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const MAX_NAME_LENGTH = 200;

export function cleanName(text: string): string {
  return text.replace(UNSHOWABLE, ' ').replace(/\s+/g, ' ').trim();
}

/** A name field of any message or file: cleaned, then 1 to MAX_NAME_LENGTH characters. */
export const personNameSchema = z.string().transform(cleanName).pipe(z.string().min(1).max(MAX_NAME_LENGTH));
