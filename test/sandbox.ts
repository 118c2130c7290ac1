// What the tests' processes see of the machine: nothing of the developer's. Every
// spawned process (the binary, a shell, tmux, npm) gets a minimal environment made
// here rather than process.env: PATH to this Node and the system folders, a HOME of
// its own (empty: no shell start-up file, no .npmrc) and a TMPDIR of its own, both in
// the run's private folder (test/global-setup.ts removes it at the end). No
// NODE_OPTIONS, NODE_COMPILE_CACHE, BASH_ENV, ZDOTDIR, XDG_*… leaks in.
// Tools a test needs (tmux, zsh, fish) are found here, never installed: .ci/run
// installs them.
import { accessSync, constants, mkdtempSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';

const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The Node running the tests first (the spawned binary, npm and `#!/usr/bin/env node` run on it), then the system. */
export const PATH = [dirname(process.execPath), ...SYSTEM_DIRS].join(':');

/** A new empty folder in the run's private folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(inject('sandbox'), `${prefix}-`));
}

let dirs: { home: string; tmp: string } | undefined;

/** This test file's HOME and TMPDIR, made on first use. */
function sandboxDirs(): { home: string; tmp: string } {
  dirs ??= { home: tempDir('home'), tmp: tempDir('tmp') };
  return dirs;
}

/** The environment of a spawned process: the minimal one, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const { home, tmp } = sandboxDirs();
  return { PATH, HOME: home, TMPDIR: tmp, ...extra };
}

/**
 * The absolute path of a program the test needs, looked up on the developer's PATH
 * and the system's; a test without it fails (it never skips) and says how to get it.
 */
export function requireCommand(command: string, aptPackage = command): string {
  for (const dir of [...(process.env.PATH ?? '').split(':'), ...SYSTEM_DIRS]) {
    if (!dir.startsWith('/')) continue;
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not in this folder
    }
  }
  throw new Error(`${command} est nécessaire pour ce test : apt-get install ${aptPackage} (.ci/run l’installe)`);
}
