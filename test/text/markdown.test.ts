// Shape 5 of issue 11: a Markdown plan reads as the same structure as its plain text, and every
// offset maps back to the Markdown exactly (a finding never covers or eats a "**").

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parsePlan } from '../../server/src/core/parse';
import { looksLikeMarkdown, markdownView } from '../../server/src/core/text/markdown';
import { FIXTURES, corpusFiles, readCorpus } from '../helpers';

const DIR = path.join(FIXTURES, 'markdown');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md');

/** The plain text a reader sees, written independently of the view: markup dropped line by line. */
function plainOf(md: string): string {
  return md
    .split('\n')
    .map((l) => l
      .replace(/^#{1,6}[ \t]+/, '')
      .replace(/^([ \t]*)\*([ \t]+)(?=\S)/, '$1-$2')
      .replace(/\\([-+.()*_#!|\\[\]])/g, '$1')
      .replace(/\*{1,3}/g, ''))
    .join('\n');
}

function outline(text: string): string[] {
  return parsePlan(text).items.map((i) => `${'  '.repeat(i.depth)}${i.label?.raw ?? ''} ${i.title.value.trim()}`);
}

describe('Markdown plans (.kehoach.md)', () => {
  it('are told from plain text: the real Markdown fixtures are, no corpus plan is', () => {
    for (const f of FILES) assert.ok(looksLikeMarkdown(fs.readFileSync(path.join(DIR, f), 'utf8')), f);
    for (const f of corpusFiles()) assert.ok(!looksLikeMarkdown(readCorpus(f)), f);
  });

  for (const f of FILES) {
    const md = fs.readFileSync(path.join(DIR, f), 'utf8');

    it(`${f}: the outline is the plain text's outline`, () => {
      const items = outline(md);
      assert.ok(items.length >= 8, `${f}: ${items.length} items`);
      assert.deepStrictEqual(items, outline(plainOf(md)));
      // Headings kept their labels: "**I. MỤC ĐÍCH, YÊU CẦU**" is section I, "\- …" a dash item.
      assert.ok(items.some((i) => i.startsWith('I. MỤC ĐÍCH')), items.join('\n'));
    });

    it(`${f}: titles and citations map back to exactly their Markdown text`, () => {
      const doc = parsePlan(md);
      for (const item of doc.items) {
        const s = md.slice(doc.toSourceOffset(item.title.start), doc.toSourceOffset(item.title.end));
        assert.ok(!s.startsWith('*') && !s.endsWith('*'), `title maps onto markup: ${JSON.stringify(s)}`);
        assert.strictEqual(s.replace(/\\|\*/g, ''), item.title.value);
      }
      assert.ok(doc.citations.length > 0);
      for (const c of doc.citations) {
        assert.strictEqual(md.slice(doc.toSourceOffset(c.number.start), doc.toSourceOffset(c.number.end)), c.number.raw);
      }
    });
  }

  it('maps a boundary between a closing and an opening run to between them', () => {
    // From the Lâm Đồng plan: "**a) Tổ chức, thực hiện chương trình** ***“Đối thoại về*** …"
    const src = '**a) Tổ chức, thực hiện chương trình** ***“Đối thoại về***';
    const v = markdownView(src);
    assert.strictEqual(v.text, 'a) Tổ chức, thực hiện chương trình “Đối thoại về');
    const end = v.text.indexOf(' “');
    assert.strictEqual(src.slice(v.toSource(0), v.toSource(end)), 'a) Tổ chức, thực hiện chương trình');
    assert.strictEqual(src.slice(v.toSource(end + 1), v.toSource(v.text.length)), '“Đối thoại về');
  });
});
