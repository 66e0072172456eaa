import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real, compiled CLI (`portcullis …`) in a child process (test/global-setup.ts builds it). */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/main.js', ...args], {
      cwd: REPO,
      env: { ...process.env, PORTCULLIS_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCli {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves once the output contains `text` (the server logs its addresses after /health first answers). */
  waitForOutput(text: string): Promise<string>;
  exited: Promise<number | null>;
}

/** Starts `portcullis start` and resolves once /health answers. */
export async function startCliServer(env: Record<string, string>): Promise<RunningCli> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js', 'start'], {
    cwd: REPO,
    // The in-process gateway takes a free port too (its default, 8080, may be taken).
    env: { ...process.env, PORTCULLIS_LOG_LEVEL: 'info', PORTCULLIS_HOST: '127.0.0.1', PORTCULLIS_PORT: String(port), PORTCULLIS_GATEWAY_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const waitForOutput = async (text: string): Promise<string> => {
    for (let i = 0; i < 200 && !out.includes(text); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!out.includes(text)) throw new Error(`the server never printed ${JSON.stringify(text)}:\n${out}`);
    return out;
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return { child, url, output: () => out, waitForOutput, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${out}`);
}
