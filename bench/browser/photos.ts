/**
 * Which photos of ../shared/faces each benchmark page shows, and who is enrolled. Paths are
 * relative to the faces folder and served in place, never copied.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Enrollee {
  name: string;
  photo: string;
}

const BBT = ['sheldon', 'leonard', 'howard', 'raj', 'penny', 'amy', 'bernadette', 'stuart'];

/** The 8 TV characters from their first face-api.js crop, and one person of Human's portraits. */
export const ENROLLEES: Enrollee[] = [
  ...BBT.map((n) => ({ name: n[0]!.toUpperCase() + n.slice(1), photo: `face-api.js/identities/${n}/${n}1.png` })),
  { name: 'Vlado', photo: 'human/in/person-vlado.jpg' },
];

const PORTRAITS = [
  ...['vlado1', 'vlado5', 'celeste', 'christina', 'lauren', 'lexi', 'linda', 'nicole', 'tasia', 'tetiana'].map((p) => `human/in/person-${p}.jpg`),
  ...['angry', 'disgusted', 'fearful', 'happy', 'neutral', 'sad', 'surprised'].map((e) => `face-api.js/expressions/${e}.jpg`),
  'dlib/faces/Tom_Cruise_avp_2014_4.jpg',
  'mtcnn/ivan.jpg',
];

const files = (faces: string, dir: string): string[] =>
  readdirSync(join(faces, dir)).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort().map((f) => `${dir}/${f}`);

/** 50 photos: 19 portraits (0.3–2.9 Mpx) and 31 face crops of the enrolled characters, not the enrolled ones. */
export function galleryPhotos(faces: string): string[] {
  const enrolled = new Set(ENROLLEES.map((e) => e.photo));
  const crops = BBT.flatMap((n) => files(faces, `face-api.js/identities/${n}`)).filter((p) => !enrolled.has(p));
  return [...PORTRAITS, ...crops].slice(0, 50);
}

export const GROUP_PHOTOS = [
  ...[1, 2, 3, 4, 5].map((i) => `face-api.js/group/bbt${i}.jpg`),
  'face-recognition.js/group/got.jpg',
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => `human/in/group-${i}.jpg`),
  'human/in/stock-group-1.jpg',
  'human/in/stock-group-2.jpg',
  'human/in/solvay1927.jpg',
];

/**
 * The article page: 24 full-size photos (0.1-3 Mpx) of the four photo folders a news article or
 * feed would hold: portraits, group photos, a crowd, not the enrolled photos.
 */
export const ARTICLE_PHOTOS = [
  ...['vlado1', 'vlado5', 'celeste', 'christina', 'lauren', 'lexi', 'linda', 'nicole', 'tasia', 'tetiana'].map((p) => `human/in/person-${p}.jpg`),
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => `human/in/group-${i}.jpg`),
  'human/in/stock-group-1.jpg',
  'human/in/stock-group-2.jpg',
  'dlib/faces/Tom_Cruise_avp_2014_4.jpg',
  'dlib/faces/bald_guys.jpg',
  'face-recognition.js/group/got.jpg',
  'face-api.js/group/bbt1.jpg',
  'face-api.js/group/bbt5.jpg',
];

/** 200 different photos for the infinite-scroll page: face chips of many people, then portraits. */
export function scrollPhotos(faces: string): string[] {
  const chips = [
    ...readdirSync(join(faces, 'face-recognition.js/faces')).sort().flatMap((n) => files(faces, `face-recognition.js/faces/${n}`)),
    ...readdirSync(join(faces, 'dlib/johns')).sort().flatMap((n) => files(faces, `dlib/johns/${n}`)),
    ...galleryPhotos(faces),
  ];
  return chips.slice(0, 200);
}

/** Frames of the video page and of the frame-throughput check: group photos and portraits. */
export const VIDEO_PHOTOS = [...GROUP_PHOTOS.slice(0, 6), ...PORTRAITS.slice(0, 6)];
