import { readFileSync } from 'node:fs';

/**
 * CPU time of single threads, from Linux's /proc: lets the gateway say what its
 * analytics writer thread costs apart from the thread serving requests.
 * Elsewhere (no /proc) every function answers undefined.
 */

/** /proc counts CPU time in clock ticks, 100 per second on Linux. */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds in a /proc stat file (`/proc/<pid>/stat`, `/proc/<pid>/task/<tid>/stat`); undefined when it is gone. */
export function statCpuSeconds(path: string): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND;
}

/** The kernel's id of the calling thread. */
export function currentThreadId(): number | undefined {
  try {
    const tid = Number.parseInt(readFileSync('/proc/thread-self/stat', 'utf8'), 10);
    return Number.isInteger(tid) ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds a thread of this process has used. */
export function threadCpuSeconds(tid: number): number | undefined {
  return statCpuSeconds(`/proc/self/task/${tid}/stat`);
}
