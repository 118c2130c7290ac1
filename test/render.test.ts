import { describe, expect, test } from 'vitest';
import { compose } from '../src/compose.js';
import type { FaqEntry } from '../src/faq.js';
import { bundledDocuments, layout, renderEntries, type RenderOptions } from '../src/render.js';
import { renderEntry as renderWith } from '../src/render.js';
import { loadTheme } from '../src/theme.js';
import { displayWidth } from '../src/wrap.js';
import { faq } from './helpers.js';

const colored = await loadTheme(true);
const renderEntry = (entry: FaqEntry, options: RenderOptions) => renderWith(entry, compose(entry.answer, colored)!, options);
const renderMarkdown = (markdown: string, options: RenderOptions) => layout(compose(markdown, colored)!, options);

const plain: RenderOptions = { width: 80, theme: await loadTheme(false), color: false, hyperlinks: false };
const rich: RenderOptions = { width: 80, theme: colored, color: true, hyperlinks: true };

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u001b\]8;;[^\u0007]*\u0007/g, '');

const RAW_TOKENS = ['**', '](', '![', '<br', '<a ', '<a name', '&nbsp;', '&amp;'];
const urls = (md: string) => [...md.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1]!);
const images = (md: string) => [...md.matchAll(/!\[([^\]]*)\]/g)].map((m) => m[1]!);
const sourceNumbers = (md: string) => [...md.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
const renderedNumbers = (out: string) => [...out.matchAll(/^ {2}(\d+)\. /gm)].map((m) => Number(m[1]));

describe.each(faq.entries.map((e) => [e.id, e] as const))('show %s', (_, entry) => {
  const out = renderEntry(entry, plain);

  test('leaves no raw markdown or HTML', () => {
    for (const token of RAW_TOKENS) expect(out).not.toContain(token);
  });

  test('numbers ordered lists as the source does', () => {
    expect(renderedNumbers(out)).toEqual(sourceNumbers(entry.answer));
  });

  test('shows every link URL, and every image as a placeholder with its alt text', () => {
    for (const url of urls(entry.answer)) expect(out).toContain(url);
    for (const alt of images(entry.answer)) expect(out).toContain(`[image : ${alt}]`);
  });

  test('starts with the question and its id and category', () => {
    const [title, meta] = out.split('\n\n')[0]!.split(/\n(?=\S+ · )/);
    const spaces = (s: string) => s.replace(/[\n\u00a0]/g, ' ');
    expect(spaces(title!)).toBe(spaces(entry.question));
    expect(meta).toBe(`${entry.id} · ${entry.category}`);
  });

  test('wraps to the width (only a URL may overflow)', () => {
    for (const width of [40, 60, 100]) {
      for (const line of renderEntry(entry, { ...plain, width }).split('\n')) {
        if (line.length > width) expect(line).toMatch(/https?:\/\/\S+/);
      }
    }
  });

  test('with color and hyperlinks: styled, OSC 8 links, same visible text', () => {
    const colored = renderEntry(entry, rich);
    expect(colored).toMatch(/\u001b\[1m/);
    for (const url of urls(entry.answer)) expect(colored).toContain(`\u001b]8;;${url}\u0007`);
    expect(stripAnsi(colored)).toBe(out);
  });

  test('without color: no escape codes at all', () => {
    expect(out).not.toMatch(/\u001b/);
  });
});

describe('renderMarkdown', () => {
  test.each([
    ['an ordered list keeps its start', '3. trois\n4. quatre', ['  3. trois', '  4. quatre']],
    ['inline markdown inside list items', '1. un **gras** et [lien](https://x.y)', ['  1. un gras et lien (https://x.y)']],
    ['bullets', '- a\n- b', ['  • a', '  • b']],
    ['nested lists', '1. a\n   - b\n2. c', ['  1. a', '       • b', '  2. c']],
    ['a link whose text is its URL shows it once', '<https://x.y/z>', ['https://x.y/z']],
    ['<br/> is a line break', 'un<br/>deux', ['un', 'deux']],
    ['HTML tags vanish, their text stays', 'un <b>gras</b> <a name="x"></a>fin', ['un gras fin']],
    ['entities are decoded', 'a &amp; b &lt;c&gt; &#233;', ['a & b <c> é']],
    ['headings without their #', '## Titre\n\ntexte', ['Titre', '', 'texte']],
    ['an image without alt', '![](x.png)', ['[image]']],
    ['a block quote', '> cité', ['│ cité']],
    ['a wrapped block quote keeps its bar', `> ${'mot '.repeat(20)}fin`, [`│ ${'mot '.repeat(18).trim()}`, '│ mot mot fin']],
    [
      'a list in a block quote: bar kept, marker not',
      `> 1. ${'mot '.repeat(20)}`,
      [`│   1. ${'mot '.repeat(17).trim()}`, '│      mot mot mot'],
    ],
    ['French punctuation does not start a line', `${'mot '.repeat(18)}fin :`, [`${'mot '.repeat(18).trim()}`, 'fin\u00a0:']],
  ])('%s', (_, markdown, lines) => {
    expect(renderMarkdown(markdown, { ...plain, width: 76 }).split('\n')).toEqual(lines);
  });

  test('a link href cannot inject escape sequences', () => {
    const out = renderMarkdown('[x](https://a.b/\u001b[2J)', rich);
    expect(stripAnsi(out)).not.toMatch(/\u001b/);
  });

  test('the bundled documents are the composed answers', () => {
    expect(bundledDocuments()).toEqual(Object.fromEntries(faq.entries.map((e) => [e.id, compose(e.answer, colored)])));
  });

  test('documents are width-independent: one per answer, wrapped only at layout', () => {
    const doc = compose(faq.entries[7]!.answer, colored)!;
    expect(doc.split('\n').filter(Boolean)).toHaveLength(1);
    expect(layout(doc, plain).split('\n').length).toBeGreaterThan(5);
  });

  test('several entries are separated by a rule', () => {
    const out = renderEntries(faq.entries.slice(0, 2), bundledDocuments(), plain);
    expect(out).toContain('\n────────────────────────────────────────\n\n');
    expect(out.indexOf(faq.entries[1]!.question.slice(0, 30))).toBeGreaterThan(out.indexOf('───'));
  });
});

describe('code blocks: as written, folded to the width', () => {
  const code = ['```', `const url = "https://example.org/${'x'.repeat(90)}";`, '\tif (ok) {', '\t\treturn 1;', '```'].join('\n');

  test('tabs expanded; a line wider than the terminal cut at the width, after the margin', () => {
    const out = renderMarkdown(code, { ...plain, width: 40 }).split('\n');
    expect(out).toContain('      if (ok) {');
    expect(out).toContain('          return 1;');
    expect(out.filter((l) => l.includes('x')).every((l) => l.startsWith('  '))).toBe(true);
  });

  test.each([10, 20, 30, 40, 60, 80, 100])('at %d columns, no line wider, nothing lost', (width) => {
    for (const options of [plain, rich]) {
      const out = renderMarkdown(code, { ...options, width });
      for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(stripAnsi(out).replace(/\s/g, '')).toContain(`"https://example.org/${'x'.repeat(90)}";`);
    }
  });
});

describe('tables: a grid when it fits the width, records otherwise; never wider than the terminal', () => {
  const table = [
    '| Examen | Prix | Niveau |',
    '| :--- | ---: | :---: |',
    '| AZ-900 | 99 $ | **base** |',
    '| AZ-104 | 165 $ | associé, le plus demandé des examens |',
  ].join('\n');

  test('a grid at 80 columns: columns as wide as their widest cell, aligned as the source says', () => {
    expect(renderMarkdown(table, plain)).toBe(
      [
        '┌────────┬───────┬──────────────────────────────────────┐',
        '│ Examen │  Prix │                Niveau                │',
        '├────────┼───────┼──────────────────────────────────────┤',
        '│ AZ-900 │  99 $ │                 base                 │',
        '│ AZ-104 │ 165 $ │ associé, le plus demandé des examens │',
        '└────────┴───────┴──────────────────────────────────────┘',
      ].join('\n'),
    );
  });

  test('records at 40 columns: each cell after its header (French spacing), wrapped', () => {
    expect(renderMarkdown(table, { ...plain, width: 40 })).toBe(
      [
        '• Examen\u00a0: AZ-900',
        '  Prix\u00a0: 99 $',
        '  Niveau\u00a0: base',
        '• Examen\u00a0: AZ-104',
        '  Prix\u00a0: 165 $',
        '  Niveau\u00a0: associé, le plus demandé',
        '    des examens',
      ].join('\n'),
    );
  });

  test.each([10, 15, 20, 30, 57, 58, 100])('at %d columns, in a list and in color: no line wider, no cell lost', (width) => {
    const out = renderMarkdown(`- Les prix :\n\n  ${table.replace(/\n/g, '\n  ')}`, { ...rich, width });
    for (const line of stripAnsi(out).split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    // Without white space: at 10 columns a word longer than the room is cut, not lost.
    const text = stripAnsi(out).replace(/\s+/g, '');
    for (const cell of ['AZ-900', '99$', 'base', '165$', 'demandé']) expect(text).toContain(cell);
  });
});

describe('tables: edge cases', () => {
  test.each([
    [
      'first in a list item: the marker on the first line only',
      '- | a | b |\n  |---|---|\n  | 1 | 2 |',
      80,
      ['  • ┌───┬───┐', '    │ a │ b │', '    ├───┼───┤', '    │ 1 │ 2 │', '    └───┴───┘'],
    ],
    [
      'a header without rows, as a grid: no empty body',
      '| Un | Deux |\n|---|---|',
      80,
      ['┌────┬──────┐', '│ Un │ Deux │', '└────┴──────┘'],
    ],
    [
      'a header without rows, as records: its headers, not nothing',
      '| Colonne un assez longue | Colonne deux assez longue |\n|---|---|',
      40,
      ['• Colonne un assez longue', '  Colonne deux assez longue'],
    ],
    [
      'records: « : » never starts a line, an empty cell leaves no trailing space',
      '| Identifiant du profil de certification Microsoft | Nom |\n|---|---|\n| 123 | |',
      40,
      ['• Identifiant du profil de', '    certification Microsoft\u00a0: 123', '  Nom'],
    ],
  ])('%s', (_, markdown, width, lines) => expect(renderMarkdown(markdown, { ...plain, width }).split('\n')).toEqual(lines));
});
