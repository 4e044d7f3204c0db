/**
 * People and their reference faces: the operations the background needs.
 */
import type { Person } from '../engine/match/gallery.js';
import type { PersonSummary, Settings } from '../shared/protocol.js';
import { DEFAULT_SENSITIVITY, SENSITIVITY_MAX, SENSITIVITY_MIN } from '../engine/match/sensitivity.js';
import type { FacetagDb } from './db.js';
import { negativesByPerson } from './negatives.js';
import { nameKeyOf, type PersonRow } from './schema.js';

export interface NewReference {
  name: string;
  thumbnail: string;
  quality: number;
  source: string;
  modelId: string;
  embedding: Float32Array;
}

/** Adds a reference photo to the person of that name (made if new); the person, and the new reference's id. */
export async function addReference(db: FacetagDb, ref: NewReference, now = new Date()): Promise<PersonRow & { referenceId: string }> {
  return db.transaction('rw', db.people, db.references, db.embeddings, async () => {
    const nameKey = nameKeyOf(ref.name);
    let person = await db.people.where('nameKey').equals(nameKey).first();
    if (!person) {
      person = { id: crypto.randomUUID(), name: ref.name.trim(), nameKey, createdAt: now.toISOString(), lastSeenAt: null };
      await db.people.add(person);
    }
    const referenceId = crypto.randomUUID();
    await db.references.add({ id: referenceId, personId: person.id, thumbnail: ref.thumbnail, quality: ref.quality, source: ref.source, addedAt: now.toISOString() });
    await db.embeddings.add({ referenceId, modelId: ref.modelId, personId: person.id, vector: ref.embedding });
    return { ...person, referenceId };
  });
}

/** Everyone with at least one embedding of this model, with their rejected faces, ready for buildGallery. */
export async function galleryPeople(db: FacetagDb, modelId: string): Promise<Person[]> {
  const [people, rows, negatives] = await Promise.all([db.people.toArray(), db.embeddings.where('modelId').equals(modelId).toArray(), negativesByPerson(db, modelId)]);
  const refs = new Map<string, Float32Array[]>();
  for (const row of rows) refs.set(row.personId, [...(refs.get(row.personId) ?? []), row.vector]);
  return people.filter((p) => refs.has(p.id)).map((p) => ({ id: p.id, name: p.name, references: refs.get(p.id) ?? [], negatives: negatives.get(p.id) ?? [] }));
}

export async function personNames(db: FacetagDb): Promise<string[]> {
  return (await db.people.orderBy('name').toArray()).map((p) => p.name);
}

export async function peopleSummaries(db: FacetagDb): Promise<PersonSummary[]> {
  const people = await db.people.orderBy('name').toArray();
  return Promise.all(
    people.map(async (p) => {
      const refs = await db.references.where('personId').equals(p.id).toArray();
      return { id: p.id, name: p.name, references: refs.length, thumbnail: refs[0]?.thumbnail ?? null, lastSeenAt: p.lastSeenAt ?? null };
    }),
  );
}

export async function deletePerson(db: FacetagDb, id: string): Promise<void> {
  await db.transaction('rw', [db.people, db.references, db.embeddings, db.negatives], async () => {
    await db.negatives.where('personId').equals(id).delete();
    await db.embeddings.where('personId').equals(id).delete();
    await db.references.where('personId').equals(id).delete();
    await db.people.delete(id);
  });
}

const DEFAULT_SETTINGS: Settings = { showUnknown: false, enabled: true, sensitivity: DEFAULT_SENSITIVITY };

export async function readSettings(db: FacetagDb): Promise<Settings> {
  const rows = new Map((await db.settings.toArray()).map((r) => [r.key, r.value]));
  const flag = (key: 'showUnknown' | 'enabled') => {
    const v = rows.get(key);
    return typeof v === 'boolean' ? v : DEFAULT_SETTINGS[key];
  };
  const level = rows.get('sensitivity');
  const sensitivity = typeof level === 'number' && level >= SENSITIVITY_MIN && level <= SENSITIVITY_MAX ? level : DEFAULT_SETTINGS.sensitivity;
  return { showUnknown: flag('showUnknown'), enabled: flag('enabled'), sensitivity };
}

/** Writes the settings given; the others keep their values. */
export async function writeSettings(db: FacetagDb, settings: Partial<Settings>): Promise<Settings> {
  const rows = Object.entries(settings).filter(([, value]) => value !== undefined).map(([key, value]) => ({ key, value: value as unknown }));
  await db.settings.bulkPut(rows);
  return readSettings(db);
}
