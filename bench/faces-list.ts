/**
 * Prints every image of the shared face set's indexes (identification.json + detection.json, deduplicated),
 * one absolute path a line, as input for `--list` of facetag scan and the peer scripts.
 *
 *   npx tsx bench/faces-list.ts > artifacts/peers/list.txt
 */

import path from 'node:path';
import { loadFacesData } from './lib/faces-data.js';

const data = loadFacesData();
process.stdout.write(data.allPaths.map((p) => `${path.join(data.dir, p)}\n`).join(''));
