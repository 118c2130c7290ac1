// The MCP server (`mcp-faq mcp`), end to end: the built binary spawned by the SDK's
// own client over stdio, as an assistant runs it; then raw lines on its stdin for
// what a client library would never send.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { idAtEnds } from '../src/mcp.js';
import { faq, fixturePath, root, version } from './helpers.js';
import { cleanEnv, tempDir } from './sandbox.js';

const BIN = join(root, 'bin/mcp-faq.js');
const env = cleanEnv();

type ToolResult = { content: { type: string; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

async function connect(args: string[] = []): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, ...args, 'mcp'], env, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'mcp-faq-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe('the server, through the SDK client', () => {
  let client: Client;
  let stderr: () => string;
  beforeAll(async () => ({ client, stderr } = await connect()));
  afterAll(() => client.close());

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

  test('introduces itself as mcp-faq, with the package version', () => {
    expect(client.getServerVersion()).toEqual({ name: 'mcp-faq', version });
    expect(client.getInstructions()).toContain('French');
  });

  test('three read-only tools, described for a model, with output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['search_faq', 'get_faq_entry', 'list_faq']);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.description!.length).toBeGreaterThan(80);
    }
    const search = tools[0]!;
    expect(search.inputSchema.required).toEqual(['query']);
    expect(search.inputSchema.properties).toMatchObject({ limit: { minimum: 1, maximum: 20 } });
    expect(search.description).toMatch(/empty result means the FAQ does not answer/);
  });

  test('search_faq: "comment fusionner deux profils ?" finds a4, as structured content and text', async () => {
    const r = await call('search_faq', { query: 'comment fusionner deux profils ?' });
    expect(r.isError).toBeFalsy();
    const results = (
      r.structuredContent as { results: { id: string; category: string; question: string; score: number; snippet: string }[] }
    ).results;
    expect(results[0]).toMatchObject({ id: 'a4', category: faq.entries[3]!.category, question: faq.entries[3]!.question });
    expect(results[0]!.snippet).toContain('fusionner deux profils');
    expect(results[0]!.score).toBeGreaterThan(0);
    expect(r.content[0]!.text).toContain('a4 — Comment puis-je fusionner deux profils');
  });

  test('search_faq: the same engine and cut-off as the CLI; limit', async () => {
    const r = await call('search_faq', { query: 'profil', limit: 2 });
    expect((r.structuredContent as { results: unknown[] }).results).toHaveLength(2);
  });

  test('search_faq: an off-topic query is an empty list, not an error', async () => {
    const r = await call('search_faq', { query: 'recette de crêpes' });
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent).toEqual({ query: 'recette de crêpes', results: [] });
    expect(r.content[0]!.text).toContain('La FAQ ne répond pas');
  });

  test('search_faq: an id that answers nothing points to get_faq_entry', async () => {
    const r = await call('search_faq', { query: 'A9' });
    expect(r.isError).toBeFalsy();
    expect(r.content[0]!.text).toBe(
      'La FAQ ne répond pas à « A9 » (aucun résultat). C’est l’identifiant d’une question ; pour la lire : get_faq_entry (id « a9 »).',
    );
  });

  test('search_faq: a query over 4 Mi characters is an error for its request, at once (not a client timeout)', async () => {
    const request = client.callTool({ name: 'search_faq', arguments: { query: 'mot '.repeat(1_100_000) } }, undefined, { timeout: 30_000 });
    await expect(request).rejects.toThrow(/-32600: Invalid Request: a message is at most 4194304 characters/);
    expect(((await call('search_faq', { query: 'mot de passe' })).structuredContent!.results as { id: string }[])[0]!.id).toBe('a7');
  });

  test('search_faq: a 100 KB query is answered', async () => {
    const r = await call('search_faq', { query: `mot de passe ${'x'.repeat(100 * 1024)}` });
    expect((r.structuredContent as { results: { id: string }[] }).results[0]?.id).toBe('a7');
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['search_faq', { query: 42 }, /query/],
    ['search_faq', { query: 'x', limit: 0 }, /limit/],
    ['search_faq', { query: 'x', limit: 21 }, /limit/],
    ['search_faq', { query: '' }, /query : la recherche est vide/],
    ['search_faq', {}, /query/],
    ['get_faq_entry', { id: 7 }, /id/],
  ])('%s %j: a tool error that names the argument', async (name, args, message) => {
    const r = await call(name, args);
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toMatch(message);
  });

  test('get_faq_entry: question, category, markdown answer and links; ids ignore case', async () => {
    const r = await call('get_faq_entry', { id: 'A4' });
    expect(r.structuredContent).toEqual({
      id: 'a4',
      category: faq.entries[3]!.category,
      question: faq.entries[3]!.question,
      answer: faq.entries[3]!.answer,
      links: [{ text: 'L’assistance à la Certification', url: 'https://aka.ms/mcpforum' }],
    });
    expect(r.content[0]!.text).toMatch(/^# Comment puis-je fusionner deux profils/);
    expect(r.content[0]!.text).toContain('(https://aka.ms/mcpforum)');
  });

  test('get_faq_entry: every entry matches the output schema the client checks it against (a3, a9, d1 have a toc)', async () => {
    await client.listTools(); // the client checks structured content against the schemas it was given
    for (const entry of faq.entries) {
      const r = await call('get_faq_entry', { id: entry.id });
      expect(r.isError).toBeFalsy();
      expect(r.structuredContent).toMatchObject({ id: entry.id, question: entry.question });
      expect(r.structuredContent?.toc).toBe(entry.toc);
    }
    expect(faq.entries.filter((e) => e.toc !== undefined).map((e) => e.id)).toEqual(['a3', 'a9', 'd1']);
  });

  test('get_faq_entry: an unknown id is a tool error that suggests the nearest ids', async () => {
    const r = await call('get_faq_entry', { id: 'a10' });
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toBe('Identifiant inconnu : « a10 ». Les plus proches : a1. La liste des identifiants : list_faq.');
  });

  test('get_faq_entry: words given as an id (no id near them) point to search_faq', async () => {
    const r = await call('get_faq_entry', { id: 'relevé de notes' });
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toBe(
      'Identifiant inconnu : « relevé de notes ». Pour chercher par mots : search_faq. La liste des identifiants : list_faq.',
    );
  });

  test.each(['', '   ', '\u0007'])('get_faq_entry: an empty id (%j) is a tool error that says so', async (id) => {
    const r = await call('get_faq_entry', { id });
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toBe('Identifiant vide : donnez un identifiant, par exemple « a4 » (la liste : list_faq).');
  });

  test('list_faq: the categories and their questions with ids', async () => {
    const r = await call('list_faq', {});
    const { categories } = r.structuredContent as { categories: { name: string; entries: { id: string }[] }[] };
    expect(categories.map((c) => c.name)).toEqual(faq.categories);
    expect(categories.flatMap((c) => c.entries.map((e) => e.id))).toEqual(faq.entries.map((e) => e.id));
    expect(r.content[0]!.text).toContain('- d1 : ');
  });

  test('resources: every entry at faq://entries/<id>, listed and readable as markdown', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(faq.entries.map((e) => `faq://entries/${e.id}`));
    expect(resources.every((r) => r.mimeType === 'text/markdown')).toBe(true);
    const { contents } = await client.readResource({ uri: 'faq://entries/a9' });
    expect(contents[0]).toMatchObject({ uri: 'faq://entries/a9', mimeType: 'text/markdown' });
    expect((contents[0] as { text: string }).text).toContain(faq.entries[8]!.answer);
    const missing = await client
      .readResource({ uri: 'faq://entries/zz9' })
      .catch((error: unknown) => error as { code: number; message: string });
    expect(missing).toMatchObject({ code: -32002 });
    // The client adds one « MCP error -32002: », the server none.
    expect((missing as { message: string }).message).toBe(
      'MCP error -32002: Identifiant inconnu : « zz9 ». Les plus proches : a9. La liste des identifiants : list_faq.',
    );
  });

  test('resources: an unknown or badly encoded id is « resource not found » (-32002), with the nearest ids', async () => {
    for (const uri of ['faq://entries/a10', 'faq://entries/%E9']) {
      await expect(client.readResource({ uri })).rejects.toThrow(/MCP error -32002: Identifiant inconnu/);
    }
  });

  test('nothing on stderr', () => {
    expect(stderr()).toBe('');
  });
});

