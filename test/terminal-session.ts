// Real terminals for the tests: tmux sessions on a private socket, driven with
// send-keys and read with capture-pane. ensureCommand() finds a program or installs
// its Debian package (tmux, zsh, fish); a test that needs one fails when it cannot
// be had, it never skips.
import { execFileSync, spawnSync } from 'node:child_process';

export function ensureCommand(command: string, aptPackage = command): string {
  const which = () => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  let path = which();
  if (!path && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    spawnSync('sh', ['-c', `apt-get install -y ${aptPackage} || (apt-get update && apt-get install -y ${aptPackage})`], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 300_000,
    });
    path = which();
  }
  if (!path) throw new Error(`${command} est nécessaire pour ce test : apt-get install ${aptPackage}`);
  return path;
}

export class TerminalSession {
  private readonly socket = `mcp-faq-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly tmux = ensureCommand('tmux');

  constructor(
    command: string,
    options: { width?: number; height?: number; env?: Record<string, string>; cwd?: string } = {},
  ) {
    const env = Object.entries({ TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    this.run(['new-session', '-d', '-s', 'main', '-x', String(options.width ?? 100), '-y', String(options.height ?? 30), ...env, ...(options.cwd ? ['-c', options.cwd] : []), command]);
    this.run(['set-option', '-t', 'main', 'remain-on-exit', 'on']);
  }

  private run(args: string[]): string {
    return execFileSync(this.tmux, ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
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
  async waitFor(pattern: RegExp, timeout = 8000): Promise<string> {
    const end = Date.now() + timeout;
    let screen = '';
    while (Date.now() < end) {
      screen = this.screen();
      if (pattern.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`l’écran ne montre pas ${pattern} après ${timeout} ms :\n${screen}`);
  }

  close(): void {
    spawnSync(this.tmux, ['-L', this.socket, 'kill-server']);
  }
}
