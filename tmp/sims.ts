import { readFileSync } from 'node:fs';
import { analyseImage } from '../src/engine/engine.js';
import { decodeImage } from '../src/node/decode-image.js';
import { loadNodeModels } from '../src/node/engine-node.js';
const m = await loadNodeModels();
const D = '/work/shared/faces/face-api.js/identities/';
const names = ['raj','penny','amy','bernadette'];
const emb: Record<string, Float32Array> = {};
for (const n of names) for (let i = 1; i <= 5; i++) {
  try { const f = await analyseImage(m, (await decodeImage(new Uint8Array(readFileSync(`${D}${n}/${n}${i}.png`)))).image); if (f[0]) emb[`${n}${i}`] = f[0].embedding; } catch {}
}
const keys = Object.keys(emb);
const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);
console.log('      ' + keys.map(k => k.padStart(6)).join(''));
for (const a of keys) console.log(a.padStart(6) + keys.map(b => cos(emb[a]!, emb[b]!).toFixed(3).padStart(6)).join(''));