test('--faq: the server answers from another FAQ file', async () => {
  const { client } = await connect(['--faq', fixturePath('english.md')]);
  const r = (await client.callTool({ name: 'search_faq', arguments: { query: 'reset password' } })) as ToolResult;
  expect((r.structuredContent as { results: { id: string }[] }).results[0]?.id).toBe('p1');
  await client.close();
});

test('an id that is not ASCII: its resource URI is encoded when listed, decoded when read', async () => {
  const file = join(tempDir('mcp-faq-file'), 'ids.md');
  writeFileSync(file, '## S\n**Q: Élan ?**<a name="é1"></a>\n\n**R:** Réponse.\n');
  const { client } = await connect(['--faq', file]);
  const { resources } = await client.listResources();
  expect(resources.map((r) => r.uri)).toEqual(['faq://entries/%C3%A91']);
  const { contents } = await client.readResource({ uri: 'faq://entries/%C3%A91' });
  expect((contents[0] as { text: string }).text).toContain('Réponse.');
  await client.close();
});

/** Runs the server with raw lines on stdin (`node` options first); resolves when it exits. */
function raw(lines: string[], nodeOptions: string[] = []): Promise<{ code: number | null; stdout: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeOptions, BIN, 'mcp'], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout: stdout.split('\n').filter(Boolean), stderr }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

