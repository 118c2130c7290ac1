// Runs once per vitest run, before any test file (vitest.config.mts, globalSetup):
// 1. builds dist/ with the Node that runs the tests, so that the binary the tests spawn
//    is the current code (and its V8 code cache is this Node's); in watch mode, again
//    before every rerun;
// 2. makes the run's private folder (HOMEs, temporary folders, tmux sockets of the
//    tests: see test/sandbox.ts) and removes it at the end, killing any tmux server a
//    failed test left behind. A run stopped short (Ctrl-C, a signal) has no end: its
//    folder is removed by the next run, once its process is gone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's private folder, removed when the run ends. */
    sandbox: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

function build(): void {
  // Without the developer's NODE_OPTIONS: the code cache the build makes must fit the
  // binary's V8 flags, and the tests run it without them.
  const env = { ...process.env, NODE_OPTIONS: '' };
  const r = spawnSync(process.execPath, [join(root, 'src/build/build.mjs')], { cwd: root, encoding: 'utf8', env });
  if (r.status !== 0) {
    throw new Error(`la construction de dist/ a échoué (node src/build/build.mjs, code ${r.status ?? r.signal}) :\n${r.stdout}${r.stderr}`);
  }
  process.stderr.write(`Tests sur Node ${process.version} (${process.execPath}) ; ${r.stderr}`);
}

/** Removes a run's folder, after killing the tmux servers whose socket is still there (a test that failed before closing its terminal). */
function removeSandbox(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isSocket()) spawnSync('tmux', ['-S', join(entry.parentPath, entry.name), 'kill-server'], { stdio: 'ignore' });
  }
  rmSync(dir, { recursive: true, force: true });
}

const SANDBOX = /^mcp-faq-test-(\d+)-/;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export default function setup(project: TestProject): () => void {
  for (const name of readdirSync(tmpdir())) {
    const pid = SANDBOX.exec(name)?.[1];
    if (pid && !alive(Number(pid))) removeSandbox(join(tmpdir(), name));
  }
  build();
  project.onTestsRerun(() => build());
  const sandbox = mkdtempSync(join(tmpdir(), `mcp-faq-test-${process.pid}-`));
  project.provide('sandbox', sandbox);
  return () => removeSandbox(sandbox);
}
