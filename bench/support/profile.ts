/** The parts of a V8 `.cpuprofile` (node --cpu-prof) that a summary needs; times in µs. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface ProfileRow {
  readonly name: string;
  readonly percent: number;
}

export interface ProfileSummary {
  /** CPU time (ms) sampled in the window, idle excluded. */
  readonly totalMs: number;
  readonly byFunction: ProfileRow[];
  readonly byFile: ProfileRow[];
  /** Our own functions (src/, adapters/) with everything they called. */
  readonly ours: ProfileRow[];
}

/** Where a frame's code lives: the npm package, a file of ours, or V8/node itself. */
function fileOf(url: string): string {
  if (!url) return '(native / V8)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const ours = /\/(src|adapters|bin|migrations)\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${fileOf(url)}${url ? `:${lineNumber + 1}` : ''}`;
}

function ranked(totals: Map<string, number>, all: number, top: number): ProfileRow[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, hits]) => ({ name, percent: (100 * hits) / all }));
}

/** Samples per node id, counting only those in the last `windowMs` of the profile (the load, not start-up). */
function hitsInWindow(profile: CpuProfile, windowMs: number): Map<number, number> {
  const from = profile.endTime - windowMs * 1000;
  const hits = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i] ?? 0;
    const id = profile.samples[i];
    if (at >= from && id !== undefined) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  return hits;
}

/** Self time summed by function and by file/package, and our functions' total time, the top `top` of each, in percent of busy samples. */
export function summariseProfile(profile: CpuProfile, top: number, windowMs: number): ProfileSummary {
  const hits = hitsInWindow(profile, windowMs);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const ours = new Map<string, number>();
  let busy = 0;
  let all = 0;
  // Depth-first from the root, carrying the names of our functions on the stack (each counted once per sample).
  const visit = (id: number, stack: ReadonlySet<string>) => {
    const node = byId.get(id);
    if (!node) return;
    const name = nameOf(node);
    const mine = /^(src|adapters)\//.test(fileOf(node.callFrame.url));
    const here = mine && !stack.has(name) ? new Set([...stack, name]) : stack;
    const n = hits.get(id) ?? 0;
    all += n;
    if (n && node.callFrame.functionName !== '(idle)') {
      busy += n;
      byFunction.set(name, (byFunction.get(name) ?? 0) + n);
      const file = fileOf(node.callFrame.url);
      byFile.set(file, (byFile.get(file) ?? 0) + n);
      for (const f of here) ours.set(f, (ours.get(f) ?? 0) + n);
    }
    for (const child of node.children ?? []) visit(child, here);
  };
  const root = profile.nodes[0];
  if (root) visit(root.id, new Set());
  const msPerSample = all ? windowMs / all : 0;
  return { totalMs: busy * msPerSample, byFunction: ranked(byFunction, busy, top), byFile: ranked(byFile, busy, top), ours: ranked(ours, busy, top) };
}
