// The MCP front end (`mcp-faq mcp`): a Model Context Protocol server over stdio, so
// that assistants (VS Code, Claude Desktop, Cursor…) search and quote the FAQ,
// offline. A thin layer over the core: the same search, cut-off and entries as the
// terminal. Tools: search_faq, get_faq_entry, list_faq (all read-only); resources:
// faq://entries/<id>, each entry's markdown.
//
// stdout carries the protocol only. The SDK's own stdio transport drops a line that
// is not JSON-RPC without a word and does not notice stdin closing, and its streams
// (process.stdin, process.stdout) cost more than the rest of the start; so the
// transport here reads and writes the file descriptors (io.ts), answers a line that
// is not JSON-RPC with a JSON-RPC error and keeps serving, and ends the server when
// stdin closes. This file (dist/mcp.js, with the SDK) loads
// only for `mcp-faq mcp`.

import './zod-jitless.js'; // first: before the SDK makes its schemas
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import type { Answer, Core, Found, Hit } from './core.js';
import { FaqError } from './errors.js';
import type { FaqEntry } from './faq.js';
import { FdStream, readChunks } from './io.js';
import { oneLine, stripControls } from './text.js';

const ENTRY_URI = 'faq://entries/';
/** MCP's error for a resource that does not exist. */
const RESOURCE_NOT_FOUND = -32002;
/** The longest message line read (characters): far more than any request needs, a query being cut at MAX_INPUT_CHARS (core.ts) anyway. */
const MAX_LINE = 4 * 1024 * 1024;

/** The server for a FAQ, with its tools and resources. */
function createServer(core: Core, version: string): McpServer {
  const { faq } = core;
  const server = new McpServer({ name: 'mcp-faq', version }, { instructions: describeFaq(core) });
  const readOnly = { readOnlyHint: true, openWorldHint: false, idempotentHint: true, destructiveHint: false };
  const hitShape = z.object({
    id: z.string().describe('identifiant de l’entrée, pour get_faq_entry'),
    category: z.string(),
    question: z.string(),
    score: z.number().describe('pertinence de 0 à 1 (1 : tous les mots cherchés sont dans la question)'),
    snippet: z.string().describe('le passage de la réponse qui correspond le mieux'),
  });

  server.registerTool(
    'search_faq',
    {
      title: 'Chercher dans la FAQ',
      description:
        `Search the FAQ for the entries that answer a question, best first. ${describeFaq(core)} ` +
        'Write the query in French or English, as the user would (typos, synonyms and English words are understood). ' +
        'An empty result means the FAQ does not answer the question: say so, do not invent an answer. ' +
        'Then read the best entry with get_faq_entry and quote it with its id and links.',
      inputSchema: {
        query: z.string().describe('la question ou les mots à chercher, en français ou en anglais'),
        limit: z.number().int().min(1).max(20).optional().describe('nombre de résultats au plus, de 1 à 20 (5 par défaut)'),
      },
      outputSchema: { query: z.string(), results: z.array(hitShape) },
      annotations: { title: 'Chercher dans la FAQ', ...readOnly },
    },
    async ({ query, limit }) => {
      let found;
      try {
        found = await core.search(query, { limit: limit ?? 5 });
      } catch (error) {
        if (FaqError.is(error) && error.kind === 'usage') throw new Error(`query : ${error.message}`, { cause: error });
        throw error;
      }
      const results = found.hits.map(hitJson);
      // The query is echoed for the client's record, not in full: a 100 KB query would come back whole.
      return {
        content: [{ type: 'text', text: searchText(query, found) }],
        structuredContent: { query: oneLine(query, 500), results },
      };
    },
  );

  server.registerTool(
    'get_faq_entry',
    {
      title: 'Lire une réponse de la FAQ',
      description:
        'Read one FAQ entry by its id (as given by search_faq or list_faq; case is ignored): its question, category, ' +
        'the answer in markdown (in the FAQ’s language) and its links. Quote the answer with its id and links.',
      inputSchema: { id: z.string().describe('identifiant de l’entrée, par exemple « a4 »') },
      outputSchema: {
        id: z.string(),
        category: z.string(),
        question: z.string(),
        toc: z.string().optional().describe('la question telle que le sommaire de la FAQ la formule, quand elle diffère'),
        answer: z.string().describe('la réponse, en markdown'),
        links: z.array(z.object({ text: z.string(), url: z.string() })),
      },
      annotations: { title: 'Lire une réponse de la FAQ', ...readOnly },
    },
    ({ id }) => {
      const found = core.lookup(id);
      if ('unknown' in found) return { isError: true, content: [{ type: 'text', text: unknownId(id, found.nearest) }] };
      const answer = core.answer(found.entry);
      // The fields of the output schema, no other: a client checks structured content against it.
      const { id: entryId, category, question, toc, answer: markdown, links } = answer;
      const structuredContent = { id: entryId, category, question, ...(toc === undefined ? {} : { toc }), answer: markdown, links };
      return { content: [{ type: 'text', text: entryMarkdown(answer) }], structuredContent };
    },
  );

  server.registerTool(
    'list_faq',
    {
      title: 'Lister les questions de la FAQ',
      description: `List every question of the FAQ with its id, by category. ${describeFaq(core)}`,
      inputSchema: {},
      outputSchema: {
        title: z.string(),
        categories: z.array(z.object({ name: z.string(), entries: z.array(z.object({ id: z.string(), question: z.string() })) })),
      },
      annotations: { title: 'Lister les questions de la FAQ', ...readOnly },
    },
    () => {
      const categories = faq.categories.map((name) => ({
        name,
        entries: faq.entries.filter((e) => e.category === name).map(({ id, question }) => ({ id, question })),
      }));
      const text = categories.map((c) => `## ${c.name}\n${c.entries.map((e) => `- ${e.id} : ${e.question}`).join('\n')}`).join('\n\n');
      return { content: [{ type: 'text', text }], structuredContent: { title: faq.meta.title, categories } };
    },
  );

  server.registerResource(
    'faq-entry',
    new ResourceTemplate(`${ENTRY_URI}{id}`, {
      list: () => ({
        resources: faq.entries.map((e) => ({
          uri: entryUri(e),
          name: e.id,
          title: e.question,
          description: e.category,
          mimeType: 'text/markdown',
        })),
      }),
      complete: { id: (value) => faq.entries.map((e) => e.id).filter((id) => id.toLowerCase().startsWith(value.toLowerCase())) },
    }),
    { title: 'Une entrée de la FAQ', description: 'La question, sa catégorie et sa réponse, en markdown.', mimeType: 'text/markdown' },
    (uri, variables) => {
      // The id as listed: URI-encoded (faq://entries/%C3%A91 is é1); badly encoded, it is an unknown id as written.
      const id = decodeUri(String(variables.id));
      const found = core.lookup(id);
      // An error with a code, not an McpError: the client puts « MCP error <code>: » before the message itself.
      if ('unknown' in found) throw Object.assign(new Error(unknownId(id, found.nearest)), { code: RESOURCE_NOT_FOUND });
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: entryMarkdown(core.answer(found.entry)) }] };
    },
  );

  return server;
}

