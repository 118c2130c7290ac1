// Builds dist/ from src/ and faq/:
// 1. parses and validates the bundled FAQ and builds its search index, with the very
//    code the CLI runs (src/build/bundle-data.mjs); a FAQ error stops the build with
//    the file, the line and what is wrong;
// 2. bundles the CLI into minified CommonJS files (CommonJS starts faster than ESM
//    on Node 20), each loaded only by the commands that need it:
//    dist/main.js     the entry: loads the chunks with their code cache (src/main.ts)
//                     (each chunk is a function expression, see below)
//    dist/cli.js      the common command lines, list, show --json/--raw: the parsed FAQ
//    dist/args.js     every other command line, help, errors: commander
//    dist/search.js   search, show <words>: the search engine and index
//    dist/fuzzy.js    searches with words the index does not know: Fuse.js, the stemmer
//    dist/render.js   show: the answers composed for the terminal, their layout
//    dist/color.js    chalk and supports-hyperlinks, for output with color
//    dist/compose.js  show with --faq: marked + marked-terminal, to compose answers
//    dist/browse.js   the interactive finder: @inquirer/search
//    dist/completion.js  shell completion
//    dist/mcp.js      the MCP server (mcp-faq mcp): the MCP SDK
//    dist/faq-file.js another FAQ file (--faq): read, parsed, indexed, cached
//    dist/code-caches.js  what writes the code caches, required by main.js when a
//                     run lacked one (a plain module, as main.js);
// 3. writes dist/THIRD-PARTY-LICENSES.txt for the packages bundled into dist/;
// 4. stamps dist/main.js with a hash of the chunks, which names their V8 code caches
//    (made at run time in the user's cache folder, see src/main.ts).
// dist/ is the same wherever it is built: it names no build path.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asciiValue, frequentWords, makeBundleData, root } from './bundle-data.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUILD_STAMP = '@@mcp-faq-build@@';
// Modules imported dynamically (`await import('./x.js')`), each its own file in dist/,
// loaded only by the commands that need them.
const LAZY = {
  args: 'src/args.ts',
  search: 'src/search.ts',
  fuzzy: 'src/fuzzy.ts',
  render: 'src/render.ts',
  color: 'src/color.ts',
  compose: 'src/compose.ts',
  browse: 'src/browse.ts',
  completion: 'src/completion.ts',
  mcp: 'src/mcp.ts',
  'faq-file': 'src/faq-file.ts',
};

// Each file of dist/ but main.js exports a plain CommonJS object, { name: value }: an
// ES module's exports esbuild makes getters, defined and called at every start (0.1 %
// of a `list`, 0.15 % of a `search`). Its entry is a module made here (plainExports)
// that imports the source's exports, their names read by a first, unbundled pass.
const ENTRIES = { cli: 'src/cli.ts', 'code-caches': 'src/code-caches.ts', ...LAZY };

const minify = !process.env.MCP_FAQ_NO_MINIFY;
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', absWorkingDir: root };

// Modules the CLI does not need, replaced by stubs (each stub says why).
const stubs = {
  name: 'stubs',
  setup(b) {
    const stub = (name) => ({ path: join(root, 'src/build/stubs', `${name}.js`) });
    b.onResolve({ filter: /^cli-highlight$/ }, () => stub('cli-highlight'));
    b.onResolve({ filter: /^node-emoji$/ }, () => stub('node-emoji'));
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes('/chalk/') ? stub('supports-color') : undefined));
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('/commander/') ? stub('child-process') : undefined));
    b.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, (args) =>
      args.importer.includes('/@modelcontextprotocol/sdk/') ? stub('ajv-provider') : undefined,
    );
    b.onResolve({ filter: /^(?:zod\/v3|zod-to-json-schema)$/ }, (args) =>
      args.importer.includes('/@modelcontextprotocol/sdk/') ? stub(args.path.replace('/', '-')) : undefined,
    );
  },
};

// `import('./search.js')` stays a run-time import of dist/search.js (src/main.ts
// loads dist/cli.js itself, see chunkLoader).
const lazy = {
  name: 'lazy',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
      const name = args.path.slice(2, -3);
      if (args.kind !== 'dynamic-import') return undefined;
      if (!LAZY[name]) return { errors: [{ text: `${args.path} is imported dynamically but is not in LAZY (src/build/build.mjs)` }] };
      return { path: args.path, external: true };
    });
  },
};

