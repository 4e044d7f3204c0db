import { expect, it } from 'vitest';
import { sitePattern } from '../../src/shared/site-pattern.js';

it('gives the host pattern the popup grants and the engine warm-up checks, for web pages only', () => {
  expect(sitePattern('https://news.example/article?id=7#photos')).toBe('https://news.example/*');
  expect(sitePattern('http://localhost:3000/feed')).toBe('http://localhost/*');
  for (const url of ['chrome://extensions', 'about:blank', 'file:///home/me/a.html', 'data:text/html,x', 'moz-extension://abc/popup.html', 'not a url', undefined]) {
    expect(sitePattern(url), url).toBeNull();
  }
});
