// A `facetag scan` worker thread: tsx's loader first, as in bin/facetag.js, then the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/scan-worker.ts');
