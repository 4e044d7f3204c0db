import { expect, it } from 'vitest';
import { pageOriginPattern } from '../../src/background/warm-engine.js';

it('warms the engine only for web pages, by the host pattern the popup grants', () => {
  expect(pageOriginPattern('https://news.example/article?id=7#photos')).toBe('https://news.example/*');
  expect(pageOriginPattern('http://localhost:3000/feed')).toBe('http://localhost/*');
  for (const url of ['chrome://extensions', 'about:blank', 'file:///home/me/a.html', 'data:text/html,x', 'moz-extension://abc/popup.html', 'not a url']) {
    expect(pageOriginPattern(url), url).toBeNull();
  }
});
