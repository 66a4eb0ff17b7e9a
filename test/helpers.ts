// Shared test helpers: where the repository, fixtures and the shared corpus are.

import * as fs from 'fs';
import * as path from 'path';

/** Repository root (tests run from out/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/**
 * The corpus of real plans, copied from the workplace's ../shared/corpus into the repository so a
 * clone anywhere can run the tests and the benchmark (test/corpus/copy.test.ts keeps the copy true).
 */
export const CORPUS = path.join(FIXTURES, 'corpus');
/** The workplace's corpus, beside the repository where it exists. */
export const SHARED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

export function corpusFiles(): string[] {
  return fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
}

export function readCorpus(name: string): string {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
