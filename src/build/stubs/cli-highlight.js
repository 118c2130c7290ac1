// Build-time stand-in for cli-highlight (and highlight.js behind it): the FAQ has no
// code blocks to color, and loading it costs ~100 ms of start-up. Code is shown as is.
export const highlight = (code) => code;
