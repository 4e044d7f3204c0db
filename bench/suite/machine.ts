/** What the numbers were measured on; load averages matter because the bench machine is shared. */

import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  platform: string;
  node: string;
  /** 1, 5 and 15 minute load averages. */
  loadStart: number[];
  loadEnd: number[];
  startedAt: string;
  finishedAt: string;
}

export const loadAverage = (): number[] => os.loadavg().map((x) => Math.round(x * 100) / 100);

export function machineAtStart(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadStart: loadAverage(),
    loadEnd: [],
    startedAt: new Date().toISOString(),
    finishedAt: '',
  };
}

export function machineMarkdown(m: Machine): string {
  return [
    `- CPU: ${m.cpu}, ${m.cores} logical cores; ${m.memoryGiB} GiB memory; ${m.platform}; Node ${m.node}`,
    `- load average (1/5/15 min): ${m.loadStart.join(' / ')} at start, ${m.loadEnd.join(' / ')} at end`,
    `- run: ${m.startedAt} → ${m.finishedAt}`,
  ].join('\n');
}
