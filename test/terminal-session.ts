// Real terminals for the tests: tmux sessions driven with send-keys and read with
// capture-pane. Each session has a tmux server of its own, with its socket in a private
// TMUX_TMPDIR, no configuration (-f /dev/null) and the tests' minimal environment
// (test/sandbox.ts); close() kills the server and removes the folder. A test file calls
// afterEach(closeTerminals), so that a failed test leaves nothing behind either.
// tmux is never installed from here: a test without it fails and says how to get it.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cleanEnv, requireCommand, tempDir } from './sandbox.js';

const open = new Set<TerminalSession>();

/** Closes every session still open (for afterEach). */
export function closeTerminals(): void {
  for (const session of [...open]) session.close();
}

export class TerminalSession {
  private readonly tmux = requireCommand('tmux');
  private readonly dir = tempDir('tmux');
  private readonly env = cleanEnv({ TMUX_TMPDIR: this.dir, SHELL: '/bin/sh', TERM: 'xterm-256color', LANG: 'C.UTF-8' });

  /**
   * Starts `command` (a shell: `bash --norc --noprofile`, `zsh -f`…) in a new terminal.
   * `env` is added to the minimal environment (it may override HOME, PATH…).
   */
  constructor(command: string, options: { width?: number; height?: number; env?: Record<string, string>; cwd?: string } = {}) {
    open.add(this);
    try {
      const env = Object.entries({ TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
      this.run([
        'new-session',
        '-d',
        '-s',
        'main',
        '-x',
        String(options.width ?? 100),
        '-y',
        String(options.height ?? 30),
        ...env,
        ...(options.cwd ? ['-c', options.cwd] : []),
        command,
      ]);
      this.run(['set-option', '-t', 'main', 'remain-on-exit', 'on']);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  private run(args: string[]): string {
    return execFileSync(this.tmux, ['-f', '/dev/null', ...args], { encoding: 'utf8', env: this.env });
  }

  /** Types text (literally) or presses named keys (Enter, Escape, C-c, Tab…). */
  type(text: string): void {
    this.run(['send-keys', '-t', 'main', '-l', text]);
  }

  press(...keys: string[]): void {
    this.run(['send-keys', '-t', 'main', ...keys]);
  }

  screen(): string {
    return this.run(['capture-pane', '-t', 'main', '-p', '-J']);
  }

  /** The screen with its colors and styles, as escape sequences. */
  styledScreen(): string {
    return this.run(['capture-pane', '-t', 'main', '-p', '-e']);
  }

  /** The screen as lines, without joining wrapped ones: what the terminal shows, row by row. */
  rows(): string[] {
    return this.run(['capture-pane', '-t', 'main', '-p']).split('\n');
  }

  /** Resizes the terminal (the program gets SIGWINCH). */
  resize(width: number, height: number): void {
    this.run(['resize-window', '-t', 'main', '-x', String(width), '-y', String(height)]);
  }

  /** 1 when the cursor is shown. */
  cursorVisible(): boolean {
    return this.run(['display-message', '-t', 'main', '-p', '#{cursor_flag}']).trim() === '1';
  }

  /** Waits until the screen matches; returns it. */
  async waitFor(pattern: RegExp, timeout = 10_000): Promise<string> {
    const end = Date.now() + timeout;
    let screen = '';
    while (Date.now() < end) {
      screen = this.screen();
      if (pattern.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`l’écran ne montre pas ${pattern} après ${timeout} ms :\n${screen}`);
  }

  /** Kills the tmux server and removes its socket folder. */
  close(): void {
    if (!open.delete(this)) return;
    spawnSync(this.tmux, ['-f', '/dev/null', 'kill-server'], { env: this.env, stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * zsh (-f: no start-up files) in a terminal, with compinit and mcp-faq's completion
 * loaded, at an empty `$ ` prompt. `env` must put mcp-faq on PATH.
 */
export async function zshWithCompletion(zsh: string, env: Record<string, string>): Promise<TerminalSession> {
  const session = new TerminalSession(`${zsh} -f`, { width: 150, env: { ...env, PS1: '$ ' } });
  // (PATH again: Debian's /etc/zsh/zshenv, read even by zsh -f, sets its own.)
  session.type(
    `export PATH=${JSON.stringify(env.PATH)} && autoload -U compinit && compinit -u && source <(mcp-faq completion zsh) && PS1="$ " && clear`,
  );
  session.press('Enter');
  await session.waitFor(/^\$ ?$/m);
  return session;
}
