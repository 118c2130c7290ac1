// Build-time stand-in for chalk's own color detection (#supports-color): mcp-faq decides
// color itself (src/terminal.ts: --color, NO_COLOR, FORCE_COLOR, TERM, TTY) and always
// creates `new Chalk({ level })`, so chalk's default instance is never used; detecting
// at import time would only load node:tty and node:os for nothing.
export default { stdout: false, stderr: false };
