/** The build check: the packages in dist/ (built just before this suite) hold no remote URL and no way to load remote code. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ALLOWANCES } from '../../scripts/bundle-allowances.js';
import { auditBuild, judge } from '../../scripts/bundle-audit.js';

const dist = (browser: string) => resolve(import.meta.dirname, '..', '..', 'dist', browser);

describe('the built extension', () => {
  it('holds no remote URL and no path to remote code, in either browser build', () => {
    const findings = [...auditBuild(dist('chrome')), ...auditBuild(dist('firefox'))];
    const report = judge(findings, BUNDLE_ALLOWANCES);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.rejected, JSON.stringify(report.rejected, null, 2)).toEqual([]);
    expect(report.unused.map((a) => a.reason)).toEqual([]);
    // The content script sends URLs to the background and fetches nothing itself.
    expect(findings.filter((f) => f.file === 'src/content/main.js' && f.kind === 'network-sink')).toEqual([]);
  });
});
