// Build-time stand-in for the MCP SDK's JSON Schema validator (ajv, ajv-formats and
// fast-uri: 130 KiB of dist/mcp.js, and their set-up at every start). The SDK's
// server uses it only to check what a client answers to an elicitation (a request
// for user input), which the mcp-faq server never sends.
export class AjvJsonSchemaValidator {
  getValidator() {
    throw new Error('mcp-faq: the server does not validate elicitation answers (it never elicits).');
  }
}
