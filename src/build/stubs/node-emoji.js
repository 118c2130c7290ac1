// Build-time stand-in for node-emoji: the FAQ has no :emoji: codes, and marked-terminal
// is configured with emoji: false. Nothing to look up.
export const get = () => undefined;