// The entries' export names, and the plugin that makes their entries (see ENTRIES).
const exportsPass = await build({
  ...common, // absWorkingDir: the metafile's paths are relative to root
  entryPoints: Object.values(ENTRIES).map((path) => join(root, path)),
  bundle: false,
  format: 'esm',
  write: false,
  metafile: true,
  outdir: join(root, 'dist'),
});
const exportNames = new Map(Object.values(exportsPass.metafile.outputs).map((o) => [join(root, o.entryPoint), o.exports]));
const plainExports = {
  name: 'plain-exports',
  setup(b) {
    b.onResolve({ filter: /^plain-exports:/ }, (args) => ({ path: args.path.slice('plain-exports:'.length), namespace: 'plain-exports' }));
    b.onLoad({ filter: /.*/, namespace: 'plain-exports' }, (args) => {
      const names = exportNames.get(args.path).join(', ');
      return {
        contents: `import { ${names} } from ${JSON.stringify(args.path)};\nexport = { ${names} };\n`,
        loader: 'ts',
        resolveDir: root,
      };
    });
  },
};

// 1. The bundled FAQ, parsed and indexed.
let bundle;
try {
  bundle = await makeBundleData();
} catch (error) {
  if (error?.name !== 'FaqError') throw error;
  console.error(`build: ${error.message}`);
  process.exit(1);
}

// 2. The CLI.
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'));
const result = await build({
  ...common,
  entryPoints: {
    main: join(root, 'src/main.ts'), // exports with `export =` itself
    ...Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, `plain-exports:${join(root, path)}`])),
  },
  outdir: join(root, 'dist'),
  minify, // MCP_FAQ_NO_MINIFY=1: readable dist/ for profiling
  legalComments: 'none', // licenses go to THIRD-PARTY-LICENSES.txt
  // import('./render.js') becomes require(): a real import() of a CommonJS file would
  // start Node's ESM loader and lex the whole file for its exports (~15 ms).
  supported: { 'dynamic-import': false },
  metafile: true,
  define: {
    MCP_FAQ_MODEL: asciiValue(bundle.faq), // used in cli.js
    MCP_FAQ_INDEX: asciiValue(bundle.index), // in search.js
    MCP_FAQ_ANSWERS: asciiValue(bundle.answers), // in search.js
    MCP_FAQ_DOCS: asciiValue(bundle.docs), // in render.js
    MCP_FAQ_WORDS: frequentWords(), // in fuzzy.js
    MCP_FAQ_VERSION: JSON.stringify(pkg.version),
    MCP_FAQ_BUILD: JSON.stringify(BUILD_STAMP), // in main.js, replaced in step 4
  },
  plugins: [stubs, lazy, plainExports],
});

// 3. Licenses of what was bundled.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (m && !packages.has(m[2])) packages.set(m[2], join(root, m[1]));
}
const notices = [...packages].sort().map(([name, dir]) => {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = ['LICENSE', 'LICENSE.md', 'license', 'LICENSE.txt', 'license.md'].map((f) => join(dir, f)).find(existsSync);
  const text = file ? readFileSync(file, 'utf8').trim() : `${meta.license} (no license file in the package)`;
  return `${name}@${meta.version} (${meta.license})\n${'-'.repeat(60)}\n${text}\n`;
});
writeFileSync(join(root, 'dist/THIRD-PARTY-LICENSES.txt'), `mcp-faq bundles the following packages into dist/.\n\n${notices.join('\n')}`);

// Chunks are pure ASCII (esbuild escapes strings; regexes write \u escapes in the
// source): Node then reads each as a one-byte string, without decoding UTF-8. (Not
// the readable build for profiling: it keeps the comments.)
// Each chunk (every file but main.js and code-caches.js) is the function that
// src/main.ts (chunkLoader's load) compiles and calls with the module's variables,
// as is: put together at run time, the function's text was a copy of the chunk's
// (120 KiB for search.js), which made the garbage collector run once more in a
// search. A chunk is then not a module that require() can load: load it with
// chunkLoader (as the benches do).
for (const file of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
  const path = join(root, 'dist', file);
  const source = readFileSync(path, 'utf8');
  const at = source.search(/[^\0-\x7f]/);
  if (minify && at >= 0) throw new Error(`dist/${file}: non-ASCII character at ${at}; write it as a \\u escape in the source`);
  if (file !== 'main.js' && file !== 'code-caches.js')
    writeFileSync(path, `(function (exports, require, module, __filename, __dirname) { ${source}\n});`);
}

// 4. The build's stamp: a hash of its chunks, so that a code cache made for one
// build is never read by another (V8 checks a cache's source by its length only).
const hash = createHash('sha256');
for (const file of readdirSync(join(root, 'dist'))
  .filter((f) => f.endsWith('.js') && f !== 'main.js')
  .sort()) {
  hash.update(`${file}\0`).update(readFileSync(join(root, 'dist', file)));
}
const mainFile = join(root, 'dist/main.js');
writeFileSync(mainFile, readFileSync(mainFile, 'utf8').replaceAll(BUILD_STAMP, `${pkg.version}-${hash.digest('hex').slice(0, 16)}`));

const sizes = Object.entries(result.metafile.outputs).map(([f, o]) => `${f} ${(o.bytes / 1024).toFixed(0)} KiB`); // f: relative to root
console.error(`build: ${bundle.faq.entries.length} entries, ${bundle.faq.categories.length} categories; ${sizes.join(', ')}`);
