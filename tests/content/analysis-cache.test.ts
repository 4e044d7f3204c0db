import { expect, it } from 'vitest';
import { createAnalysisCache } from '../../src/content/analysis-cache.js';
import { err, ok, type Result } from '../../src/shared/result.js';

function counting(answer: (url: string) => Result<string>) {
  const asked: string[] = [];
  const cache = createAnalysisCache<string>(async (url) => {
    asked.push(url);
    return answer(url);
  }, 3);
  return { asked, cache };
}

it('asks once per URL, remembers the first working size, and keeps only the most recently used URLs', async () => {
  const { asked, cache } = counting((url) => ok(`faces of ${url}`));
  expect(await cache.analyse('a', 640)).toEqual(ok('faces of a'));
  expect(await cache.analyse('a', 320)).toEqual(ok('faces of a'));
  expect(cache.sideOf('a')).toBe(640);
  for (const url of ['b', 'c']) await cache.analyse(url, 100);
  await cache.analyse('a', 100); // a is now the most recent
  await cache.analyse('d', 100); // evicts b, the least recently used
  expect(cache.sideOf('b')).toBeUndefined();
  expect(cache.sideOf('a')).toBe(640);
  await cache.analyse('b', 100);
  expect(asked).toEqual(['a', 'b', 'c', 'd', 'b']);
});

it('forgets a failure, so the next look asks again and can succeed (issue 14, finding 5)', async () => {
  let busy = true;
  const { asked, cache } = counting((url) => (busy ? err('the engine did not answer in time') : ok(`faces of ${url}`)));
  expect(await cache.analyse('a', 640)).toEqual(err('the engine did not answer in time'));
  await Promise.resolve();
  busy = false;
  expect(await cache.analyse('a', 640)).toEqual(ok('faces of a'));
  expect(asked).toEqual(['a', 'a']);
  cache.clear();
  expect(cache.sideOf('a')).toBeUndefined();
});
