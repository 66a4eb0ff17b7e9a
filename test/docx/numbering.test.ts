// Word's automatic numbering, materialised as Word shows it: each numbering case on a generated .docx.
// Expected labels are what Word displays (cross-checked with LibreOffice's text export, see docs/WORD.md).

import * as assert from 'assert';
import { readDocx } from '../../server/src/core/docx';
import { checkPlan } from '../../server/src/core/check';
import { abstractNum, buildDocx, lvl, num, p } from './build';

/** The derived text's lines for a body and numbering definitions. */
function lines(body: string, numbering: string, styles?: string): string[] {
  return readDocx(buildDocx({ body, numbering, styles })).text.replace(/\n$/, '').split('\n');
}

const items = (texts: string[], numId: number, ilvl = 0) => texts.map((t) => p(t, { numId, ilvl })).join('');

describe('docx reader: numbering as Word renders it', () => {
  it('lowerLetter counts a b c d e f — six points show "e) f)", and KH102 flags them', () => {
    const numbering = abstractNum(1, lvl(0, 'lowerLetter', '%1)')) + num(1, 1);
    const body = p('1. Nhiệm vụ') + items(['Một;', 'Hai;', 'Ba;', 'Bốn;', 'Năm;', 'Sáu.'], 1);
    const docx = readDocx(buildDocx({ body, numbering }));
    assert.deepStrictEqual(docx.text.split('\n').slice(1, 7), ['a) Một;', 'b) Hai;', 'c) Ba;', 'd) Bốn;', 'e) Năm;', 'f) Sáu.']);
    const findings = checkPlan(docx.text).findings.filter((f) => f.rule === 'KH102');
    assert.ok(findings.length > 0, 'KH102 should see "e)" after "d)"');
    const first = findings[0];
    assert.strictEqual(docx.text.slice(first.start, first.start + 2), 'e)');
    // The finding is on the fifth point's label: paragraph 5 (0-based, after the heading).
    assert.deepStrictEqual(docx.map.toDocx(first.start), { part: 'document', paragraph: 5, offset: 0, label: true });
  });

  it('decimal, upperRoman, lowerRoman, upperLetter, decimalZero and start values', () => {
    const numbering =
      abstractNum(1, lvl(0, 'decimal', '%1.', { start: 3 })) +
      abstractNum(2, lvl(0, 'upperRoman', '%1.')) +
      abstractNum(3, lvl(0, 'lowerRoman', '(%1)')) +
      abstractNum(4, lvl(0, 'upperLetter', '%1.')) +
      abstractNum(5, lvl(0, 'decimalZero', '%1.', { start: 8 })) +
      [1, 2, 3, 4, 5].map((i) => num(i, i)).join('');
    const got = lines(items(['x', 'y'], 1) + items(['a', 'b', 'c', 'd'], 2) + items(['a', 'b', 'c', 'd', 'e'], 3) + items(['a', 'b'], 4) + items(['a', 'b', 'c'], 5), numbering);
    assert.deepStrictEqual(got, ['3. x', '4. y', 'I. a', 'II. b', 'III. c', 'IV. d', '(i) a', '(ii) b', '(iii) c', '(iv) d', '(v) e', 'A. a', 'B. b', '08. a', '09. b', '10. c']);
  });

  it('bullets: symbol-font characters show as "•", a typed "-" stays', () => {
    const numbering = abstractNum(1, lvl(0, 'bullet', '\uf0b7')) + abstractNum(2, lvl(0, 'bullet', '-')) + num(1, 1) + num(2, 2);
    assert.deepStrictEqual(lines(items(['Một'], 1) + items(['Hai'], 2), numbering), ['• Một', '- Hai']);
  });

  it('"%1.%2." multi-level: a level restarts after its parent', () => {
    const numbering = abstractNum(1, lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2.')) + num(1, 1);
    const body = p('A', { numId: 1, ilvl: 0 }) + items(['a1', 'a2'], 1, 1) + p('B', { numId: 1, ilvl: 0 }) + items(['b1'], 1, 1);
    assert.deepStrictEqual(lines(body, numbering), ['1. A', '1.1. a1', '1.2. a2', '2. B', '2.1. b1']);
  });

  it('w:lvlRestart 0: a level that never restarts keeps counting under a new parent', () => {
    const numbering = abstractNum(1, lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%2.', { restart: 0 })) + num(1, 1);
    const body = p('A', { numId: 1, ilvl: 0 }) + items(['a', 'b'], 1, 1) + p('B', { numId: 1, ilvl: 0 }) + items(['c'], 1, 1);
    assert.deepStrictEqual(lines(body, numbering), ['I. A', '1. a', '2. b', 'II. B', '3. c']);
  });

  it('w:lvlRestart 1: level 3 restarts after level 1 only, not after level 2', () => {
    const numbering = abstractNum(1, lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%2.') + lvl(2, 'lowerLetter', '%3)', { restart: 1 })) + num(1, 1);
    const body = p('A', { numId: 1, ilvl: 0 }) + p('a', { numId: 1, ilvl: 1 }) + items(['x', 'y'], 1, 2) + p('b', { numId: 1, ilvl: 1 }) + items(['z'], 1, 2) + p('B', { numId: 1, ilvl: 0 }) + items(['w'], 1, 2);
    assert.deepStrictEqual(lines(body, numbering), ['I. A', '1. a', 'a) x', 'b) y', '2. b', 'c) z', 'II. B', 'a) w']);
  });

  it('continues across unnumbered paragraphs and across numIds sharing an abstractNum', () => {
    const numbering = abstractNum(1, lvl(0, 'decimal', '%1.')) + num(1, 1) + num(2, 1);
    const body = items(['a'], 1) + p('đoạn thường') + items(['b'], 1) + items(['c', 'd'], 2) + items(['e'], 1);
    assert.deepStrictEqual(lines(body, numbering), ['1. a', 'đoạn thường', '2. b', '3. c', '4. d', '5. e']);
  });

  it('lvlOverride/startOverride restarts the shared count the first time its numId is used', () => {
    const restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>';
    const numbering = abstractNum(1, lvl(0, 'lowerLetter', '%1)')) + num(1, 1) + num(3, 1, restart);
    const body = items(['a', 'b', 'c'], 1) + p('Khoản sau') + items(['x', 'y'], 3) + items(['z'], 1);
    // numId 1 after the restart continues the shared count, as Word does.
    assert.deepStrictEqual(lines(body, numbering), ['a) a', 'b) b', 'c) c', 'Khoản sau', 'a) x', 'b) y', 'c) z']);
  });

  it('a startOverride other than 1, and a full w:lvl inside lvlOverride replacing the format', () => {
    const override = `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>`;
    const replace = `<w:lvlOverride w:ilvl="0">${lvl(0, 'upperRoman', 'Phần %1.')}</w:lvlOverride>`;
    const numbering = abstractNum(1, lvl(0, 'decimal', '%1.')) + abstractNum(2, lvl(0, 'decimal', '%1.')) + num(1, 1, override) + num(2, 2, replace);
    assert.deepStrictEqual(lines(items(['a', 'b'], 1) + items(['x', 'y'], 2), numbering), ['5. a', '6. b', 'Phần I. x', 'Phần II. y']);
  });

  it('numbering inherited from a paragraph style through basedOn; numId 0 turns it off', () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Dieu"><w:name w:val="Dieu"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="DieuDam"><w:name w:val="Dieu dam"/><w:basedOn w:val="Dieu"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Khoan"><w:name w:val="Khoan"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering = abstractNum(1, lvl(0, 'decimal', 'Điều %1.') + lvl(1, 'decimal', '%2.')) + num(1, 1);
    const body =
      p('Phạm vi', { style: 'Dieu' }) + p('Khoản một', { style: 'Khoan' }) + p('Đối tượng', { style: 'DieuDam' }) + '<w:p><w:pPr><w:pStyle w:val="Dieu"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Không đánh số</w:t></w:r></w:p>' + p('Hiệu lực', { style: 'Dieu' });
    assert.deepStrictEqual(lines(body, numbering, styles), ['Điều 1. Phạm vi', '1. Khoản một', 'Điều 2. Đối tượng', 'Không đánh số', 'Điều 3. Hiệu lực']);
  });

  it('a style linked from a level (w:lvl/w:pStyle) gives that level', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Diem"><w:name w:val="Diem"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering = abstractNum(1, lvl(0, 'decimal', '%1.') + lvl(1, 'lowerLetter', '%2)', { pStyle: 'Diem' })) + num(1, 1);
    assert.deepStrictEqual(lines(items(['Một'], 1) + p('điểm', { style: 'Diem' }), numbering, styles), ['1. Một', 'a) điểm']);
  });

  it('w:isLgl shows the parent levels as decimal', () => {
    const numbering = abstractNum(1, lvl(0, 'upperRoman', '%1.') + lvl(1, 'decimal', '%1.%2.', { isLgl: true })) + num(1, 1);
    assert.deepStrictEqual(lines(items(['A', 'B'], 1) + items(['b1'], 1, 1), numbering), ['I. A', 'II. B', '2.1. b1']);
  });

  it('w:suff nothing glues the label to the text', () => {
    const numbering = abstractNum(1, lvl(0, 'decimal', '%1.', { suff: 'nothing' })) + num(1, 1);
    assert.deepStrictEqual(lines(items(['a'], 1), numbering), ['1.a']);
  });

  it('a numId or level that numbering.xml does not define shows no label', () => {
    const numbering = abstractNum(1, lvl(0, 'decimal', '%1.')) + num(1, 1);
    assert.deepStrictEqual(lines(items(['a'], 7) + items(['b'], 1, 4), numbering), ['a', 'b']);
  });
});
