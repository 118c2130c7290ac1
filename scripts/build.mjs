// Builds dist/ from src/ and faq/:
// 1. parses and validates the bundled FAQ and builds its search index, with the very
//    code the CLI runs (scripts/bundle-data.mjs); a FAQ error stops the build with
//    the file, the line and what is wrong;
// 2. bundles the CLI into minified CommonJS files (CommonJS starts faster than ESM
//    on Node 20): dist/cli.js (argv, list, search: commander, Fuse.js, the data) and
//    dist/render.js (show: marked, marked-terminal, chalk), which cli.js loads only
//    when it renders an answer;
// 3. writes dist/THIRD-PARTY-LICENSES.txt for the packages bundled into dist/.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { makeBundleData, root } from './bundle-data.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const LAZY = ['./render.js']; // modules cli.ts imports dynamically: separate files in dist/

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };

// Modules the CLI does not need, replaced by stubs (each stub says why).
const stubs = {
  name: 'stubs',
  setup(b) {
    const stub = (name) => ({ path: join(root, 'scripts/stubs', `${name}.js`) });
    b.onResolve({ filter: /^cli-highlight$/ }, () => stub('cli-highlight'));
    b.onResolve({ filter: /^node-emoji$/ }, () => stub('node-emoji'));
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes('/chalk/') ? stub('supports-color') : undefined));
  },
};

// `import('./render.js')` in cli.ts stays a run-time import of dist/render.js.
const lazy = {
  name: 'lazy',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) =>
      LAZY.includes(args.path) && args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
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
  entryPoints: { cli: join(root, 'src/cli.ts'), render: join(root, 'src/render.ts') },
  outdir: join(root, 'dist'),
  minify: true,
  legalComments: 'none', // licenses go to THIRD-PARTY-LICENSES.txt
  metafile: true,
  define: {
    MCP_FAQ_BUNDLE: JSON.stringify(JSON.stringify(bundle)),
    MCP_FAQ_VERSION: JSON.stringify(pkg.version),
  },
  plugins: [stubs, lazy],
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
writeFileSync(
  join(root, 'dist/THIRD-PARTY-LICENSES.txt'),
  `mcp-faq bundles the following packages into dist/.\n\n${notices.join('\n')}`,
);

const sizes = Object.entries(result.metafile.outputs).map(([f, o]) => `${relative(root, f)} ${(o.bytes / 1024).toFixed(0)} KiB`);
console.error(`build: ${bundle.faq.entries.length} entries, ${bundle.faq.categories.length} categories; ${sizes.join(', ')}`);
