export interface Query {
  q: string;
  expect: string[];
}
export interface Evaluation {
  n: number;
  top1: number;
  top1Count: number;
  mrr: number;
  ood: number;
  oodRejected: number;
  misses: string[];
}
export function readQueries(path: string): Query[];
export function evaluate(queries: Query[], search: (q: string) => string[]): Evaluation;
export function summary(r: Evaluation): string;
