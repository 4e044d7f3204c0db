import { expect, it } from 'vitest';
import { patternsGranting, sitePattern } from '../../src/shared/site-pattern.js';

it('gives the host pattern the popup grants and the engine warm-up checks, for web pages only', () => {
  expect(sitePattern('https://news.example/article?id=7#photos')).toBe('https://news.example/*');
  for (const url of ['chrome://extensions', 'about:blank', 'file:///home/me/a.html', 'data:text/html,x', 'moz-extension://abc/popup.html', 'not a url', undefined]) {
    expect(sitePattern(url), url).toBeNull();
  }
});

it('names the port of a local service where the browser can (Chrome), so switching on one does not switch on every port', () => {
  expect(sitePattern('http://localhost:3000/feed', true)).toBe('http://localhost:3000/*');
  expect(sitePattern('https://news.example:443/a', true)).toBe('https://news.example/*');
  expect(sitePattern('http://localhost:3000/feed', false)).toBe('http://localhost/*');
  expect(patternsGranting('http://localhost:3000/*')).toEqual(['http://localhost:3000/*', 'http://localhost/*']);
  expect(patternsGranting('http://localhost/*')).toEqual(['http://localhost/*']);
});
