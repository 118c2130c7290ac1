// chalk, in a chunk of its own (dist/chalk.js): only output with color loads it, and
// the chunks that color (cli.js, render.js, browse.js, compose.js) share it. Bundled
// into each of them, its module namespace cost every start of every command, color
// or not, some 0.5 million instructions.
export { Chalk } from 'chalk';
