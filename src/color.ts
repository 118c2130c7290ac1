// What output with color needs, in a chunk of its own (dist/color.js): chalk, and
// supports-hyperlinks. Only output with color loads it, and the chunks that color
// (cli.js, render.js, browse.js, compose.js) share it.
// - Bundled into each of them, chalk's module namespace cost every start of every
//   command, color or not, some 0.5 million instructions.
// - supports-hyperlinks is a CommonJS package: in cli.js, it made esbuild wrap every
//   module of the chunk in an initializer that each start called (0.07 %).
export { Chalk } from 'chalk';

/**
 * Whether the terminal behind a stream shows OSC 8 hyperlinks (supports-hyperlinks),
 * asked of a terminal only. The package loads at this call, not with the chunk:
 * loading it creates process.stdout and process.stderr, which loads Node's net and tty
 * modules and makes a pipe non-blocking (see io.ts).
 */
export async function supportsHyperlink(stream: { isTTY?: boolean }): Promise<boolean> {
  const { supportsHyperlink: supports } = await import('supports-hyperlinks');
  return supports(stream);
}
