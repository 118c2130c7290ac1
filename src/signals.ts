// The signals that end the process from outside (kill, timeout, a closed terminal),
// held while something must be put back first (the finder restores the terminal, the
// pager is left to end); then the first one that came ends the process as Node's
// default would (exit 128 + its number).

/** SIGINT apart: it is the user's Ctrl-C, which each front end treats as its own. */
export const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Holds `signals` (each one calls `onSignal`) until the returned release(), which
 * removes the listeners and, if one came, ends the process by it.
 */
export function holdSignals(signals: readonly NodeJS.Signals[], onSignal: () => void = () => {}): () => void {
  let ended: NodeJS.Signals | undefined;
  const listener = (signal: NodeJS.Signals) => {
    ended ??= signal;
    onSignal();
  };
  for (const signal of signals) process.on(signal, listener);
  return () => {
    for (const signal of signals) process.off(signal, listener);
    if (ended) process.kill(process.pid, ended); // no listener left: Node's default, the end
  };
}
