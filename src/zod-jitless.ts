// Zod, as the MCP server uses it (src/mcp.ts, and the SDK's own schemas), without its
// compiled parsers: by default, Zod compiles a parser for each object schema (with
// `new Function`) the first time that schema parses something, so that later parses
// are faster. A server started for one session parses a few messages with dozens of
// schemas: compiling them cost more than the parses save (V8 compiles such code at
// every start, outside the code cache), 9 % of a session's instructions.
// This module changes Zod's settings as it loads, which no other module here does:
// Zod reads the setting when a schema is made, and the SDK makes its schemas as its
// modules load; src/mcp.ts imports this module before them.
import { config } from 'zod';

config({ jitless: true });
