// A large paste replaces the document's content as a whole (its line table built on first use):
// the text, lines and positions must be those the library's incremental update gives.

import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LARGE_CHANGE_CHARS, PLAN_DOCUMENTS } from '../../server/src/planDocuments';
import { readCorpus } from '../helpers';

describe('lsp: the open documents (a large paste)', () => {
  const plan = readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt');
  const big = plan.repeat(Math.ceil((2 * LARGE_CHANGE_CHARS) / plan.length)).replace(/\n/g, (m, i: number) => (i % 3 ? m : '\r\n'));

  const cases: [string, string, TextDocumentContentChangeEvent[]][] = [
    ['a paste inside a line', plan, [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, text: big }]],
    ['a paste over a selection given end first', plan, [{ range: { start: { line: 9, character: 1 }, end: { line: 2, character: 4 } }, text: big }]],
    [
      'a paste, then a key typed after it in the same notification',
      plan,
      [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: big },
        { range: { start: { line: 4000, character: 3 }, end: { line: 4000, character: 5 } }, text: 'x' },
      ],
    ],
    ['a paste between CR and LF', 'a\r\nb', [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: big + '\r' }]],
    ['a small edit (the library itself)', plan, [{ range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: 'y\n' }]],
  ];
  for (const [name, before, changes] of cases) {
    it(name, () => {
      const expected = TextDocument.update(TextDocument.create('untitled:a', 'kehoach', 1, before), changes, 2);
      const actual = PLAN_DOCUMENTS.update(PLAN_DOCUMENTS.create('untitled:a', 'kehoach', 1, before), changes, 2);
      assert.strictEqual(actual.version, 2);
      assert.strictEqual(actual.getText(), expected.getText());
      assert.strictEqual(actual.lineCount, expected.lineCount);
      const text = expected.getText();
      for (let off = 0; off <= text.length; off += 997) {
        assert.deepStrictEqual(actual.positionAt(off), expected.positionAt(off));
        assert.strictEqual(actual.offsetAt(expected.positionAt(off)), expected.offsetAt(expected.positionAt(off)));
      }
    });
  }
});
