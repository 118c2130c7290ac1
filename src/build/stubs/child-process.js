// Build-time stand-in for commander's `require('node:child_process')`. commander only
// spawns processes for stand-alone executable subcommands, which mcp-faq does not
// have; loading node:child_process at start-up (it pulls in node:net and streams)
// costs about 4 ms. The real module is still there, loaded on first use.
module.exports = {
  spawn: (...args) => require('node:child_process').spawn(...args),
};
