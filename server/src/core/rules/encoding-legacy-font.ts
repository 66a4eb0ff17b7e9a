// KH704: text typed in a pre-Unicode Vietnamese font — TCVN3/ABC (.VnTime: "KÕ ho¹ch", "Uû ban
// nh©n d©n") or VNI (VNI-Times: "Keá hoaïch", "UÛy ban nhaân daân") — and opened without that
// font. Such text cannot be read or checked; the drafter must convert it (Unikey's converter).
// No fix: a wrong guess at the encoding would garble the text further.

import type { Rule } from '../rule';
import { t } from '../i18n';

/** Latin-1 letters that Vietnamese Unicode text uses (the rest of Latin-1 never occurs in words). */
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');
/** Characters that only TCVN3 produces inside words (its codes for á à ạ ả ã â ê ô ơ ă đ ư). */
const TCVN3_SIGNS = new Set('¸µ¹¶·©ª«¬¨®§\u00ad¡¢£¤¥¦');
/** Characters VNI puts after a vowel for its marks, or for đ / ư. */
const VNI_SIGNS = new Set('ïøûäåöñÏØÛÄÅÖÑ');
/** Symbols that legitimately touch words: degrees, footnote numbers. */
const HARMLESS = new Set('°¹²³');


function suspect(c: string): boolean {
  const n = c.charCodeAt(0);
  return n >= 0xa1 && n <= 0xff && !VIETNAMESE_LATIN1.has(c) && !HARMLESS.has(c);
}

/** One suspect character (Latin-1 signs Vietnamese never uses): lines without one score nothing. */
const SUSPECT_CHAR = new RegExp(
  `[${Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i)).filter(suspect).map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('')}]`,
);

interface LineScore {
  suspectWords: number;
  words: number;
  tcvn3: number;
  vni: number;
  sample?: string;
}

function scoreLine(line: string): LineScore {
  const score: LineScore = { suspectWords: 0, words: 0, tcvn3: 0, vni: 0 };
  for (const word of line.split(/[\s,;:.()"“”]+/)) {
    if (!/[A-Za-z]/.test(word)) continue;
    score.words++;
    let bad = 0;
    for (const c of word) {
      if (!suspect(c)) continue;
      bad++;
      if (TCVN3_SIGNS.has(c)) score.tcvn3++;
      if (VNI_SIGNS.has(c)) score.vni++;
    }
    if (bad > 0) {
      score.suspectWords++;
      if (!score.sample && word.length >= 3 && word.length <= 24) score.sample = word;
    }
  }
  return score;
}

/** A line reads as legacy-font text: several words carry legacy codes, a good share of its words. */
function isLegacyLine(s: LineScore): boolean {
  return s.suspectWords >= 2 && s.suspectWords * 4 >= s.words;
}

export const encodingLegacyFont: Rule = {
  id: 'KH704',
  alias: 'encoding-legacy-font',
  category: 'encoding',
  defaultSeverity: 'error',
  fixable: false,
  description: t(
    'Văn bản gõ bằng phông mã cũ (TCVN3/ABC, VNI) thay vì Unicode',
    'Text typed in a legacy Vietnamese font encoding (TCVN3/ABC, VNI) instead of Unicode',
  ),
  rationale: t(
    'Văn bản soạn bằng phông .VnTime (TCVN3) hoặc VNI-Times hiển thị thành chữ lạ ("KÕ ho¹ch", "Keá hoaïch") khi mở ' +
      'ở nơi không có phông đó, và không thể tìm kiếm hay kiểm tra. Nghị định 30/2020/NĐ-CP yêu cầu phông chữ ' +
      'tiếng Việt Unicode (TCVN 6909:2001). Sửa: dùng công cụ chuyển mã (ví dụ Unikey) chuyển sang Unicode.',
    'Text written in .VnTime (TCVN3) or VNI-Times fonts shows as gibberish ("KÕ ho¹ch", "Keá hoaïch") without the font, ' +
      'and cannot be searched or checked. Decree 30/2020/ND-CP requires Unicode Vietnamese fonts (TCVN 6909:2001). ' +
      'Fix: convert the text to Unicode with a converter (e.g. Unikey).',
  ),
  check(ctx) {
    const { doc } = ctx;
    // Nothing to do for text without any Latin-1 sign outside Vietnamese.
    if (!SUSPECT_CHAR.test(doc.text)) return;
    let block: { start: number; end: number; tcvn3: number; vni: number; sample?: string } | undefined;
    const flush = () => {
      if (!block) return;
      const font = block.tcvn3 >= block.vni ? 'TCVN3 (ABC)' : 'VNI';
      const sample = block.sample ? ` ("${block.sample}")` : '';
      ctx.report({
        span: { start: block.start, end: block.end },
        message: t(
          `Đoạn văn có vẻ là phông ${font}${sample}, không phải Unicode; hãy chuyển mã sang Unicode`,
          `This text looks like the ${font} legacy font encoding${sample}, not Unicode; convert it to Unicode`,
        ),
      });
      block = undefined;
    };
    // A block is a run of lines that are legacy text or touched by it (a short line like
    // "Sè: 147/KH-UBND" has one odd word only), with blank lines in between.
    for (const line of doc.lines) {
      if (line.contentStart >= line.end) continue;
      // Most lines have no Latin-1 sign at all: outside a block such a line changes nothing.
      if (!block && !SUSPECT_CHAR.test(line.text)) continue;
      const s = scoreLine(line.text);
      const strong = isLegacyLine(s);
      // Short lines without odd letters ("Sè: 147/KH-UBND", where "è" is Vietnamese too) neither
      // end a block nor extend it.
      if (block && !strong && s.suspectWords === 0 && s.words <= 3) continue;
      if (!strong && !(block && s.suspectWords > 0)) {
        flush();
        continue;
      }
      if (!block) block = { start: line.contentStart, end: line.end, tcvn3: 0, vni: 0 };
      block.end = line.end;
      block.tcvn3 += s.tcvn3;
      block.vni += s.vni;
      if (!block.sample && strong) block.sample = s.sample;
    }
    flush();
  },
};