test.each([
  ['{"jsonrpc":"2.0","id":5,"method":"ping","params":{"x":"a', 'a"}}', 5],
  ['{"id":"k","jsonrpc":"2.0","method":"ping"', '', 'k'],
  ['{"method":"ping","params":{"x":"a', 'a"},"jsonrpc":"2.0","id":12}', 12],
  ['{"method":"ping","params":{"x":"a', 'a"},"id":"x\\"y","jsonrpc":"2.0"}', 'x"y'],
  ['{"method":"tools/call","params":{"arguments":{"id":"a4","q":"a', 'a"}}}', null], // an id in the params is not the message's
  ['{"method":"ping","params":{"id":3,"x":"a', 'a"}}', null],
  ['not json at all', 'at all', null],
  ['{"jsonrpc":"2.0","id":{"a":1}', '', null],
  ['{"jsonrpc":"2.0","id":1.5,"method":"ping","params":{"x":"a', 'a"}}', 1.5], // a number whole, never its first digits
  ['{"id":1e3,"method":"ping","params":{"x":"a', 'a"}}', 1000],
  ['{"method":"ping","params":{"x":"a', 'a"},"id":-7}', -7],
])('idAtEnds(%j, %j) = %j', (head, tail, id) => expect(idAtEnds(head, tail)).toBe(id));

