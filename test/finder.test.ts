// The interactive finder, the pager and the MCP server started by hand, in a real terminal (tmux), on the built binary,
// from bash without start-up files (test/terminal-session.ts, test/sandbox.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { faq, fixturePath, root } from './helpers.js';
import { requireCommand, tempDir } from './sandbox.js';
import { closeTerminals, TerminalSession } from './terminal-session.js';

const mcp = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'bin/mcp-faq.js'))}`;
const shell = (options: ConstructorParameters<typeof TerminalSession>[1] = {}) =>
  new TerminalSession(`${requireCommand('bash')} --norc --noprofile`, { ...options, env: { PS1: '$ ', ...options.env } });
afterEach(closeTerminals);
/** A shell running the bare finder, at its prompt; the shell prints EXIT=<code> once it ends. */
async function finderShell(): Promise<TerminalSession> {
  const t = shell();
  t.type(`${mcp}; echo EXIT=$?`);
  t.press('Enter');
  await t.waitFor(/Votre question/);
  return t;
}

const a7 = faq.entries[6]!;

describe('the interactive finder', () => {
  test('bare mcp-faq: type "mot de pase", see a7, Enter shows its answer, exit 0', async () => {
    const t = await finderShell();
    await t.waitFor(/a1 {2}Comment puis-je accéder/); // every question before typing
    t.type('mot de pase');
    const screen = await t.waitFor(/❯ a7 {2}J’ai perdu les informations/);
    expect(screen).not.toMatch(/❯ a1 /);
    t.press('Enter');
    const answer = await t.waitFor(/EXIT=\d+/);
    expect(answer).toContain('a7 · Microsoft Certification Profile');
    expect(answer).toContain('Si vous ne vous souvenez pas des informations');
    expect(answer).toContain('(https://aka.ms/mcpforum)');
    expect(answer).toContain('EXIT=0');
    expect(answer.replace(/\s+/g, ' ')).toContain(a7.question.slice(0, 60));
  });

  test('words and Enter at once (typed fast, or pasted with a newline): the answer to those words', async () => {
    const t = shell();
    t.type(`${mcp} --no-pager; echo EXIT=$?`);
    t.press('Enter');
    await t.waitFor(/a1 {2}Comment puis-je accéder/);
    t.press('relevé de notes', 'Enter'); // one send-keys: the finder reads them all before any search
    const answer = await t.waitFor(/EXIT=\d+/);
    expect(answer).toContain('a9 · Microsoft Certification Profile');
    expect(answer).toContain('EXIT=0');
  });

  test.each(['perdu ', '😀 perdu '])(
    '%j typed in one burst before words goes where the cursor is (Node 20 put all but the last at the end)',
    async (burst) => {
      const t = await finderShell();
      t.type('mot passe');
      await t.waitFor(/❯ a7 /);
      t.press('Home');
      t.type(burst); // one send-keys: the finder gets the characters in one read
      // The line before the burst already matches /mot passe/: wait for the burst itself
      // (a wrong line never shows it, and waitFor fails with the screen it saw).
      const line = `Votre question : ${burst}mot passe`;
      const screen = await t.waitFor(new RegExp(line)); // (the bursts hold no regex syntax)
      expect(screen).toContain(line);
      await t.waitFor(/❯ a7 {2}J’ai perdu/);
      t.press('Escape');
      expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=130');
    },
  );

  test('Tab is a space; Backspace deletes a family emoji whole (not its last person)', async () => {
    const t = await finderShell();
    t.type('mot');
    t.press('Tab');
    t.type('passe');
    expect(await t.waitFor(/Votre question : mot passe\s*$/m)).toMatch(/❯ a7 /);
    t.press('C-u');
    t.type('relevé 👨‍👩‍👧');
    await t.waitFor(/Votre question : relevé \S/);
    t.press('BSpace');
    t.type('x');
    // The whole emoji went: « x » follows the space (a joiner left behind would sit before it).
    const screen = await t.waitFor(/Votre question : relevé x/);
    expect(screen).not.toContain('\u200d');
    t.press('Escape');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=130');
  });

  test('Ctrl-Z then fg: the finder carries on (it ended, exit 130)', async () => {
    const t = shell();
    t.type(mcp);
    t.press('Enter');
    await t.waitFor(/Votre question/);
    t.type('certif');
    await t.waitFor(/❯ /);
    t.press('C-z');
    await t.waitFor(/Stopped/);
    t.resize(50, 12); // while it is stopped: no SIGWINCH reaches it
    t.type('clear; fg; echo EXIT=$?');
    t.press('Enter');
    await t.waitFor(/\? Votre question : certif\s*$/m);
    t.type('ication');
    await t.waitFor(/Votre question : certification/);
    expect(t.screen()).not.toMatch(/EXIT=\d/);
    await t.waitFor(/❯ .*…$/m); // drawn again at the new width
    expect(t.rows().filter((row) => [...row].length > 50)).toEqual([]);
    t.press('Escape');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=130');
  });

  test('typos, accents and English filter the list too', async () => {
    const t = shell();
    t.type(`${mcp} browse; echo EXIT=$?`);
    t.press('Enter');
    await t.waitFor(/Votre question/);
    t.type('download certificate');
    await t.waitFor(/❯ b[12] {2}/);
    t.press('Down');
    const screen = await t.waitFor(/❯ b2 {2}J’ai été incapable|❯ b1 {2}Comment puis-je trouver/);
    expect(screen).toMatch(/b1 {2}Comment puis-je trouver/);
    t.press('C-c');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=130');
  });

  test.each([['Escape'], ['C-c']])('%s leaves with the terminal restored (echo, line mode, cursor)', async (key) => {
    const t = await finderShell();
    t.type('relev');
    await t.waitFor(/❯ a9 /);
    t.press(key);
    const screen = await t.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=130');
    expect(screen).not.toMatch(/Votre question/); // the prompt is cleared
    expect(t.cursorVisible()).toBe(true);
    t.type('stty -a | tr " " "\\n" | grep -x -e echo -e -echo -e icanon -e -icanon | tr "\\n" " "; echo');
    t.press('Enter');
    await t.waitFor(/^icanon echo\s*$/m); // not -icanon, not -echo
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ])('killed by %s from outside: the terminal is restored, then the signal ends it (exit %d)', async (signal, code) => {
    // Under sh, which (unlike an interactive bash) leaves the terminal as the finder left it.
    const pidFile = join(tempDir('killed'), 'sh.pid');
    const t = shell();
    const modes = 'stty -a | tr " " "\\n" | grep -x -e echo -e -echo -e icanon -e -icanon | tr "\\n" " "; echo';
    t.type(`sh -c 'echo $$ > ${pidFile}; ${mcp}; echo EXIT=$?; ${modes}'`);
    t.press('Enter');
    await t.waitFor(/Votre question/);
    t.type('relev');
    await t.waitFor(/❯ a9 /);
    execFileSync('pkill', [`-${signal.slice(3)}`, '-P', readFileSync(pidFile, 'utf8').trim()]);
    const screen = await t.waitFor(/EXIT=\d+/);
    expect(screen).toContain(`EXIT=${code}`);
    expect(screen).not.toMatch(/Votre question/); // the prompt is cleared
    await t.waitFor(/^icanon echo\s*$/m); // not -icanon, not -echo
  });

  test('what is typed beyond what the search reads (2,048 characters) is not kept: a long paste stays linear', async () => {
    const t = shell({ width: 200, height: 40 });
    t.type(`${mcp}; echo EXIT=$?`);
    t.press('Enter');
    await t.waitFor(/Votre question/);
    t.type('x'.repeat(2100));
    await t.waitFor(/Aucune question ne correspond/);
    t.type('Z');
    await new Promise((done) => setTimeout(done, 300));
    expect(t.screen()).not.toContain('Z');
    expect(t.screen().match(/x/g)?.length).toBe(2048);
    t.press('Escape');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=130');
  });

  test('Ctrl-W deletes the word before the cursor, accents included', async () => {
    const t = await finderShell();
    t.type('mot relevé');
    await t.waitFor(/❯ a9 /);
    t.press('C-w');
    await t.waitFor(/Votre question : mot\s*$/m); // not « mot relev »
    t.press('Escape');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=130');
  });

  test('not a terminal: bare mcp-faq prints the help, browse is a usage error', async () => {
    const t = shell();
    t.type(`${mcp} < /dev/null | head -1; ${mcp} browse < /dev/null; echo EXIT=$?`);
    t.press('Enter');
    const screen = await t.waitFor(/EXIT=\d+/);
    expect(screen).toContain('Utilisation : mcp-faq [options] <commande>');
    expect(screen).toContain('le mode interactif a besoin d’un terminal');
    expect(screen).toContain('EXIT=2');
  });
});

describe('the pager, in a real terminal', () => {
  test('long output goes through less; q quits; exit 0', async () => {
    const t = shell({ height: 12, env: { PAGER: '' } });
    t.type(`unset PAGER; ${mcp} list; echo EXIT=$?`);
    t.press('Enter');
    const paged = await t.waitFor(/^:\s*$/m); // less's prompt
    expect(paged).not.toContain('EXIT=');
    t.press('q');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=0');
  });

  test('killed by SIGTERM from outside while less runs: it waits for less to end, as git does (exit 143)', async () => {
    const pidFile = join(tempDir('paged'), 'sh.pid');
    const t = shell({ height: 12, env: { PAGER: '' } });
    t.type(`unset PAGER; sh -c 'echo $$ > ${pidFile}; ${mcp} list; echo EXIT=$?'`);
    t.press('Enter');
    await t.waitFor(/^:\s*$/m); // less's prompt
    execFileSync('pkill', ['-TERM', '-P', readFileSync(pidFile, 'utf8').trim()]);
    await new Promise((done) => setTimeout(done, 300));
    expect(t.screen()).not.toContain('EXIT='); // still paging: the shell does not get the keys yet
    t.press('q');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=143');
    // less is gone: the shell gets every key (a less left behind ate some and drew over the prompt).
    t.type('echo fini-$((6*7))');
    t.press('Enter');
    await t.waitFor(/^fini-42\s*$/m);
  });

  test('under LANG=C, less shows the accents (mcp-faq tells it the output is UTF-8)', async () => {
    const t = shell({ height: 12, env: { PAGER: '' } });
    t.type(`unset PAGER LESSCHARSET LESSCHARDEF; LANG=C LC_ALL=C ${mcp} list; echo EXIT=$?`);
    t.press('Enter');
    const paged = await t.waitFor(/^:\s*$/m);
    expect(paged).toContain('Comment puis-je accéder à mon profil');
    expect(paged).not.toContain('<C3>');
    t.press('q');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=0');
  });

  // A pager that marks every line it shows: on a 12-line terminal, `list` (22 lines) goes
  // through it; --no-pager, and output shorter than the screen, do not.
  test('--no-pager and short output bypass the pager', async () => {
    const t = shell({ height: 12, env: { PAGER: 'sed "s/^/PAGER: /"' } });
    const last = `  d1  ${faq.entries.at(-1)!.question.slice(0, 40)}`;
    t.type(`${mcp} list; echo EXIT=$?`);
    t.press('Enter');
    const paged = await t.waitFor(/EXIT=\d+/);
    expect(paged).toContain(`PAGER: ${last}`); // the pager is in play here
    expect(paged).toContain('EXIT=0');

    const direct = [`${mcp} --no-pager list`, `${mcp} list --no-pager`, `${mcp} --faq ${JSON.stringify(fixturePath('english.md'))} list`];
    for (const [i, line] of direct.entries()) {
      t.type(`clear; ${line}; echo EXIT${i}=$?`);
      t.press('Enter');
      const screen = await t.waitFor(new RegExp(`EXIT${i}=\\d+`));
      expect(screen, line).not.toContain('PAGER:');
      expect(screen, line).toContain(line.includes('english') ? '\n  p2  How do I delete my account?\n' : `\n${last}`);
      expect(screen, line).toContain(`EXIT${i}=0`);
    }
  });
});

describe('the MCP server started by hand in a terminal', () => {
  test('says what it waits for (on stderr), and Ctrl-D ends it: exit 0', async () => {
    const t = shell();
    t.type(`${mcp} mcp 2>&1 >/dev/null; echo EXIT=$?`);
    t.press('Enter');
    await t.waitFor(/serveur MCP ; il attend les messages JSON-RPC/);
    t.press('C-d');
    expect(await t.waitFor(/EXIT=\d+/)).toContain('EXIT=0');
  });
});
