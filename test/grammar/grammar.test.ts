// The TextMate grammar (syntaxes/kehoach.tmLanguage.json) tokenised with the same engine VS Code
// uses (vscode-textmate + the Oniguruma WebAssembly build), on lines taken from the corpus.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { ROOT, corpusFiles, readCorpus } from '../helpers';

const GRAMMAR = path.join(ROOT, 'syntaxes', 'kehoach.tmLanguage.json');
const WASM = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');

let grammar: vsctm.IGrammar;

interface Tok {
  text: string;
  scopes: string[];
}

function tokenizeLine(line: string): Tok[] {
  const r = grammar.tokenizeLine(line, vsctm.INITIAL);
  return r.tokens.map((t, i) => ({ text: line.slice(t.startIndex, i + 1 < r.tokens.length ? r.tokens[i + 1].startIndex : line.length), scopes: t.scopes }));
}

/** The tokens that cover `part` of `line` (the first occurrence), asserting they share one scope prefix. */
function scopesOf(line: string, part: string): string[] {
  const at = line.indexOf(part);
  assert.ok(at >= 0, `"${part}" not in "${line}"`);
  const r = grammar.tokenizeLine(line, vsctm.INITIAL);
  const covering = r.tokens.filter((t, i) => {
    const end = i + 1 < r.tokens.length ? r.tokens[i + 1].startIndex : line.length;
    return t.startIndex < at + part.length && end > at;
  });
  // Every token inside the part carries the scopes the part is expected to have.
  const common = covering.map((t) => t.scopes).reduce((a, b) => a.filter((s) => b.includes(s)));
  return common;
}