/** Serves the FAQ on stdin/stdout (file descriptors, see io.ts) until stdin closes. */
export async function serve(core: Core, version: string): Promise<void> {
  const server = createServer(core, version);
  const stdout = new FdStream(1, 'la sortie standard');
  const transport = new LineTransport(
    (onChunk, onEnd) => readChunks(0, onChunk, onEnd),
    (line) => stdout.write(line),
  );
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  let failure: Error | undefined;
  server.server.onerror = (error) => (failure = error);
  await server.connect(transport);
  await closed;
  if (transport.writeFailure) throw transport.writeFailure;
  if (failure && 'code' in failure) {
    throw new FaqError(
      'input',
      `lecture de l’entrée standard impossible (${String(failure.code)}) : le serveur MCP lit les messages du client sur stdin.`,
    );
  }
}

/**
 * JSON-RPC over stdio, one message per line: a line that is not JSON gets a parse
 * error (-32700), one that is not a JSON-RPC message an invalid request (-32600);
 * the server goes on. The end of stdin closes it.
 */
class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** The line being received, in the pieces it came in (joined once whole: a long line is not copied at each chunk). */
  private pieces: string[] = [];
  private length = 0;
  /** The line's first and last characters: where the id of a line too long to read is. */
  private head = '';
  private tail = '';
  private open = true;
  /** stdin has ended: the server closes once the requests still in flight are answered. */
  private ended = false;
  private readonly inFlight = new Set<string | number>();
  /** Why a message could not be written (stdout closed, disk full): the server then stops, and says so. */
  writeFailure?: Error;

  /** `read` calls back with each chunk of input, then once at its end. */
  constructor(
    private readonly read: (onChunk: (text: string) => void, onEnd: (error?: Error) => void) => void,
    private readonly write: (line: string) => void,
  ) {}

  start(): Promise<void> {
    this.read(
      (chunk) => this.receive(chunk),
      (error) => {
        // A last message without its newline is a message all the same.
        this.endLine();
        if (error) this.onerror?.(error);
        this.ended = true;
        if (this.inFlight.size === 0) void this.close();
      },
    );
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.open) {
      try {
        this.write(`${JSON.stringify(message)}\n`);
      } catch (error) {
        // No answer can reach the client: serving on would lose every one of them.
        this.writeFailure = error as Error; // a FaqError (io.ts)
        return this.close();
      }
    }
    if ('id' in message && !('method' in message)) this.inFlight.delete(message.id as string | number);
    if (this.ended && this.inFlight.size === 0) void this.close();
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.open) {
      this.open = false;
      this.onclose?.();
    }
    return Promise.resolve();
  }

  private receive(chunk: string): void {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      this.add(chunk.slice(start, end));
      this.endLine();
      start = end + 1;
    }
    this.add(chunk.slice(start));
  }

  /** Adds a piece to the line being received; past MAX_LINE, the line is only counted (see endLine). */
  private add(piece: string): void {
    if (this.length <= MAX_LINE) this.pieces.push(piece);
    this.length += piece.length;
    if (this.head.length < KEPT_AT_ENDS) this.head += piece.slice(0, KEPT_AT_ENDS - this.head.length);
    this.tail = (this.tail + piece.slice(-KEPT_AT_ENDS)).slice(-KEPT_AT_ENDS);
  }

  private endLine(): void {
    const { pieces, length, head, tail } = this;
    [this.pieces, this.length, this.head, this.tail] = [[], 0, '', ''];
    // A line too long is answered without putting its pieces together, with its id
    // when it can be read at either end (a client waits for the answer to its id).
    if (length > MAX_LINE) {
      const id = idAtEnds(head, tail);
      void this.send(rpcError(id, -32600, `Invalid Request: a message is at most ${MAX_LINE} characters.`));
    } else {
      const line = pieces.join('').replace(/\r$/, '');
      if (line.trim()) this.line(line);
    }
  }

  private line(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      void this.send(rpcError(null, -32700, 'Parse error: this line is not JSON.'));
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(value);
    if (message.success) {
      if ('method' in message.data && 'id' in message.data) this.inFlight.add(message.data.id);
      this.onmessage?.(message.data);
    } else {
      const id =
        typeof value === 'object' && value !== null && 'id' in value && (typeof value.id === 'string' || typeof value.id === 'number')
          ? value.id
          : null;
      void this.send(rpcError(id, -32600, 'Invalid Request: not a JSON-RPC 2.0 message.'));
    }
  }
}

