import * as assert from 'assert';
import { normalizeText, splitLines, LineIndex, parsePlan } from '../../server/src/core';
import { readCorpus } from '../helpers';

describe('text normalisation and offsets', () => {
  it('leaves precomposed text and its offsets alone', () => {
    const n = normalizeText('Sở Nội vụ chủ trì');
    assert.strictEqual(n.text, 'Sở Nội vụ chủ trì');
    assert.strictEqual(n.toSource(5), 5);
  });

  it('composes NFD text and maps every model offset back to the start of its letter', () => {
    const source = 'Sở Nội vụ'.normalize('NFD');
    const n = normalizeText(source);
    assert.strictEqual(n.text, 'Sở Nội vụ');
    // "N" of "Nội" is model offset 3; in NFD, "Sở " is S + o + U+031B + U+0300 + space = 5 units
    assert.strictEqual(n.toSource(3), 5);
    assert.strictEqual(source.slice(n.toSource(3), n.toSource(6)), 'Nội'.normalize('NFD'));
    assert.strictEqual(n.toSource(n.text.length), source.length);
  });

  it('reads "ƣ" from legacy PDF fonts as "ư" without moving offsets', () => {
    const n = normalizeText('Tuyên Quang đƣợc');
    assert.strictEqual(n.text, 'Tuyên Quang được');
    assert.strictEqual(n.toSource(14), 14);
  });

  it('round-trips offsets on a whole corpus plan in NFD', () => {
    const nfc = readCorpus('tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt');
    const nfd = nfc.normalize('NFD');
    const n = normalizeText(nfd);
    assert.strictEqual(n.text, nfc.normalize('NFC'));
    for (let i = 0; i < n.text.length; i += 101) assert.strictEqual(n.fromSource(n.toSource(i)), i);
  });

  it('splits LF, CRLF and lone CR alike', () => {
    const lines = splitLines('a\r\nb\rc\nd');
    assert.deepStrictEqual(lines.map((l) => l.text), ['a', 'b', 'c', 'd']);
    assert.strictEqual(lines[1].start, 3);
    const idx = new LineIndex('a\r\nb\rc\nd');
    assert.deepStrictEqual(idx.positionAt(5), { line: 2, character: 0 });
    assert.strictEqual(idx.offsetAt({ line: 1, character: 99 }), 4);
  });

  it('parses a plan with a BOM and CRLF without throwing', () => {
    const doc = parsePlan('\uFEFFKẾ HOẠCH\r\nI. MỤC ĐÍCH, YÊU CẦU\r\n1. Mục đích\r\n');
    assert.strictEqual(doc.lines.length, 4);
  });
});

describe('legacy letter before a combining tone', () => {
  it('composes "ƣ" + U+0301 as "ứ"', () => {
    const n = normalizeText('đ\u01a3\u0301ng');
    assert.strictEqual(n.text, 'đứng');
    assert.strictEqual(n.toSource(2), 3);
  });
});
