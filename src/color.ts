// What output with color needs, in a chunk of its own (dist/color.js): chalk, and
// supports-hyperlinks (which loads node:tty). Only output with color loads it, and the
// chunks that color (cli.js, render.js, browse.js, compose.js) share it.
// - Bundled into each of them, chalk's module namespace cost every start of every
//   command, color or not, some 0.5 million instructions.
// - supports-hyperlinks is a CommonJS package: in cli.js, it made esbuild wrap every
//   module of the chunk in an initializer that each start called (0.07 %).
export { Chalk } from 'chalk';
export { supportsHyperlink } from 'supports-hyperlinks';
