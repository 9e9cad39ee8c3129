import { readFileSync, writeFileSync } from 'node:fs';

const MiB = 2 ** 20;
const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;

/** VmRSS (resident now) and VmHWM (peak resident) of a process, in bytes, from /proc/<pid>/status. */
export function processMemory(pid: number): { rss: number; peakRss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => {
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    if (!match) throw new Error(`no ${field} for process ${pid}`);
    return Number(match[1]) * 1024;
  };
  return { rss: kib('VmRSS'), peakRss: kib('VmHWM') };
}

/** Resets the process's VmHWM to its current RSS (Linux ≥ 4.0, `clear_refs` 5); false if not allowed. */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface PeakMemory {
  startRssMiB: number;
  peakRssMiB: number;
  /** How the peak was taken: the kernel's own high-water mark since `work` began, or 10 ms samples only. */
  peakFrom: 'VmHWM' | 'samples';
}

/**
 * Peak resident memory of another process while `work` runs: the larger of VmRSS sampled every
 * 10 ms and, when it can be reset first, the kernel's VmHWM (which catches peaks between samples).
 */
export async function peakRssOfProcessDuring(pid: number, work: () => Promise<unknown>): Promise<PeakMemory> {
  const highWaterMark = resetPeakRss(pid);
  const start = processMemory(pid).rss;
  let peak = start;
  const sample = () => {
    const now = processMemory(pid);
    peak = Math.max(peak, now.rss, highWaterMark ? now.peakRss : 0);
  };
  const timer = setInterval(sample, 10);
  try {
    await work();
    sample();
  } finally {
    clearInterval(timer);
  }
  return { startRssMiB: mib(start), peakRssMiB: mib(peak), peakFrom: highWaterMark ? 'VmHWM' : 'samples' };
}
