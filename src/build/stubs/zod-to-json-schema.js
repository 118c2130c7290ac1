// Build-time stand-in for zod-to-json-schema (20 KiB of dist/mcp.js), which the MCP
// SDK uses only for Zod 3 schemas: those of src/mcp.ts are Zod 4, which converts
// its own (see zod-v3.js).
export function zodToJsonSchema() {
  throw new Error('mcp-faq: zod-to-json-schema is not bundled (src/mcp.ts writes its schemas in Zod 4).');
}
