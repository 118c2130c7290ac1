// npm run check: the static checks side by side (types, lint, format, unused code).
// Each one's output is printed when it ends, whole; the run fails if any fails.
import { spawn } from 'node:child_process';

const scripts = ['typecheck', 'lint', 'format:check', 'knip'];
const run = (script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(output);
      if (code !== 0) process.stderr.write(`npm run check: ${script} a échoué (code ${code}).\n`);
      resolve(code ?? 1);
    });
  });

const codes = await Promise.all(scripts.map(run));
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
