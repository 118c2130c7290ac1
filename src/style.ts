// The styles of `list` and `search` output: chalk's when there is color, plain text
// otherwise. chalk loads only when it is used.

export interface Styles {
  bold: (text: string) => string;
  dim: (text: string) => string;
  id: (text: string) => string;
  /** An id in a result title: bold and colored. */
  strongId: (text: string) => string;
  /** A matched word in a snippet. */
  match: (text: string) => string;
}

const same = (text: string) => text;

export const plain: Styles = { bold: same, dim: same, id: same, strongId: same, match: same };

export async function styles(color: boolean): Promise<Styles> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, id: c.cyan, strongId: c.bold.cyan, match: c.yellow.bold };
}
