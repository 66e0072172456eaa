import { writeFileSync } from 'node:fs';
import { openInspector } from './inspector.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * A V8 CPU profile of a process started with `--inspect=127.0.0.1:<port>`,
 * taken through the inspector while `during` runs, written to `file` (open it in
 * Chrome's DevTools or speedscope). Returns the functions with the most self
 * time, as shares of the samples, for a summary printed by the scenario.
 */
export async function cpuProfile(inspectPort: number, file: string, during: () => Promise<void>): Promise<{ name: string; share: number }[]> {
  const session = await openInspector(inspectPort);
  const call = session.call;
  try {
    await call('Profiler.enable');
    await call('Profiler.setSamplingInterval', { interval: 100 });
    await call('Profiler.start');
    await during();
    const { profile } = (await call('Profiler.stop')) as { profile: CpuProfile };
    await call('Profiler.disable');
    writeFileSync(file, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    for (const id of profile.samples) {
      const f = byId.get(id)!.callFrame;
      const where = f.url === '' ? '' : ` ${f.url.replace(/^.*\/(node_modules|dist|node:)/, '$1')}:${f.lineNumber + 1}`;
      const name = `${f.functionName || '(anonymous)'}${where}`;
      self.set(name, (self.get(name) ?? 0) + 1);
    }
    const total = profile.samples.length;
    return [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([name, n]) => ({ name, share: n / total }));
  } finally {
    session.close();
  }
}
