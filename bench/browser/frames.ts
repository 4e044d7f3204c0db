/**
 * Video frames for the frame-throughput check, made in Node from the same photos the video page
 * shows: 640x360 JPEG data URLs (the size a video labeller sends, ≤640 px), each drifting a few
 * pixels from the last, as video frames do, so no two are the same image (nothing is cached).
 */
import sharp from 'sharp';
import { join } from 'node:path';
import { VIDEO_PHOTOS } from './photos.js';

/** Frames per photo ("shot"): 17 frames drifting 2 px each fit the 40 px of slack; 12 photos give 204 distinct frames. */
const SHOT = 17;

export async function videoFrames(faces: string, count: number): Promise<string[]> {
  if (count > SHOT * VIDEO_PHOTOS.length) throw new Error(`at most ${SHOT * VIDEO_PHOTOS.length} distinct frames`);
  const frames: string[] = [];
  for (let i = 0; i < count; i++) {
    const photo = VIDEO_PHOTOS[Math.floor(i / SHOT) % VIDEO_PHOTOS.length] as string;
    const wide = sharp(join(faces, photo)).rotate().resize(680, 360, { fit: 'contain', background: '#000' });
    const jpeg = await wide.extract({ left: (i % SHOT) * 2, top: 0, width: 640, height: 360 }).jpeg({ quality: 85 }).toBuffer();
    frames.push(`data:image/jpeg;base64,${jpeg.toString('base64')}`);
  }
  return frames;
}
