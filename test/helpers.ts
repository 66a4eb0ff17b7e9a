// Shared test helpers: where the repository, fixtures and the shared corpus are.

import * as fs from 'fs';
import * as path from 'path';

/** Repository root (tests run from out/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** The shared corpus sits beside the repository (../shared/corpus), in CI too. */
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

export function corpusFiles(): string[] {
  if (!fs.existsSync(CORPUS)) return [];
  return fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
}

export function readCorpus(name: string): string {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
