// The npm package: `npm pack` holds only what runs, and `npm install -g` of the
// tarball into an empty prefix, offline, gives a working mcp-faq from any directory.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { root, version } from './helpers.js';
import { cleanEnv, PATH, tempDir } from './sandbox.js';

// npm (on the Node running the tests, first on PATH) with an empty HOME and cache of
// its own: no ~/.npmrc, no network.
const work = tempDir('pack');
const npmEnv = cleanEnv({
  npm_config_cache: join(work, 'cache'),
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
});
const npm = (args: string[], cwd = root) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000, env: npmEnv });

describe('the package', () => {
  // --ignore-scripts: `prepack` would rebuild dist/ under the other tests' feet;
  // test/global-setup.ts has just built it.
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work]);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  const files = info!.files.map((f) => f.path).sort();

  test('npm pack: only what runs (bin/, dist/), the README and the license', () => {
    expect(pack.status).toBe(0);
    for (const f of files) expect(f).toMatch(/^(bin\/|dist\/|package\.json$|README\.md$|LICENSE$)/);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/mcp-faq.js',
        'dist/main.js',
        'dist/cli.js',
        'dist/search.js',
        'dist/render.js',
        'dist/THIRD-PARTY-LICENSES.txt',
        'LICENSE',
        'README.md',
      ]),
    );
    expect(files.some((f) => /^(src|test|scripts|bench|faq)\/|tsconfig|vitest/.test(f))).toBe(false);
  });

  test('package.json is complete for publishing', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['description', 'keywords', 'license', 'repository', 'files', 'engines', 'bin'])
      expect(pkg[field], field).toBeTruthy();
    expect(pkg.engines).toEqual({ node: '>=20' });
    expect(pkg.bin).toEqual({ 'mcp-faq': 'bin/mcp-faq.js' });
    expect(pkg.dependencies).toBeUndefined(); // everything it runs is bundled in dist/
    // No install script: npm 11 warns about any, prepare included, when the tarball is installed.
    expect(Object.keys(pkg.scripts as object).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
  });

  test('npm install -g of the tarball, offline, into an empty prefix: mcp-faq works from anywhere', () => {
    const prefix = join(work, 'prefix');
    const install = npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(work, info!.filename)], work);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).toBe(''); // no warning: the package has no install script (it builds on prepack, not prepare)
    const run = (...args: string[]) =>
      spawnSync(join(prefix, 'bin/mcp-faq'), args, {
        cwd: tempDir('elsewhere'),
        encoding: 'utf8',
        env: cleanEnv({ PATH: `${join(prefix, 'bin')}:${PATH}` }),
      });
    expect(run('--version').stdout).toBe(`${version}\n`);
    const search = run('search', 'mot de passe');
    expect(search.status).toBe(0);
    expect(search.stdout).toMatch(/^a7 {2}/);
    expect(run('show', 'a6').stdout).toContain('[image : Save and Continue Image]');
    expect(run('completion', 'bash').stdout).toContain('complete -o nosort -F _mcp_faq mcp-faq');
  });
});

describe('the build', () => {
  test('dist/ is the same wherever it is built, and names no build path', () => {
    const elsewhere = tempDir('build-elsewhere');
    for (const path of ['src', 'faq', 'package.json', 'tsconfig.json'])
      cpSync(join(root, path), join(elsewhere, path), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(elsewhere, 'node_modules'));
    const build = spawnSync(process.execPath, ['src/build/build.mjs'], { cwd: elsewhere, encoding: 'utf8', env: cleanEnv() });
    expect(build.status, build.stderr).toBe(0);
    const files = readdirSync(join(root, 'dist')).sort();
    expect(readdirSync(join(elsewhere, 'dist')).sort()).toEqual(files);
    for (const file of files) {
      const built = readFileSync(join(elsewhere, 'dist', file));
      expect(built.equals(readFileSync(join(root, 'dist', file))), file).toBe(true);
      expect(built.includes(elsewhere), file).toBe(false);
      expect(built.includes(root.replace(/\/$/, '')), file).toBe(false);
    }
  });
});
