// Types of bundle-data.mjs, for the TypeScript that imports it (vitest.config.mts).
import type { Bundle } from '../bundle.js';

export const root: string;
export const FILES: Record<'faq' | 'glossary' | 'stopwords' | 'offtopic' | 'words', string>;
/** A value as JSON of ASCII characters: for esbuild's `define`, the value itself (an object literal). */
export function asciiValue(value: unknown): string;
/** The general word frequencies, as `define` text. */
export function frequentWords(): string;
/** The exports of TypeScript sources bundled in memory (esbuild options: `entryPoints` or `stdin`). */
export function importSources(options: Record<string, unknown>): Promise<Record<string, unknown>>;
/** The bundled FAQ's data, made by the code the CLI runs. */
export function makeBundleData(): Promise<Bundle>;
