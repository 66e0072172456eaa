import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { statCpuSeconds } from '../../src/gateway/thread-cpu.js';
import { REPO } from './server.js';

/** A process of the benchmark's own (upstream, pass-through proxy, nginx, gateway) listening on loopback. */
export interface Listening {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Answers a listening child's stop(): SIGTERM, then SIGKILL if it lingers. */
export function stopper(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => {
    // 'exit', not 'close': a child spawned with an IPC channel may never emit 'close'.
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
}

/**
 * Runs one of bench/lib's TypeScript entry points in a process of its own (so
 * it shares no event loop with the load generator or the system under test),
 * and waits for it to report, over IPC, the port it listens on.
 */
export async function spawnEntry(file: string, args: string[]): Promise<Listening> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start within 30 s`)), 30_000);
    child.once('message', (m: { port?: number }) => {
      clearTimeout(timer);
      if (typeof m.port === 'number') resolve(m.port);
      else reject(new Error(`${file} sent ${JSON.stringify(m)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code} during start-up`));
    });
  });
  child.disconnect();
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: stopper(child) };
}

/** Polls url until it answers 200, failing early if the child exits. */
export async function waitForOk(url: string, child: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} during start-up`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not answer ${url} within 30 s`);
}

/** The pid and its descendants (a `--workers N` gateway is a cluster primary with N children). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let children: string;
    try {
      children = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const c of children.trim().split(/\s+/)) if (c) out.push(Number(c));
  }
  return out;
}

/**
 * Resident set size in MiB, from /proc/<pid>/status: VmRSS, or with field
 * 'RssAnon' the anonymous part only (heap and stacks, without mapped files
 * such as code and SQLite's shared memory); 0 when the process is gone.
 */
export function rssMiB(pid: number, field: 'VmRSS' | 'RssAnon' = 'VmRSS'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system, seconds) used so far by the pids (0 for a pid that is gone). */
export function cpuSeconds(pids: number[]): number {
  let seconds = 0;
  for (const pid of pids) seconds += statCpuSeconds(`/proc/${pid}/stat`) ?? 0;
  return seconds;
}

/** CPU time (seconds) of a process's main thread alone (its JavaScript event loop, for a Node process). */
export function mainThreadCpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/task/${pid}/stat`) ?? 0;
}

/**
 * Binds every thread of the pids to the listed cores (`taskset -a -c -p`, e.g.
 * "1" or "0-2"); false when taskset is missing or refuses. Linux only.
 */
export function pinToCores(pids: number[], cores: string): boolean {
  try {
    for (const pid of pids) execFileSync('taskset', ['-a', '-c', '-p', cores, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A proxy of another project (nginx, Caddy) started with its configuration in
 * the temp dir `dir`: waits for `url` to answer, and removes `dir` when it
 * stops or fails to start. `errorLog`, a file in `dir`, is quoted on failure.
 */
export async function listeningFromTempDir(child: ChildProcess, dir: string, url: string, what: string, errorLog?: string): Promise<Listening> {
  const stop = stopper(child);
  const cleanUp = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForOk(`${url}/`, child, what);
  } catch (err) {
    let log = '';
    try {
      log = errorLog === undefined ? '' : readFileSync(errorLog, 'utf8').trim();
    } catch {
      // no log written
    }
    await cleanUp();
    throw new Error(`${(err as Error).message}${log ? `: ${log}` : ''}`, { cause: err });
  }
  return { url, pid: child.pid!, stop: cleanUp };
}