describe('raw stdio', () => {
  test('a malformed line gets a JSON-RPC error, and the server keeps serving; it exits cleanly when stdin closes', async () => {
    const r = await raw(['this is not json', '{"jsonrpc":"2.0","id":7,"method":42}', initialize]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const messages = r.stdout.map(
      (l) => JSON.parse(l) as { id: unknown; error?: { code: number }; result?: { serverInfo: { name: string } } },
    );
    expect(messages[0]).toMatchObject({ id: null, error: { code: -32700 } });
    expect(messages[1]).toMatchObject({ id: 7, error: { code: -32600 } });
    expect(messages[2]).toMatchObject({ id: 1, result: { serverInfo: { name: 'mcp-faq' } } });
    expect(messages).toHaveLength(3); // stdout carries the protocol only
  });

  test('a line longer than 4 Mi characters is refused with a JSON-RPC error for its id, and the next is answered', async () => {
    const x = 'a'.repeat(4 * 1024 * 1024);
    const first = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'ping', params: { x } });
    const last = JSON.stringify({ method: 'ping', params: { x, id: 'nested' }, jsonrpc: '2.0', id: 'last' }); // the SDK client's order
    const r = await raw([first, last, '{"jsonrpc":"2.0","id":6,"method":"ping"}']);
    expect(r.code).toBe(0);
    const messages = r.stdout.map((l) => JSON.parse(l) as { id: unknown; error?: { code: number; message: string } });
    expect(messages[0]).toMatchObject({ id: 5, error: { code: -32600 } });
    expect(messages[0]!.error!.message).toMatch(/at most 4194304 characters/);
    expect(messages[1]).toMatchObject({ id: 'last', error: { code: -32600 } });
    expect(messages[2]).toMatchObject({ id: 6, result: {} });
    expect(messages).toHaveLength(3);
  });

  test('stdout that cannot be written (a full disk): one line on stderr, exit 74, not a stack trace', () => {
    for (const input of ['not json\n', `${initialize}\n`]) {
      const r = spawnSync('sh', ['-c', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} mcp > /dev/full`], {
        input,
        env,
        encoding: 'utf8',
      });
      expect(r.status).toBe(74);
      expect(r.stderr).toBe('mcp-faq : écriture sur la sortie standard impossible : plus de place sur le disque (ENOSPC).\n');
    }
  });

  test('a last message without its newline is answered', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise((resolve) => {
      child.on('close', resolve);
      child.stdin.end(initialize);
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 1, result: { serverInfo: { name: 'mcp-faq' } } });
  });

  test('stdin closed at once: exit 0, nothing written', async () => {
    expect(await raw([])).toEqual({ code: 0, stdout: [], stderr: '' });
  });

  test('a session compiles no code from strings, with Function or eval (Zod without its compiled parsers: src/zod-jitless.ts)', async () => {
    const counter = join(tempDir('mcp-faq-eval'), 'count.cjs');
    writeFileSync(
      counter,
      `let n = 0;
      globalThis.Function = new Proxy(Function, { construct: (F, a) => (n++, Reflect.construct(F, a)), apply: (F, t, a) => (n++, Reflect.apply(F, t, a)) });
      const evaluate = globalThis.eval;
      globalThis.eval = (code) => (n++, evaluate(code));
      process.on('exit', () => process.stderr.write('compiled from strings: ' + n));`,
    );
    const call = (id: number, name: string, args: object) =>
      JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
    const r = await raw(
      [
        initialize,
        '{"jsonrpc":"2.0","method":"notifications/initialized"}',
        call(2, 'search_faq', { query: 'comment fusionner deux profils ?' }),
        call(3, 'get_faq_entry', { id: 'a4' }),
        '{"jsonrpc":"2.0","id":4,"method":"tools/list"}',
      ],
      ['--require', counter],
    );
    expect(r.stdout.map((l) => (JSON.parse(l) as { id: number }).id).sort()).toEqual([1, 2, 3, 4]); // answered, in any order
    expect(r.stderr).toBe('compiled from strings: 0');
  });
});

describe('the official MCP Inspector, in CLI mode', () => {
  // The Inspector needs Node ≥ 22.19: both come from .ci/nodes (npm ci --prefix .ci/nodes).
  const tools = join(root, '.ci/nodes/node_modules');
  const node22 = join(tools, 'node22/bin/node');
  const inspector = join(tools, '@modelcontextprotocol/inspector/clients/launcher/build/index.js');

  const run = (...args: string[]) => {
    for (const file of [node22, inspector]) {
      if (!existsSync(file)) throw new Error(`${file} manque : npm ci --prefix .ci/nodes (Node 22 et l’Inspector MCP, pour ce test)`);
    }
    return spawnSync(node22, [inspector, '--cli', process.execPath, BIN, 'mcp', ...args], { encoding: 'utf8', env, timeout: 30_000 });
  };
  const inspect = (...args: string[]) => {
    const r = run(...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  test('tools/list: the three tools, read-only', () => {
    const { tools: listed } = inspect('--method', 'tools/list') as { tools: { name: string; annotations: { readOnlyHint: boolean } }[] };
    expect(listed.map((t) => [t.name, t.annotations.readOnlyHint])).toEqual([
      ['search_faq', true],
      ['get_faq_entry', true],
      ['list_faq', true],
    ]);
  });

  test('tools/call search_faq: "comment fusionner deux profils ?" → a4', () => {
    const r = inspect('--method', 'tools/call', '--tool-name', 'search_faq', '--tool-arg', 'query=comment fusionner deux profils ?');
    expect((r.structuredContent as { results: { id: string }[] }).results[0]?.id).toBe('a4');
  });

  test('tools/call get_faq_entry: A4 gives a4 with its link; an unknown id is a tool error', () => {
    const found = inspect('--method', 'tools/call', '--tool-name', 'get_faq_entry', '--tool-arg', 'id=A4');
    expect(found.structuredContent).toMatchObject({ id: 'a4', links: [{ url: 'https://aka.ms/mcpforum' }] });
    const unknown = run('--method', 'tools/call', '--tool-name', 'get_faq_entry', '--tool-arg', 'id=a10');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('tool_is_error');
  });

  test('resources/list and resources/read', () => {
    const { resources } = inspect('--method', 'resources/list') as { resources: { uri: string }[] };
    expect(resources).toHaveLength(faq.entries.length);
    const { contents } = inspect('--method', 'resources/read', '--uri', 'faq://entries/a4') as { contents: { text: string }[] };
    expect(contents[0]?.text).toContain('https://aka.ms/mcpforum');
  });
});
