/**
 * The build check behind "nothing leaves the machine": scans a built extension for remote
 * URLs and for code paths that could load or run code that is not in the package. Every
 * remote URL literal is a finding (not only those next to fetch(): a URL anywhere can reach a
 * sink through a variable), and so is every network or code-loading sink whose argument is not
 * a local literal. A finding passes only through an allowance that names it and says why it is
 * harmless; an allowance that matches nothing fails too, so the list cannot go stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type FindingKind = 'remote-url' | 'network-sink' | 'dynamic-code' | 'manifest';

export interface Finding {
  kind: FindingKind;
  file: string;
  /** The matched text and what follows it, enough to see what the code does. */
  context: string;
}

export interface Allowance {
  kind: FindingKind;
  /** Matched against the finding's context. */
  context: RegExp;
  reason: string;
}

export interface AuditReport {
  findings: Finding[];
  /** Findings with no allowance: each one fails the build. */
  rejected: Finding[];
  /** Allowances that matched nothing: stale entries fail the build too. */
  unused: Allowance[];
}

const REMOTE_URL = /(?:\bhttps?:|\bwss?:|\bftp:|["'`(]\s*)\/\/(?:[\w-]+\.)+[\w-]+|\bhttps?:\/\/\[/gi;
/** Calls that send or load something by URL; the argument decides whether it is local. */
const NETWORK_SINK = /\b(?:(?:fetch|import|importScripts|sendBeacon)\s*\(|new\s+(?:Worker|SharedWorker|WebSocket|EventSource|XMLHttpRequest|RTCPeerConnection)\b\s*\(?)/g;
/** Ways to run a string as code: fine for local text only, and the CSP forbids them in extension pages. */
const DYNAMIC_CODE = /(?<![\w$.])(?:eval|Function)\s*\(|\bnew\s+Function\b|\b(?:setTimeout|setInterval)\s*\(\s*["'`]/g;
const SCANNED = /\.(?:m?js|html)$/;

/** A string literal that stays inside the package: a relative or absolute path, or an extension URL. */
function localLiteral(arg: string): boolean {
  const m = /^\s*(["'`])([^"'`$]*)\1/.exec(arg);
  if (!m) return false;
  const target = m[2]!;
  return !/^(?:[a-z][\w+.-]*:)?\/\//i.test(target) || /^(?:chrome|moz)-extension:/i.test(target);
}

function excerpt(text: string, at: number, length: number): string {
  return text.slice(Math.max(0, at - 60), at + length + 100).replace(/\s+/g, ' ');
}

export function auditSource(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(REMOTE_URL)) findings.push({ kind: 'remote-url', file, context: excerpt(text, m.index, m[0].length) });
  for (const m of text.matchAll(NETWORK_SINK)) {
    const arg = text.slice(m.index + m[0].length, m.index + m[0].length + 200);
    if (!localLiteral(arg)) findings.push({ kind: 'network-sink', file, context: excerpt(text, m.index, m[0].length) });
  }
  for (const m of text.matchAll(DYNAMIC_CODE)) findings.push({ kind: 'dynamic-code', file, context: excerpt(text, m.index, m[0].length) });
  return findings;
}

/** The extension pages' CSP must allow scripts from the package only (WASM compilation aside). */
export function auditManifest(file: string, manifest: { content_security_policy?: { extension_pages?: string }; externally_connectable?: unknown }): Finding[] {
  const findings: Finding[] = [];
  const csp = manifest.content_security_policy?.extension_pages ?? '';
  const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
  const allowedSources = new Set(["'self'", "'wasm-unsafe-eval'"]);
  if (scriptSrc.length === 0 || scriptSrc.some((s) => !allowedSources.has(s))) findings.push({ kind: 'manifest', file, context: `script-src ${scriptSrc.join(' ') || '(missing)'}` });
  if (manifest.externally_connectable !== undefined) findings.push({ kind: 'manifest', file, context: `externally_connectable ${JSON.stringify(manifest.externally_connectable)}` });
  return findings;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SCANNED.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

export function judge(findings: Finding[], allowances: Allowance[]): AuditReport {
  const used = new Set<Allowance>();
  const rejected = findings.filter((f) => {
    const allowance = allowances.find((a) => a.kind === f.kind && a.context.test(f.context));
    if (allowance) used.add(allowance);
    return !allowance;
  });
  return { findings, rejected, unused: allowances.filter((a) => !used.has(a)) };
}

/** Every script and page of a built extension, and its manifest. */
export function auditBuild(dir: string): Finding[] {
  const findings = filesUnder(dir).flatMap((path) => auditSource(relative(dir, path), readFileSync(path, 'utf8')));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Parameters<typeof auditManifest>[1];
  return [...findings, ...auditManifest('manifest.json', manifest)];
}
