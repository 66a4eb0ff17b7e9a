// Agency names, recognised syntactically: in lists ("Sở Nội vụ; Sở Tài chính, UBND các xã, phường")
// and inside running prose ("Giao Sở Nội vụ chủ trì, phối hợp với …"). Mapping a name to a registry
// record is the registry's job; here we only find where names start and end.
//
// Names are hard to delimit because they contain the very separators lists use: "Sở Lao động,
// Thương binh và Xã hội", "Sở Kế hoạch và Đầu tư", "UBND các xã, phường". Departments (Sở/Bộ) are
// matched against a small table of known department names; other names are read word by word and
// end at a verb or connector. Everything here is linear: each name reads a bounded number of words.

import type { AgencyRef, Span } from '../model';
import { foldTonePlacement } from '../text/tone';

// ---------------------------------------------------------------------------------------------
// Folding (for comparisons): lower case, one tone placement ("hoá" = "hóa"), one spacing.

/** Lower case, one tone placement, abbreviations expanded, one space: for comparing names. */
export function foldName(name: string): string {
  return foldTonePlacement(name.toLowerCase())
    .replace(/(?<![\p{L}])ubnd(?![\p{L}])/gu, 'ủy ban nhân dân')
    .replace(/(?<![\p{L}])hđnd(?![\p{L}])/gu, 'hội đồng nhân dân')
    .replace(/(?<![\p{L}])mttq(?![\p{L}])/gu, 'mặt trận tổ quốc')
    .replace(/\s*[-–—]\s*/g, ' - ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two written names denote the same agency (by folded name). */
export function sameAgencyName(a: string, b: string): boolean {
  const fa = foldName(a).replace(/, /g, ' - ');
  const fb = foldName(b).replace(/, /g, ' - ');
  return fa === fb;
}

// ---------------------------------------------------------------------------------------------
// Known department names (after "Sở " / "Bộ "), so commas and "và" inside them do not split.

const DEPARTMENTS = [
  'Lao động, Thương binh và Xã hội', 'Lao động - Thương binh và Xã hội', 'Lao động – Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch', 'Văn hóa - Thể thao và Du lịch', 'Văn hóa và Thể thao',
  'Nông nghiệp và Phát triển nông thôn', 'Nông nghiệp và Môi trường', 'Tài nguyên và Môi trường',
  'Kế hoạch và Đầu tư', 'Giáo dục và Đào tạo', 'Khoa học và Công nghệ', 'Thông tin và Truyền thông',
  'Dân tộc và Tôn giáo', 'Giao thông vận tải', 'Giao thông - Vận tải', 'Công Thương', 'Nội vụ', 'Tài chính',
  'Tư pháp', 'Y tế', 'Xây dựng', 'Ngoại vụ', 'Ngoại giao', 'Du lịch', 'Quốc phòng', 'Công an', 'Chính trị',
  'Chỉ huy Quân sự', 'Chỉ huy Bộ đội Biên phòng', 'Tài nguyên Môi trường',
];

function namePattern(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w
      .replace(/[-–]/g, '[-–]')
      .replace(/,/g, '\\s*,')
      .replace(/óa|oá/g, '(?:óa|oá)')
      .replace(/ủy|uỷ/g, '(?:ủy|uỷ)'))
    .join('\\s+');
}

/** Department patterns by their first word (folded), so only a few are tried at each "Sở"/"Bộ". */
const DEPARTMENT_BY_FIRST = new Map<string, RegExp>();
{
  const groups = new Map<string, string[]>();
  for (const d of DEPARTMENTS) {
    const first = foldName(d.split(/\s+/)[0].replace(/,$/, ''));
    groups.set(first, [...(groups.get(first) ?? []), d]);
  }
  for (const [first, names] of groups) {
    names.sort((a, b) => b.length - a.length);
    DEPARTMENT_BY_FIRST.set(first, new RegExp(`(?:${names.map(namePattern).join('|')})(?![\\p{L}\\p{N}])`, 'iuy'));
  }
}

// ---------------------------------------------------------------------------------------------
// Words

const LETTER = /[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;

/** Letters and digits of Vietnamese text by code unit (fast path), else the Unicode test. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x300 && c <= 0x36f)) return true;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols
  return LETTER.test(String.fromCharCode(c));
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && c.length > 0 && isWordCode(c.charCodeAt(0));
}

interface Word {
  start: number;
  end: number;
  w: string;
  /** Characters between the previous position and this word (spaces, punctuation). */
  gap: string;
}

/** The next word after `pos`, with the gap before it; undefined at `limit` or when the gap is too long. */
function nextWord(text: string, pos: number, limit: number): Word | undefined {
  let i = pos;
  while (i < limit && !isLetter(text[i])) {
    if (i - pos > 6) return undefined;
    i++;
  }
  if (i >= limit) return undefined;
  let end = i + 1;
  while (end < limit) {
    const c = text.charCodeAt(end);
    if (!(isWordCode(c) || c === 38 /* & */)) break;
    end++;
  }
  return { start: i, end, w: text.slice(i, end), gap: text.slice(pos, i) };
}

/** Whether a gap between two words is plain space, with at most one line break of a wrapped line. */
function plainGap(gap: string): 'space' | 'wrap' | 'other' {
  if (gap === ' ') return 'space';
  if (/^[ \t\u00a0]+$/.test(gap)) return 'space';
  if (/^[ \t\u00a0]*\r?\n[ \t\u00a0]*$/.test(gap)) return 'wrap';
  return 'other';
}

// Words that end a name: verbs and connectors (two-syllable phrases and single words).
const STOP_PAIRS = new Set([
  'chủ trì', 'chủ động', 'phối hợp', 'tham mưu', 'tham gia', 'thực hiện', 'triển khai', 'hướng dẫn', 'tổ chức',
  'xây dựng', 'đầu tư', 'tổng hợp', 'báo cáo', 'đôn đốc', 'kiểm tra', 'nghiên cứu', 'rà soát', 'đề xuất', 'đề nghị',
  'chỉ đạo', 'tiếp tục', 'tăng cường', 'đẩy mạnh', 'thường xuyên', 'khẩn trương', 'quản lý', 'bảo đảm', 'đảm bảo',
  'cụ thể', 'cập nhật', 'phát huy', 'phát động', 'phát hiện', 'phát triển', 'hỗ trợ', 'nâng cao', 'tập trung',
  'ưu tiên', 'mời gọi', 'thu hút', 'thu hồi', 'san tạo', 'giải quyết', 'giải phóng', 'vận động', 'tuyên truyền',
  'phổ biến', 'thẩm định', 'xử lý', 'hoàn thành', 'hoàn thiện', 'kịp thời', 'định kỳ', 'thành lập', 'chuẩn bị',
  'tích cực', 'quan tâm', 'duy trì', 'đổi mới', 'cải thiện', 'cải cách', 'ứng dụng', 'đánh giá', 'công bố',
  'công khai', 'sử dụng', 'bố trí', 'cung cấp', 'tiến hành', 'đối với', 'đồng thời', 'nghiêm túc', 'mở rộng',
  'chịu trách', 'có trách', 'ban hành', 'trực thuộc', 'căn cứ', 'trân trọng', 'lãnh đạo', 'theo dõi', 'giám sát',
  'tiếp nhận', 'cấp phép', 'phê duyệt', 'soạn thảo', 'bồi dưỡng', 'đào tạo', 'quán triệt', 'học tập', 'góp phần',
  'làm tốt', 'tạo điều', 'xem xét', 'giúp việc', 'trình bày', 'ký kết', 'thực sự', 'đáp ứng',
]);
const STOP_WORDS = new Set([
  'là', 'được', 'để', 'đã', 'sẽ', 'cần', 'phải', 'theo', 'với', 'cho', 'tại', 'trong', 'về', 'của', 'từ', 'đến',
  'thuộc', 'nhằm', 'hoặc', 'làm', 'giúp', 'trình', 'gửi', 'lập', 'nắm', 'khi', 'nếu', 'như', 'gồm', 'cùng', 'bằng',
  'qua', 'do', 'nay', 'này', 'đó', 'thì', 'mà', 'vì', 'nên', 'trên', 'dưới', 'hằng', 'hàng', 'năm', 'tháng', 'quý',
  'ngày', 'trước', 'sau', 'chậm', 'hướng', 'đôn', 'kiểm', 'xử', 'rà', 'tuyên', 'đẩy', 'tăng', 'nâng', 'tổng',
]);
const QUALIFIERS = new Set(['tỉnh', 'huyện', 'xã', 'phường']);
const QUALIFIER_PAIRS = new Set(['thị xã', 'thị trấn', 'thành phố', 'trung ương', 'cấp xã', 'cấp huyện', 'cấp tỉnh', 'đặc khu', 'các cấp']);
/** Nouns that continue a collective after a comma: "các sở, ban, ngành", "UBND các xã, phường". */
const COLLECTIVE_NOUNS = new Set([
  'sở', 'bộ', 'ban', 'ngành', 'cơ', 'đơn', 'địa', 'đoàn', 'tổ', 'hội', 'phường', 'xã', 'thành', 'thị', 'huyện', 'tỉnh',
  'doanh', 'cấp', 'trường', 'các', 'đặc',
]);

function lower(w: string): string {
  return w.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Heads: where a name can start.

type HeadKind =
  | 'department' // Sở/Bộ + known or capitalised name
  | 'people' // Ủy ban nhân dân / UBND / HĐND + qualifier
  | 'front' // Ủy ban Mặt trận Tổ quốc …
  | 'generic' // Ban, Cục, Báo, Đài, Hội, Văn phòng … + capitalised words
  | 'standalone' // Tỉnh đoàn, Chính phủ … complete on their own
  | 'collective'; // các sở, ban, ngành …

interface Head {
  kind: HeadKind;
  start: number;
  /** End of the head words. */
  end: number;
}

const HEAD_RE = new RegExp(
  '(?<![\\p{L}\\p{N}/-])(?:' +
    [
      '(?<people>(?:Ủy|Uỷ|ỦY|UỶ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND)',
      '(?<front>(?:Ủy|Uỷ) ban (?:Mặt trận Tổ quốc|MTTQ)(?: Việt Nam| VN)?|Mặt trận Tổ quốc(?: Việt Nam)?|MTTQ)',
      '(?<standalone>Thủ tướng Chính phủ|Chính phủ|Quốc hội|Tỉnh đoàn|Tỉnh Đoàn|Thành đoàn|Tỉnh (?:ủy|uỷ|Ủy|Uỷ)|Thành (?:ủy|uỷ)|Huyện (?:ủy|uỷ)|Kho bạc Nhà nước|Bảo hiểm xã hội|Công an|Thanh tra|Tòa án nhân dân|Toà án nhân dân|Viện kiểm sát nhân dân)',
      '(?<department>Sở|Bộ)',
      '(?<generic>Ban|Cục|Chi cục|Tổng cục|Báo|Đài|Trung tâm|Văn phòng|Hội đồng|Hội|Liên đoàn|Liên minh|Liên hiệp|Ngân hàng|Viện|Trường|Học viện|Đại học|Đảng (?:ủy|uỷ)|Đảng đoàn|Đoàn|Tổng công ty|Công ty|Cổng [Tt]hông tin điện tử|Cổng TTĐT|Đài PT-TH|Đài PTTH|Chủ đầu tư)',
      '(?<collective>[Cc]ác (?:sở|Sở|bộ|Bộ|ban|Ban|ngành|cơ quan|đơn vị|địa phương|tổ chức|đoàn thể|cấp (?:ủy|uỷ)|chủ đầu tư|doanh nghiệp|huyện|xã|phường|hội|cơ sở|trường|ban Đảng|ban đảng|Ủy ban|UBND)|Bộ, ngành|bộ, ngành|Sở, ban|sở, ban|Sở, [Nn]gành)',
    ].join('|') +
    ')(?![\\p{L}\\p{N}]|-[\\p{L}])',
  'gu',
);
/** First words of every head, to find candidate positions cheaply. */
const HEAD_FIRST_WORDS = new Set([
  'Ủy', 'Uỷ', 'ỦY', 'UỶ', 'UBND', 'Hội', 'HĐND', 'Mặt', 'MTTQ', 'Thủ', 'Chính', 'Quốc', 'Tỉnh', 'Thành', 'Huyện', 'Kho',
  'Bảo', 'Công', 'Thanh', 'Tòa', 'Toà', 'Viện', 'Sở', 'Bộ', 'Ban', 'Cục', 'Chi', 'Tổng', 'Báo', 'Đài', 'Trung', 'Văn',
  'Liên', 'Ngân', 'Trường', 'Học', 'Đại', 'Đảng', 'Đoàn', 'Cổng', 'Các', 'các', 'bộ', 'sở', 'Chủ',
]);
const HEAD_FIRST_RE = new RegExp(`(?:${[...HEAD_FIRST_WORDS].join('|')})(?![\\p{L}\\p{N}])`, 'gu');
/** The same, anchored: used to test one position without scanning ahead. */
const HEAD_AT_RE = new RegExp(HEAD_RE.source, 'uy');

/** Lowercase words allowed right after a generic head ("Ban cán sự", "Đài phát thanh", "Trường cao đẳng"). */
const GENERIC_LOWER_NEXT: Record<string, Set<string> | null> = {
  Ban: new Set(['cán', 'chỉ', 'quản', 'chấp', 'thường', 'dân', 'tuyên', 'tổ', 'nội', 'kinh', 'văn', 'pháp']),
  Đài: new Set(['phát', 'truyền']),
  Trường: new Set(['cao', 'đại', 'chính', 'trung']),
  'Trung tâm': null, // any word
  'Hội đồng': null,
  'Đảng ủy': null,
  'Đảng uỷ': null,
  'Đảng đoàn': null,
  'Chủ đầu tư': null,
  'Công ty': new Set(['cổ', 'tnhh', 'trách']),
  'Ngân hàng': new Set(['nhà', 'chính']),
};

function validHead(text: string, m: RegExpExecArray, limit: number): Head | undefined {
  const g = m.groups ?? {};
  const start = m.index;
  const end = start + m[0].length;
  const kind: HeadKind = g.people ? 'people' : g.front ? 'front' : g.standalone ? 'standalone' : g.department ? 'department' : g.generic ? 'generic' : 'collective';
  const nw = nextWord(text, end, limit);
  const spaced = nw !== undefined && plainGap(nw.gap) !== 'other';
  switch (kind) {
    case 'department': {
      if (!nw || plainGap(nw.gap) !== 'space') return undefined;
      if (!UPPER_START.test(nw.w)) return undefined; // "Bộ máy", "Sở hữu"
      return { kind, start, end };
    }
    case 'people': {
      // UBND needs a qualifier or a place: "UBND tỉnh", "UBND cấp xã", "UBND các huyện", "UBND phường Lào Cai".
      if (!spaced || !nw) return m[0] === 'UBND' || m[0] === 'HĐND' ? { kind, start, end } : undefined;
      const l = lower(nw.w);
      if (QUALIFIERS.has(l) || l === 'các' || UPPER_START.test(nw.w)) return { kind, start, end };
      return { kind, start, end };
    }
    case 'standalone': {
      const word = m[0];
      if (word === 'Công an' || word === 'Thanh tra' || word === 'Bảo hiểm xã hội') {
        // "Công an tỉnh", "Thanh tra Chính phủ", "Bảo hiểm xã hội tỉnh" — not "Thanh tra việc …"
        if (!nw || !spaced) return undefined;
        const l = lower(nw.w);
        if (!(QUALIFIERS.has(l) || UPPER_START.test(nw.w) || l === 'nhân' || l === 'các')) return undefined;
      }
      return { kind, start, end };
    }
    case 'front':
    case 'collective':
      return { kind, start, end };
    case 'generic': {
      if (!nw || !spaced) return undefined;
      if (UPPER_START.test(nw.w)) return { kind, start, end };
      const allowed = GENERIC_LOWER_NEXT[m[0]];
      if (allowed === null) return { kind, start, end };
      if (allowed && allowed.has(lower(nw.w))) return { kind, start, end };
      return undefined;
    }
  }
}

/** The head starting exactly at `pos`, if any. */
function headAt(text: string, pos: number, limit: number): Head | undefined {
  HEAD_AT_RE.lastIndex = pos;
  const m = HEAD_AT_RE.exec(text);
  if (!m) return undefined;
  return validHead(text, m, limit);
}

// ---------------------------------------------------------------------------------------------
// Reading a name from its head.

interface NameEnd {
  end: number;
  collective: boolean;
}

/** Read the rest of a name after its head; returns where the name ends. */
function readName(text: string, head: Head, limit: number): NameEnd {
  let end = head.end;
  let collective = head.kind === 'collective';
  const headWord = text.slice(head.start, head.end);
  const isUbnd = head.kind === 'people';
  const isFront = head.kind === 'front';
  // The Front takes only qualifiers ("tỉnh", "các cấp") until "và các tổ chức …" joins it.
  let frontStrict = isFront;
  let wordsAfterHead = 0;
  let lowerRun = 0;
  let afterQualifier = false;

  if (head.kind === 'department') {
    const nw = nextWord(text, head.end, limit);
    if (nw) {
      const re = DEPARTMENT_BY_FIRST.get(foldName(nw.w));
      const m = re ? ((re.lastIndex = nw.start), re.exec(text)) : null;
      if (m && m.index === nw.start && nw.start + m[0].length <= limit) {
        end = nw.start + m[0].length;
        wordsAfterHead = 2;
        // A known department: only a qualifier may follow ("Sở Nội vụ tỉnh Thái Nguyên").
        return { end: readQualifier(text, end, limit), collective: false };
      }
    }
  }
  if (head.kind === 'standalone' && !/^(Công an|Thanh tra|Bảo hiểm xã hội)$/.test(headWord)) {
    return { end: readQualifier(text, end, limit), collective: false };
  }

  for (let guard = 0; guard < 24; guard++) {
    const nw = nextWord(text, end, limit);
    if (!nw) break;
    const gapKind = plainGap(nw.gap);
    const gapTrim = nw.gap.trim();
    const l = lower(nw.w);
    const next = nextWord(text, nw.end, limit);
    const pair = next && plainGap(next.gap) === 'space' ? `${l} ${lower(next.w)}` : '';

    // A line break continues a name only when the line was wrapped mid-name.
    if (gapKind === 'wrap') {
      const prev = lower(text.slice(Math.max(head.start, end - 3), end));
      const wrappedMid = /và$/.test(prev) || !UPPER_START.test(nw.w) ||
        (lowerRun > 0 && !afterQualifier && !headAt(text, nw.start, limit)); // "Ban Quản lý khu\nKinh tế"

      if (!wrappedMid) break;
      if (STOP_WORDS.has(l) || STOP_PAIRS.has(pair)) break;
    }

    if (gapKind === 'other') {
      // Punctuation between words: commas may continue collectives and "xã, phường"; hyphens join.
      if (gapTrim === ',') {
        if ((collective || isUbnd) && COLLECTIVE_NOUNS.has(l) && !STOP_PAIRS.has(pair)) {
          end = nw.end;
          lowerRun = 0;
          afterQualifier = false;
          if (pair && QUALIFIER_PAIRS.has(pair) && next) end = next.end;
          if (l === 'các' && next) end = next.end;
          collective = true;
          continue;
        }
        break;
      }
      if (/^[-–]$/.test(gapTrim) && !/[\r\n]/.test(nw.gap)) {
        end = nw.end;
        lowerRun = UPPER_START.test(nw.w) ? 0 : 1;
        continue;
      }
      break;
    }

    // Plain space (or a wrap that continues).
    if (l === 'và') {
      if (!next || plainGap(next.gap) === 'other') break;
      if (isFront && lower(next.w) === 'các') {
        // "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh": one unit in plans.
        const third = nextWord(text, next.end, limit);
        if (third && lower(third.w) === 'tổ') {
          end = third.end;
          const fourth = nextWord(text, end, limit);
          if (fourth && lower(fourth.w) === 'chức') end = fourth.end;
          collective = true;
          lowerRun = 0;
          frontStrict = false;
          continue;
        }
      }
      if (UPPER_START.test(next.w) && !headAt(text, next.start, limit)) {
        // "… Kế hoạch và Đầu tư", "Đài Phát thanh và Truyền hình"
        end = next.end;
        lowerRun = 0;
        wordsAfterHead += 2;
        continue;
      }
      break;
    }
    const capital = UPPER_START.test(nw.w);
    if (!capital && STOP_PAIRS.has(pair) && !(isFront && pair === 'tổ chức')) break;
    if (!capital && STOP_WORDS.has(l)) break;
    if (l === 'có' && next && lower(next.w) === 'liên') {
      // "các cơ quan, đơn vị có liên quan"
      const third = nextWord(text, next.end, limit);
      end = third && lower(third.w) === 'quan' ? third.end : next.end;
      break;
    }
    if (l === 'liên' && next && lower(next.w) === 'quan') {
      end = next.end;
      break;
    }

    if (capital) {
      // A second department with no separator: "Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ".
      if (wordsAfterHead > 0 && (nw.w === 'Sở' || nw.w === 'Bộ') && next && UPPER_START.test(next.w)) break;
      if (afterQualifier && wordsAfterHead > 6) break;
      end = nw.end;
      wordsAfterHead++;
      lowerRun = 0;
      continue;
    }
    // lower-case word
    if (afterQualifier) break;
    if (frontStrict && !(QUALIFIERS.has(l) || pair === 'các cấp')) break;
    if (QUALIFIERS.has(l) || QUALIFIER_PAIRS.has(pair)) {
      if (pair === 'xã hội') {
        end = next!.end;
        wordsAfterHead += 2;
        continue;
      }
      end = QUALIFIER_PAIRS.has(pair) ? next!.end : nw.end;
      afterQualifier = !(pair === 'các cấp');
      wordsAfterHead++;
      continue;
    }
    if (l === 'các') {
      end = nw.end;
      wordsAfterHead++;
      continue;
    }
    lowerRun++;
    if (lowerRun > 4) break;
    end = nw.end;
    wordsAfterHead++;
  }
  return { end, collective };
}

/** After a complete name: " tỉnh", " tỉnh Thái Nguyên", " thành phố Hà Nội". */
function readQualifier(text: string, pos: number, limit: number): number {
  let end = pos;
  const nw = nextWord(text, end, limit);
  if (!nw || plainGap(nw.gap) !== 'space') return end;
  const l = lower(nw.w);
  const next = nextWord(text, nw.end, limit);
  const pair = next && plainGap(next.gap) === 'space' ? `${l} ${lower(next.w)}` : '';
  if (QUALIFIER_PAIRS.has(pair) && pair !== 'các cấp') end = next!.end;
  else if ((l === 'tỉnh' || l === 'huyện') && pair !== 'tỉnh ủy') end = nw.end;
  else return end;
  // place name: capitalised words
  for (let k = 0; k < 4; k++) {
    const p = nextWord(text, end, limit);
    if (!p || plainGap(p.gap) !== 'space' || !UPPER_START.test(p.w) || headAt(text, p.start, limit)) break;
    end = p.end;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------
// Collectives

const COLLECTIVE_RE = new RegExp(
  [
    '^các\\s', // các sở, các cơ quan, các địa phương …
    'sở,\\s*ban', 'bộ,\\s*ngành', 'ban,\\s*ngành', 'sở,\\s*ngành', 'cơ quan,\\s*đơn vị', 'đơn vị,\\s*địa phương',
    '^(?:ủy ban nhân dân|hội đồng nhân dân)\\s+(?:các\\s|cấp\\s|huyện,|xã,|huyện\\s*\\/|xã\\s*\\/|thành phố,)',
    '^(?:ủy ban nhân dân|hội đồng nhân dân)\\s+huyện,\\s*thành phố',
    '^(?:các\\s+)?địa phương$', '\\sliên quan$', '\\scác cấp$', '\\svà các\\s',
    '^bộ,', '^sở,',
  ].join('|'),
  'u',
);

const collectiveCache = new Map<string, boolean>();

/** Whether a name is a collective ("Các sở, ban, ngành", "UBND các huyện") rather than one agency. */
export function isCollective(name: string): boolean {
  if (!name) return false;
  const cached = collectiveCache.get(name);
  if (cached !== undefined) return cached;
  const v = isCollectiveUncached(name);
  if (collectiveCache.size > 5000) collectiveCache.clear();
  collectiveCache.set(name, v);
  return v;
}

function isCollectiveUncached(name: string): boolean {
  // Cheap test first: every collective pattern needs one of these.
  if (!/các|,|liên quan|cấp|địa phương|và|\//iu.test(name)) return false;
  try {
    return COLLECTIVE_RE.test(foldName(name));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Mentions in prose

const LEAD_TRIM = new Set([' ', '\t', '\n', '\r', '\u00a0', '-', '–', '+', '•', '*']);
const TRAIL_TRIM = new Set([' ', '\t', '\n', '\r', '\u00a0', '.', ',', ';', ':', '-', '–']);

function makeRef(text: string, start: number, end: number, offset: number, collective?: boolean): AgencyRef | undefined {
  // trim spaces and trailing punctuation
  while (start < end && LEAD_TRIM.has(text[start])) start++;
  while (end > start && TRAIL_TRIM.has(text[end - 1])) end--;
  if (end <= start) return undefined;
  const raw = text.slice(start, end);
  if (!LETTER.test(raw)) return undefined;
  const name = /\s[\s,;]|[\t\n\r\u00a0]/.test(raw) ? raw.replace(/\s+/g, ' ').replace(/\s+([,;])/g, '$1') : raw;
  return { start: start + offset, end: end + offset, name, collective: collective || isCollective(name) };
}

/**
 * Agency names inside running prose ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính …").
 * `offset` is where `text` starts in the document; returned spans are document offsets.
 */
export function findAgencyMentions(text: string, offset = 0): AgencyRef[] {
  const out: AgencyRef[] = [];
  if (!text) return out;
  const limit = text.length;
  // Scan words and try the (large) head pattern only where a head word stands: much cheaper
  // than letting the pattern try every position.
  const words = HEAD_FIRST_RE;
  words.lastIndex = 0;
  let w: RegExpExecArray | null;
  while ((w = words.exec(text)) !== null) {
    const prev = text[w.index - 1];
    if (prev === '/' || prev === '-' || isLetter(prev)) continue; // "KH-UBND", inside a word
    HEAD_AT_RE.lastIndex = w.index;
    const m = HEAD_AT_RE.exec(text);
    if (!m) continue;
    const head = validHead(text, m, limit);
    if (!head) continue;
    const { end, collective } = readName(text, head, limit);
    const ref = makeRef(text, head.start, end, offset, collective);
    if (ref) out.push(ref);
    if (end > words.lastIndex) words.lastIndex = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lists

const TRAILER_RE = /\s*(?:theo|căn cứ)\s+(?:đúng\s+)?chức năng[^;\n]*$/iu;
const ALLCAPS_RE = /^[\p{Lu}Đ][\p{Lu}Đ&\d]{1,9}(?![\p{L}])/u;

/** Whether a piece of a list starts a new agency (rather than continuing the previous name). */
function startsAgency(text: string, pos: number, limit: number): boolean {
  if (headAt(text, pos, limit)) return true;
  const rest = text.slice(pos, Math.min(limit, pos + 24));
  if (/^(?:[Cc]ác|[Cc]ơ quan|[Đđ]ơn vị|[Đđ]ịa phương\b|Chủ đầu tư|Thủ trưởng)/u.test(rest)) return true;
  // An abbreviation on its own ("VTV, VOV, TTXVN"), not the start of a phrase ("CSDL chuyên ngành").
  const piece = text.slice(pos, limit).split(/[,;]|\svà\s/u)[0].trim();
  if (ALLCAPS_RE.test(rest) && /^[\p{Lu}Đ&\d]{2,10}(?:\s+(?:tỉnh|Trung ương|TW))?$/u.test(piece)) return true;
  return false;
}

/**
 * Split a written list of agencies ("Sở Nội vụ; Sở Tài chính và các cơ quan liên quan") into
 * AgencyRefs with spans (model offsets; `offset` is where `text` starts in the document).
 * Drops "(chủ trì)" and other parentheses, "theo chức năng, nhiệm vụ được giao", bullets and
 * final punctuation.
 */
export function parseAgencyList(text: string, offset: number): AgencyRef[] {
  const out: AgencyRef[] = [];
  if (!text) return out;
  // Blank out parentheses (keeping offsets) so "(chủ trì)" does not end up in a name.
  let work = text.replace(/\([^()\n]{0,120}\)/g, (s) => ' '.repeat(s.length));
  // Strip a leading "Cơ quan chủ trì:" style label if the caller passed the whole line.
  const label = /^\s*[-+•*]?\s*(?:Cơ quan|Đơn vị)?\s*(?:chủ trì(?: tham mưu)?|phối hợp|thực hiện)\s*:/iu.exec(work);
  if (label) work = ' '.repeat(label[0].length) + work.slice(label[0].length);

  // 1. Segments: split at ";" and at line breaks that start a new entry.
  const segments: Span[] = [];
  let segStart = 0;
  const pushSeg = (s: number, e: number) => {
    if (e > s) segments.push({ start: s, end: e });
  };
  for (let i = 0; i < work.length; i++) {
    const c = work[i];
    if (c === ';') {
      pushSeg(segStart, i);
      segStart = i + 1;
    } else if (c === '\n' || c === '\r') {
      const before = work.slice(segStart, i).trimEnd();
      let j = i + 1;
      while (j < work.length && /[\s]/.test(work[j])) j++;
      const nextChar = work[j];
      const continues = /(?:\svà|,|[-–])$/u.test(before) || (nextChar !== undefined && /\p{Ll}/u.test(nextChar));
      if (!continues) {
        pushSeg(segStart, i);
        segStart = i + 1;
      }
    }
  }
  pushSeg(segStart, work.length);

  for (const seg of segments) {
    let segText = work.slice(seg.start, seg.end);
    // leading bullet
    const bullet = /^\s*[-+•*–]\s*/u.exec(segText);
    let base = seg.start;
    if (bullet) {
      base += bullet[0].length;
      segText = segText.slice(bullet[0].length);
    }
    const trailer = TRAILER_RE.exec(segText);
    if (trailer) segText = segText.slice(0, trailer.index);
    // 2. Pieces: split at "," and " và "; a piece that does not start an agency continues the previous one.
    const pieces: Span[] = [];
    const sepRe = /\s*,\s*|\s+và\s+/gu;
    let last = 0;
    let sm: RegExpExecArray | null;
    const limit = base + segText.length;
    while ((sm = sepRe.exec(segText)) !== null) {
      const nextStart = sm.index + sm[0].length;
      if (nextStart >= segText.length) break;
      const isVa = /và/u.test(sm[0]);
      let split = startsAgency(work, base + nextStart, limit);
      // "các cơ quan, đơn vị liên quan": a lower-case noun after a collective continues it.
      if (split && /^(?:cơ quan|đơn vị|địa phương)/u.test(segText.slice(nextStart)) && /^\s*(?:[Cc]ác\s|[Bb]ộ,|[Ss]ở,)/u.test(segText.slice(last))) split = false;
      if (split && isVa && pieces.length === 0 && last === 0) {
        // "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội": keep together.
        const prev = segText.slice(last, sm.index);
        if (/Mặt trận|MTTQ/u.test(prev) && /^các tổ chức/u.test(segText.slice(nextStart))) split = false;
      } else if (split && isVa && /Mặt trận|MTTQ/u.test(segText.slice(last, sm.index)) && /^các tổ chức/u.test(segText.slice(nextStart))) {
        split = false;
      }
      if (split) {
        pieces.push({ start: base + last, end: base + sm.index });
        last = nextStart;
      }
    }
    pieces.push({ start: base + last, end: limit });
    for (const p of pieces) {
      for (const part of splitRunOn(work, p)) {
        const ref = makeRef(text, part.start, part.end, offset);
        if (ref) out.push(ref);
      }
    }
  }
  return out;
}

/** Split "Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ" (no separator) into two. */
function splitRunOn(text: string, span: Span): Span[] {
  const head = headAt(text, span.start, span.end) ?? (() => {
    // allow leading spaces
    let s = span.start;
    while (s < span.end && /\s/.test(text[s])) s++;
    return headAt(text, s, span.end);
  })();
  if (!head || head.kind !== 'department') return [span];
  const { end } = readName(text, head, span.end);
  let k = end;
  while (k < span.end && /\s/.test(text[k])) k++;
  if (k < span.end && (text.startsWith('Sở ', k) || text.startsWith('Bộ ', k))) {
    const h2 = headAt(text, k, span.end);
    if (h2) return [{ start: span.start, end }, ...splitRunOn(text, { start: k, end: span.end })];
  }
  return [span];
}

export type { Span };
