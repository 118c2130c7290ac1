// Build-time stand-in for Zod 3 (zod/v3, 60 KiB of dist/mcp.js and its set-up at
// every start) in the MCP SDK, which takes tools' schemas in Zod 3 or Zod 4:
// src/mcp.ts writes them all in Zod 4, so the SDK never makes a Zod 3 object.
export function object() {
  throw new Error('mcp-faq: Zod 3 schemas are not bundled (src/mcp.ts writes its schemas in Zod 4).');
}
