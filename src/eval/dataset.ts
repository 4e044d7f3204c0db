/**
 * Typed view of the labelled face set's indexes (identification.json, detection.json). Pure: callers read the
 * files and pass the parsed JSON in, so this works the same in tests, scripts and the browser.
 */

import type { Box } from '../engine/types.js';

/** A photo of one person (exactly one face); identities with one photo serve as unknowns. */
export interface IdentityPhoto {
  /** Relative to the faces folder. */
  path: string;
  identity: string;
  faces: number;
  photosOfIdentity: number;
}

/** A group photo; `identities` may carry the index's "(helper) " prefix when names were assigned by eye. */
export interface GroupPhoto {
  path: string;
  identities: string[];
  faces: number;
}

export interface DetectionImage {
  path: string;
  /** Whole-number face count, or null when the index gives only a description (e.g. "14 main + ~3 small"). */
  faces: number | null;
  /** The index's text when `faces` is not a whole number. */
  facesText: string | null;
  /** How the count is known: repo_boxes, helper_count, obvious_negative, ... */
  quality: string;
  /** Hand-drawn boxes where the source repo has them. */
  boxes: Box[] | null;
}

export interface IdentificationIndex {
  photos: IdentityPhoto[];
  groups: GroupPhoto[];
}

type Json = Record<string, unknown>;

function entriesOf(json: unknown, file: string): Json[] {
  const entries = (json as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an object with entries[]`);
  return entries.map((e, i) => {
    if (typeof e !== 'object' || e === null) throw new Error(`${file}: entries[${i}] is not an object`);
    return e as Json;
  });
}

function str(e: Json, key: string, where: string): string {
  const v = e[key];
  if (typeof v !== 'string') throw new Error(`${where}: ${key} must be a string`);
  return v;
}

function int(e: Json, key: string, where: string): number {
  const v = e[key];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${where}: ${key} must be a whole number`);
  return v;
}

export function parseIdentification(json: unknown): IdentificationIndex {
  const photos: IdentityPhoto[] = [];
  const groups: GroupPhoto[] = [];
  entriesOf(json, 'identification.json').forEach((e, i) => {
    const where = `identification.json entries[${i}]`;
    const path = str(e, 'path', where);
    if (e.multi_face === true) {
      const ids = e.identities_in_photo;
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw new Error(`${where}: identities_in_photo must be strings`);
      groups.push({ path, identities: ids as string[], faces: int(e, 'faces', where) });
    } else {
      photos.push({
        path,
        identity: str(e, 'identity', where),
        faces: int(e, 'faces', where),
        photosOfIdentity: int(e, 'n_photos_of_identity', where),
      });
    }
  });
  return { photos, groups };
}

function parseBoxes(v: unknown, where: string): Box[] | null {
  if (v === undefined) return null;
  if (!Array.isArray(v)) throw new Error(`${where}: boxes_ltwh must be an array`);
  return v.map((b: unknown, j) => {
    const o = b as { left?: unknown; top?: unknown; width?: unknown; height?: unknown } | null;
    const nums = [o?.left, o?.top, o?.width, o?.height];
    if (!nums.every((n) => typeof n === 'number')) throw new Error(`${where}: boxes_ltwh[${j}] needs numeric left/top/width/height`);
    return nums as Box;
  });
}

export function parseDetection(json: unknown): DetectionImage[] {
  return entriesOf(json, 'detection.json').map((e, i) => {
    const where = `detection.json entries[${i}]`;
    const raw = e.faces;
    const whole = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0;
    if (!whole && typeof raw !== 'string') throw new Error(`${where}: faces must be a whole number or a description`);
    return {
      path: str(e, 'path', where),
      faces: whole ? raw : null,
      facesText: whole ? null : String(raw),
      quality: str(e, 'quality', where),
      boxes: parseBoxes(e.boxes_ltwh, where),
    };
  });
}

/** Every image either index names, once each, in first-seen order. */
export function allImagePaths(identification: IdentificationIndex, detection: readonly DetectionImage[]): string[] {
  const paths = [...identification.photos, ...identification.groups, ...detection].map((e) => e.path);
  return [...new Set(paths)];
}