function assertScope(line: string, part: string, scope: string): void {
  const scopes = scopesOf(line, part);
  assert.ok(scopes.some((s) => s === scope || s.startsWith(scope + '.')), `"${part}" in "${line}": expected ${scope}, got ${scopes.join(' ')}`);
  // and the scope covers exactly the part, not more of the line
  const toks = tokenizeLine(line).filter((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
  const joined = toks.map((t) => t.text).join('');
  assert.ok(joined.includes(part), `"${part}": scope ${scope} covers "${joined}"`);
}

function assertNoScope(line: string, part: string, scope: string): void {
  const scopes = scopesOf(line, part);
  assert.ok(!scopes.some((s) => s === scope || s.startsWith(scope + '.')), `"${part}" in "${line}" should not be ${scope}: ${scopes.join(' ')}`);
}

/** A line of a corpus file that contains `needle` (so the tests run on real text). */
function corpusLine(file: string, needle: string): string {
  const name = corpusFiles().find((f) => f.startsWith(file));
  assert.ok(name, `corpus file ${file}`);
  const line = readCorpus(name).split(/\r?\n/).find((l) => l.includes(needle));
  assert.ok(line !== undefined, `no line with "${needle}" in ${name}`);
  return line;
}

describe('TextMate grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(WASM);
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== 'text.kehoach') return null;
        return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR);
      },
    });
    const g = await registry.loadGrammar('text.kehoach');
    assert.ok(g, 'grammar loads');
    grammar = g;
  });

  it('matches the language contribution in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contrib = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'kehoach');
    assert.strictEqual(contrib.scopeName, 'text.kehoach');
    assert.strictEqual(path.resolve(ROOT, contrib.path), GRAMMAR);
  });

  it('every regex compiles in Oniguruma', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
    const regexes: string[] = [];
    const walk = (o: unknown) => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        for (const [k, v] of Object.entries(o)) {
          if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') regexes.push(v);
          else walk(v);
        }
      }
    };
    walk(raw);
    assert.ok(regexes.length > 10);
    for (const re of regexes) assert.doesNotThrow(() => new oniguruma.OnigScanner([re]), re);
  });

  describe('section headings', () => {
    it('roman mục: "IV. TỔ CHỨC THỰC HIỆN" (147/KH-UBND)', () => {
      const line = corpusLine('tuyenquang_147', 'IV. TỔ CHỨC THỰC HIỆN');
      assertScope(line, 'IV.', 'entity.name.section.label');
      assertScope(line, 'TỔ CHỨC THỰC HIỆN', 'entity.name.section');
      assertScope(line, 'TỔ CHỨC THỰC HIỆN', 'markup.heading');
    });
    it('Party layout "A. MỤC ĐÍCH, YÊU CẦU" (01-CTr/TU)', () => {
      const line = corpusLine('tuyenquang_01', 'A. MỤC ĐÍCH, YÊU CẦU');
      assertScope(line, 'A.', 'entity.name.section.label');
      assertScope(line, 'MỤC ĐÍCH, YÊU CẦU', 'markup.heading');
    });
    it('indented heading from a PDF (134/KH-UBND): "      II. NỘI DUNG"', () => {
      const line = corpusLine('laocai_134', 'II. NỘI DUNG');
      assertScope(line, 'NỘI DUNG', 'markup.heading');
    });
    it('document type and appendix titles', () => {
      assertScope(corpusLine('tuyenquang_147', 'PHỤ LỤC'), 'PHỤ LỤC', 'markup.heading.title');
      assertScope('KẾ HOẠCH', 'KẾ HOẠCH', 'markup.heading.title');
    });
    it('an ordinary sentence is not a heading', () => {
      const line = corpusLine('tuyenquang_147', 'Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện');
      assertNoScope(line, 'ban hành', 'markup.heading');
    });
  });

  describe('numbering labels', () => {
    it('arabic "1." and decimal "2.7."', () => {
      assertScope(corpusLine('tuyenquang_147', '2.7. Phát huy uy tín'), '2.7.', 'keyword.other.numbering.arabic');
      assertScope(corpusLine('tuyenquang_01', '1. Mục đích'), '1.', 'keyword.other.numbering.arabic');
    });
    it('letters a) and đ)', () => {
      assertScope('a) Tuyên truyền, phổ biến Nghị quyết', 'a)', 'keyword.other.numbering.letter');
      assertScope('đ) Công tác kiểm tra, giám sát', 'đ)', 'keyword.other.numbering.letter');
    });
    it('dash and plus bullets', () => {
      assertScope(corpusLine('tuyenquang_01', '- Cơ quan chủ trì tham mưu:'), '-', 'punctuation.definition.list.begin');
      assertScope(corpusLine('laocai_34', '+ Thành lập mới'), '+', 'punctuation.definition.list.begin');
    });
    it('a number inside a sentence is not a label', () => {
      assertNoScope('Phấn đấu đến năm 2030, thu hút trên 2,6 triệu khách', '2030', 'keyword.other.numbering');
    });
  });

  describe('dates', () => {
    it('full ND30 dates: "ngày 28 tháng 5 năm 2022" (134/KH-UBND)', () => {
      assertScope(corpusLine('laocai_134', 'ngày 28 tháng 5 năm 2022'), 'ngày 28 tháng 5 năm 2022', 'constant.other.date.full');
    });
    it('short dates "24/11/2023" and "15/12"', () => {
      const line = corpusLine('tuyenquang_147', 'trước ngày 15/12 hằng năm');
      assertScope(line, '15/12', 'constant.other.date');
      assertScope(corpusLine('tuyenquang_147', 'ngày 24/11/2023'), '24/11/2023', 'constant.other.date.dmy');
    });
    it('quarters "Quý III/2021" (01-CTr/TU)', () => {
      assertScope(corpusLine('tuyenquang_01', 'Quý III/2021'), 'Quý III/2021', 'constant.other.date.quarter');
    });
  });

  describe('citations', () => {
    it('Party and state symbols in the 147/KH-UBND preamble', () => {
      const line = corpusLine('tuyenquang_147', 'Thực hiện Nghị quyết số 43-NQ/TW');
      assertScope(line, '43-NQ/TW', 'entity.name.tag.citation.party');
      assertScope(line, '94/NQ-CP', 'entity.name.tag.citation.state');
      assertScope(line, '55-CTr/TU', 'entity.name.tag.citation.party');
      // The slip "94-NQ/CP" still reads as a symbol (the citation rules judge its form).
      assertScope(line, '94-NQ/CP', 'entity.name.tag.citation');
    });
    it('legal documents with a year: "35/2022/NĐ-CP" (134/KH-UBND)', () => {
      assertScope(corpusLine('laocai_134', '35/2022/NĐ-CP'), '35/2022/NĐ-CP', 'entity.name.tag.citation.state');
    });
    it('a date is not read as a citation', () => {
      assertNoScope(corpusLine('tuyenquang_147', 'ngày 24/11/2023'), '24/11/2023', 'entity.name.tag');
    });
  });

  describe('agencies', () => {
    it('departments, also with lower-case words in the name', () => {
      const line = corpusLine('tuyenquang_147', 'Giao Sở Nội vụ là cơ quan đầu mối');
      assertScope(line, 'Sở Nội vụ', 'entity.name.type.agency');
      assertNoScope(line, 'là cơ quan', 'entity.name.type.agency');
      assertScope('- Cơ quan chủ trì: Sở Khoa học và Công nghệ.', 'Sở Khoa học và Công nghệ', 'entity.name.type.agency');
    });
    it('"Ủy ban nhân dân tỉnh", "UBND tỉnh", "Công an tỉnh"', () => {
      const line = corpusLine('tuyenquang_147', 'báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ');
      assertScope(line, 'Ủy ban nhân dân tỉnh', 'entity.name.type.agency');
      assertScope('- Chủ tịch UBND tỉnh; (báo cáo)', 'UBND tỉnh', 'entity.name.type.agency');
      assertScope('Giao Công an tỉnh chủ trì, phối hợp với các cơ quan liên quan', 'Công an tỉnh', 'entity.name.type.agency');
    });
    it('ministries: "Bộ Công an", "Bộ Khoa học và Công nghệ" (03/NQ-CP appendix)', () => {
      const line = corpusLine('chinhphu_03', 'Bộ Công an, Bộ Lao động - Thương binh và Xã hội');
      assertScope(line, 'Bộ Công an', 'entity.name.type.agency');
      assertScope(line, 'Bộ Lao động - Thương binh và Xã hội', 'entity.name.type.agency');
    });
  });

  describe('task keys, reporting words, recipients and signature', () => {
    it('"Cơ quan chủ trì tham mưu:" and "Cơ quan phối hợp:" (01-CTr/TU)', () => {
      assertScope(corpusLine('tuyenquang_01', 'Cơ quan chủ trì tham mưu:'), 'Cơ quan chủ trì tham mưu', 'keyword.other.field');
      assertScope(corpusLine('tuyenquang_01', 'Cơ quan phối hợp:'), 'Cơ quan phối hợp', 'keyword.other.field');
      assertScope('- Thời gian thực hiện: Quý I/2026.', 'Thời gian thực hiện', 'keyword.other.field');
    });
    it('"báo cáo" and "trước" before a deadline', () => {
      const line = corpusLine('tuyenquang_147', 'trước ngày 15/12 hằng năm');
      assertScope(line, 'báo cáo', 'keyword.other.reporting');
      assertScope(line, 'trước', 'keyword.other.reporting');
    });
    it('"Nơi nhận:"', () => {
      assertScope(corpusLine('tuyenquang_147', 'Nơi nhận:'), 'Nơi nhận', 'keyword.other.recipients');
    });
    it('signature prefixes TM. and KT.', () => {
      assertScope(corpusLine('tuyenquang_147', 'TM. ỦY BAN NHÂN DÂN'), 'TM.', 'keyword.other.signature');
      assertScope(corpusLine('tuyenquang_147', 'KT. CHỦ TỊCH'), 'KT.', 'keyword.other.signature');
      assertScope('TUQ. CHỦ TỊCH', 'TUQ.', 'keyword.other.signature');
    });
    it('the preamble\'s "Căn cứ"', () => {
      assertScope('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;', 'Căn cứ', 'keyword.other.preamble');
    });
  });

  describe('header and tables', () => {
    it('the plan\'s own number, also with the stray space of a PDF header (134/KH-UBND)', () => {
      const line = corpusLine('laocai_134', 'Số: 134 /KH-UBND');
      assertScope(line, 'Số', 'keyword.other.document-number');
      assertScope(line, '134 /KH-UBND', 'entity.name.tag.citation.state');
      assertScope(line, 'ngày 26 tháng 3 năm 2026', 'constant.other.date.full');
    });
    it('pipe table cells (03/NQ-CP appendix)', () => {
      const line = corpusLine('chinhphu_03', '108. | Hoàn thành việc triển khai');
      assertScope(line, '|', 'punctuation.separator.table');
      assertScope(line, 'Bộ Công an', 'entity.name.type.agency');
    });
  });

  // A .kehoach.md plan is a Word plan converted to Markdown (pandoc's form: Heading styles become
  // "## ", bold paragraphs "**…**", list paragraphs "*   " / "-   ", and a label or dash that would
  // start a Markdown list is escaped: "1\\.", "a\\)", "\\-"). The lines are corpus lines in that dress.
  describe('.kehoach.md plans', () => {
    const md = {
      heading: () => `## ${corpusLine('tuyenquang_147', 'IV. TỔ CHỨC THỰC HIỆN').trim()}`,
      subheading: () => `### ${corpusLine('tuyenquang_01', '1. Mục đích').trim().replace(/^1\./, '1\\.')}`,
      boldLetter: () => `**${corpusLine('bochinhtri_57', 'a) Nhiều cấp uỷ đảng').trim().slice(0, 60)}**`,
      boldDecimal: () => `**${corpusLine('tuyenquang_147', '2.7. Phát huy uy tín').trim()}**`,
      escapedDash: () => corpusLine('tuyenquang_01', '- Cơ quan chủ trì tham mưu:').trim().replace(/^-/, '\\-'),
      star: () => `*   ${corpusLine('tuyenquang_01', '- Cơ quan chủ trì tham mưu:').trim().slice(2)}`,
    };
    it('"## I. …" headings: the hashes, the label and the title', () => {
      const line = md.heading();
      assertScope(line, '##', 'punctuation.definition.heading');
      assertScope(line, 'IV.', 'entity.name.section.label');
      assertScope(line, 'TỔ CHỨC THỰC HIỆN', 'markup.heading');
      const sub = md.subheading();
      assertScope(sub, '1\\.', 'entity.name.section.label');
      assertScope(sub, 'Mục đích', 'markup.heading');
    });
    it('bold labels "**a) …**" and "**2.7. …**": the label as numbering, the rest bold', () => {
      const a = md.boldLetter();
      assertScope(a, 'a)', 'keyword.other.numbering');
      assertScope(a, 'Nhiều cấp uỷ đảng', 'markup.bold');
      assertScope(a, '**', 'punctuation.definition.bold');
      const d = md.boldDecimal();
      assertScope(d, '2.7.', 'keyword.other.numbering');
      assertScope(d, 'Phát huy uy tín', 'markup.bold');
    });
    it('bullets "*   " and the escaped dash "\\-": list markers; the lead agency after them as in a .txt plan', () => {
      for (const line of [md.star(), md.escapedDash()]) {
        assertScope(line, line.trim().split(/\s/)[0], 'punctuation.definition.list.begin');
        assertScope(line, 'Cơ quan chủ trì tham mưu', 'keyword.other');
      }
      assertScope('1\\. Mục đích', '1\\.', 'keyword.other.numbering.arabic');
      assertScope('đ\\) Tổ chức', 'đ\\)', 'keyword.other.numbering.letter');
    });
    it('real .kehoach.md plans (test/fixtures/devset, Word → Markdown): bold mục are headings, "\\-" and "\\+" are bullets, "**1. …**" labels', () => {
      const devset = path.join(ROOT, 'test', 'fixtures', 'devset');
      const lines = fs.readdirSync(devset).filter((f) => f.endsWith('.kehoach.md')).flatMap((f) => fs.readFileSync(path.join(devset, f), 'utf8').split(/\r?\n/));
      const romans = lines.filter((l) => /^\*\*[IVX]+\. /.test(l));
      const bullets = lines.filter((l) => /^\\[-+] /.test(l));
      const labels = lines.filter((l) => /^\*\*\d+\. /.test(l));
      assert.ok(romans.length >= 4 && bullets.length >= 10 && labels.length >= 4, `${romans.length} ${bullets.length} ${labels.length}`);
      for (const l of romans) {
        const label = /^\*\*([IVX]+\.)/.exec(l)![1];
        assertScope(l, label, 'entity.name.section.label');
        assertScope(l, l.slice(2 + label.length + 1, l.indexOf('**', 2)).trim(), 'markup.heading');
      }
      for (const l of bullets) assertScope(l, l.slice(0, 2), 'punctuation.definition.list.begin');
      for (const l of labels) assertScope(l, /^\*\*(\d+\.)/.exec(l)![1], 'keyword.other.numbering');
    });
    it('a bold run inside a sentence; a lone "**" or a bold of spaces is not bold', () => {
      assertScope('Giao **Sở Tài chính** chủ trì', 'Sở Tài chính', 'markup.bold');
      assertScope('Giao **Sở Tài chính** chủ trì', 'Sở Tài chính', 'entity.name.type.agency');
      assertNoScope('Ghi chú ** chưa đóng', 'chưa đóng', 'markup.bold');
      assertNoScope('a ** ** b', 'b', 'markup.bold');
    });
  });

  it('scopes the sample plan\'s parts (examples/ke-hoach-chuan.kehoach.txt)', () => {
    const lines = fs.readFileSync(path.join(ROOT, 'examples', 'ke-hoach-chuan.kehoach.txt'), 'utf8').split(/\r?\n/);
    const headings = lines.filter((l) => tokenizeLine(l).some((t) => t.scopes.includes('entity.name.section.label.kehoach')));
    assert.deepStrictEqual(headings.map((l) => l.split('.')[0]), ['I', 'II', 'III', 'IV', 'V']);
    const leads = lines.filter((l) => l.startsWith('- Cơ quan chủ trì:'));
    for (const l of leads) assertScope(l, l.slice('- Cơ quan chủ trì: '.length, -1), 'entity.name.type.agency');
  });

  it('tokenises every corpus line quickly, never stopping early', () => {
    for (const name of corpusFiles()) {
      let state = vsctm.INITIAL;
      const t0 = Date.now();
      for (const line of readCorpus(name).split(/\r?\n/)) {
        const r = grammar.tokenizeLine(line, state, 1000);
        assert.ok(!r.stoppedEarly, `${name}: stopped early on ${line.slice(0, 60)}`);
        state = r.ruleStack;
      }
      assert.ok(Date.now() - t0 < 5000, `${name} took ${Date.now() - t0} ms`);
    }
  });
});
