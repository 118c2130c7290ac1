// Types for the parts of marked-terminal 7.3 we use (its own package ships none, and
// @types/marked-terminal describes an older API).
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';

  type Style = (text: string) => string;
  export interface TerminalRendererOptions {
    code?: Style;
    blockquote?: Style;
    html?: Style;
    heading?: Style;
    firstHeading?: Style;
    hr?: Style;
    listitem?: Style;
    table?: Style;
    paragraph?: Style;
    strong?: Style;
    em?: Style;
    codespan?: Style;
    del?: Style;
    link?: Style;
    href?: Style;
    text?: Style;
    unescape?: boolean;
    emoji?: boolean;
    width?: number;
    showSectionPrefix?: boolean;
    reflowText?: boolean;
    tab?: number | string;
    tableOptions?: Record<string, unknown>;
  }
  export function markedTerminal(options?: TerminalRendererOptions, highlightOptions?: unknown): MarkedExtension;
}

// ES2024's String.prototype.toWellFormed, which Node 20 has (V8 11.3); the rest of
// lib ES2024 (Promise.withResolvers, Object.groupBy…) is not in Node 20, so the
// project stays on lib ES2023 and declares only this.
interface String {
  toWellFormed(): string;
}