/** How many characters of each end of a line too long are kept, to find its id. */
const KEPT_AT_ENDS = 1000;
// A string, or a JSON number whole (« 1.5 » is not 1).
const ID_VALUE = String.raw`("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)`;
const ID_FIRST = new RegExp(String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*${ID_VALUE}\s*[,}]`);
const ID_LAST = new RegExp(String.raw`[,{]\s*"id"\s*:\s*${ID_VALUE}\s*(?:,\s*"jsonrpc"\s*:\s*"2\.0"\s*)?\}\s*$`);

/**
 * The id of a JSON-RPC message from the two ends of its line, when it is the first
 * member (after "jsonrpc") or the last (before it): never an "id" nested in its params.
 */
export function idAtEnds(head: string, tail: string): string | number | null {
  const value = (ID_FIRST.exec(head) ?? ID_LAST.exec(tail))?.[1];
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as string | number;
  } catch {
    return null;
  }
}

const rpcError = (id: string | number | null, code: number, message: string) =>
  ({ jsonrpc: '2.0', id, error: { code, message } }) as unknown as JSONRPCMessage;

/** What the FAQ is about, for the model: its title, categories and language. */
function describeFaq(core: Core): string {
  const { faq } = core;
  const language = core.bundled
    ? 'Its questions and answers are in French: the Microsoft Certification Program FAQ (certification profile and sign-in, MCID, unlinking from a partner organisation, merging profiles, changing the email address or the name, lost credentials, transcript, certificates, the program itself, contacting Certification support). It does not cover exams (scheduling, prices, proctoring), training, Learn badges or trophies.'
    : 'Its questions and answers are in the FAQ’s own language.';
  return `The FAQ « ${faq.meta.title} » has ${faq.entries.length} entries in ${faq.categories.length} categories (${faq.categories.join(' ; ')}). ${language}`;
}

/** What an unknown id gets: the nearest ids, and where to find them all. */
const unknownId = (id: string, nearest: string[]): string =>
  !stripControls(id, ' ').trim()
    ? 'Identifiant vide : donnez un identifiant, par exemple « a4 » (la liste : list_faq).'
    : `Identifiant inconnu : « ${oneLine(id, 60)} ».${nearest.length ? ` Les plus proches : ${nearest.join(', ')}.` : ' Pour chercher par mots : search_faq.'} La liste des identifiants : list_faq.`;

const entryUri = (e: FaqEntry) => `${ENTRY_URI}${encodeURIComponent(e.id)}`;

function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // "%E9": not UTF-8
  }
}

const hitJson = ({ entry: { id, category, question }, score, snippet }: Hit) => ({ id, category, question, score, snippet: snippet.text });

function searchText(query: string, { hits, id }: Found): string {
  if (hits.length === 0) {
    const next = id ? ` C’est l’identifiant d’une question ; pour la lire : get_faq_entry (id « ${id} »).` : '';
    return `La FAQ ne répond pas à « ${oneLine(query, 200)} » (aucun résultat).${next}`;
  }
  const lines = hits.map(
    (h, i) => `${i + 1}. ${h.entry.id} — ${h.entry.question} (${h.entry.category} ; score ${h.score})\n   ${h.snippet.text}`,
  );
  return `${lines.join('\n')}\n\nLire une réponse : get_faq_entry { "id": "${hits[0]!.entry.id}" }`;
}

/** An entry as markdown: its question as a title, its id and category, the answer, its links. */
function entryMarkdown(answer: Answer): string {
  const links = answer.links.length ? `\n\nLiens :\n${answer.links.map((l) => `- [${l.text}](${l.url})`).join('\n')}` : '';
  return `# ${answer.question}\n\n*${answer.id} · ${answer.category}*\n\n${answer.answer}${links}\n`;
}
