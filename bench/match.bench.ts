/**
 * Matching speed: one probe against 100,000 references (d = 128) of 1,000 people.
 * Run: npx tsx bench/match.bench.ts. Target: median <= 5 ms. The measurement lives in suite/match-speed.ts,
 * which bench/run.ts uses too.
 */
import { measureMatching } from './suite/match-speed.js';

const m = measureMatching();
process.stdout.write(`match: ${m.references} refs x ${m.dim} d, ${m.people} people: median ${m.medianMs.toFixed(2)} ms over ${m.runs} runs\n`);
