// Bodies by shape: a unit the registry cannot list (every "phòng", "Chi cục", "Trung tâm", "Tổ đảng
// ở …" of every province) is still recognisable as a body from how its name is built: a head noun
// that names a kind of unit, then a proper name (capitalised words, abbreviations) or a link to a
// body ("Tổ đảng ở Thường trực Ủy ban KH,CN&MT", "Đảng ủy cơ quan Văn phòng Quốc hội").
//
// Such a name exists but is unknown: rules that compare with the registry (KH804 misspelling) must
// leave it alone, and the task model may take it as a lead. `recognizeBody` answers "is this
// phrase a body?" for both: known (a registry record) or by shape.

import type { AgencyEntry } from './types';
import { syllableKey, tokenize, type Tokens } from './agency-names';

/** Heads that name a kind of unit, as syllable keys (longest first where one extends another). */
const HEADS: string[][] = [
  'ban cán sự đảng', 'ban thường vụ', 'ban thường trực', 'ban chấp hành', 'ban chỉ đạo', 'ban chỉ huy', 'ban quản lý',
  'tổ đảng', 'chi bộ', 'đảng ủy', 'đảng bộ', 'đảng đoàn', 'đoàn đại biểu', 'đoàn chủ tịch',
  'ủy ban', 'hội đồng', 'văn phòng', 'tổng cục', 'chi cục', 'cục', 'vụ', 'phòng', 'ban', 'sở', 'bộ',
  'trung tâm', 'viện', 'học viện', 'trường', 'bệnh viện', 'đài', 'báo', 'tạp chí', 'nhà xuất bản',
  'hội', 'liên hiệp', 'liên đoàn', 'liên minh', 'hiệp hội', 'đoàn', 'mặt trận', 'công an', 'thanh tra', 'kho bạc',
  'ngân hàng', 'quỹ', 'tổ công tác', 'tổ giúp việc', 'hạt kiểm lâm', 'đội', 'tòa án', 'viện kiểm sát', 'kiểm toán',
  'bộ chỉ huy', 'bộ tư lệnh', 'quân khu', 'cảnh sát', 'công ty', 'tổng công ty', 'tập đoàn', 'hợp tác xã',
  'ubnd', 'hđnd', 'ubmttq', 'mttq', 'thường trực',
].map((h) => h.split(' ').map(syllableKey)).sort((a, b) => b.length - a.length);

/** Words that may stand before a body without being part of it: "Lãnh đạo Ban …", "các Đoàn …". */
const ROLE_PREFIXES: string[][] = ['tập thể lãnh đạo', 'lãnh đạo', 'các', 'giao', 'đồng chí trưởng', 'thủ trưởng']
  .map((h) => h.split(' ').map(syllableKey)).sort((a, b) => b.length - a.length);

/** Lower-case words that may start a body's proper name after its head ("Đảng ủy cơ quan Văn phòng …"). */
const LINK_WORDS = new Set(['ở', 'của', 'thuộc', 'cơ', 'quan', 'các', 'nhân', 'dân', 'đại', 'biểu', 'khối', 'cấp', 'tỉnh', 'thành', 'phố', 'xã', 'phường', 'huyện'].map(syllableKey));

export interface BodyRecognition {
  /** 'known': the registry lists it; 'shape': unknown, but named as a body is named. */
  kind: 'known' | 'shape';
  record?: AgencyEntry;
  /** The head noun as written ("Chi cục", "phòng", "Tổ đảng"). */
  head: string;
}

function matchAt(keys: readonly string[], at: number, list: string[][]): number {
  for (const h of list) {
    if (at + h.length > keys.length) continue;
    let ok = true;
    for (let k = 0; k < h.length && ok; k++) ok = keys[at + k] === h[k];
    if (ok) return h.length;
  }
  return 0;
}

/** Whether a token is an abbreviation or a proper-name word: a capital first letter, or a digit ("Tổ 3"). */
function nameWord(tokens: Tokens, text: string, i: number): boolean {
  return tokens.upper[i] === 1 || /\d/.test(text[tokens.start[i]] ?? '');
}

/**
 * The body a phrase names by its shape, when it does: an optional role prefix, a head, then a
 * proper name that has at least one capitalised word within its first three words after the head
 * (links like "ở", "cơ quan" allowed). Sentence punctuation inside means it is not one name.
 */
export function bodyShape(phrase: string): { head: string } | undefined {
  if (typeof phrase !== 'string' || phrase.length === 0 || phrase.length > 200) return undefined;
  if (/[.;:!?\n]/.test(phrase.trim().replace(/\.$/, ''))) return undefined;
  const tokens = tokenize(phrase);
  const keys = tokens.key;
  if (tokens.length < 2 || tokens.length > 24) return undefined;
  let at = matchAt(keys, 0, ROLE_PREFIXES);
  const headLen = matchAt(keys, at, HEADS);
  if (!headLen) return undefined;
  const head = phrase.slice(tokens.start[at], tokens.end[at + headLen - 1]);
  // A head in lower case is prose ("ban hành", "hội nghị") unless it is "phòng"/"các …" before a name.
  const headCapital = tokens.upper[at] === 1 || keys[at] === 'phòng' || keys[at] === 'ubnd';
  if (!headCapital) return undefined;
  at += headLen;
  if (at >= tokens.length) return undefined;
  for (let k = at; k < Math.min(tokens.length, at + 4); k++) {
    if (nameWord(tokens, phrase, k)) return { head };
    if (!LINK_WORDS.has(keys[k])) return undefined;
  }
  return undefined;
}

/**
 * Is this phrase a body? Known when the registry resolves it (canonical name, alias, qualified
 * "Sở Nội vụ tỉnh Lào Cai"), else by shape. The task model asks this of headings and preambles
 * ("a) Tổ đảng ở Thường trực Ủy ban KH,CN&MT", "Giao phòng Quản lý Công nghiệp …").
 */
export function recognizeBody(phrase: string, registry: { lookup(name: string): AgencyEntry | undefined }): BodyRecognition | undefined {
  if (typeof phrase !== 'string') return undefined;
  const trimmed = phrase.trim().replace(/[.,;:]+$/u, '').trim();
  if (!trimmed) return undefined;
  const record = registry.lookup(trimmed) ?? registry.lookup(trimmed.replace(/^(các|Các)\s+/u, ''));
  if (record) return { kind: 'known', record, head: trimmed.split(/\s+/)[0] };
  const shape = bodyShape(trimmed);
  return shape ? { kind: 'shape', head: shape.head } : undefined;
}

/**
 * Whether the name that starts at token `first` goes on past token `last` as written: the next
 * word, on the same line after plain spaces, is capitalised (and not a place name) or a link word
 * of names ("ban" in "Ủy ban", "cơ quan"). A near-match that stops there is a prefix of another
 * body ("Thường trực Ủy" of "Thường trực Ủy ban KH,CN&MT"), not a misspelling.
 */
export function nameContinues(text: string, tokens: Tokens, last: number, placeKeys: ReadonlySet<string>): boolean {
  const k = last + 1;
  if (k >= tokens.length) return false;
  const gap = text.slice(tokens.end[last], tokens.start[k]);
  if (!/^[ \t\u00a0]*[&-]?[ \t\u00a0]*$/.test(gap)) return false; // a comma lists the next body
  const key = tokens.key[k];
  if (tokens.upper[k]) return !placeKeys.has(key);
  return NAME_TAIL.has(key);
}

/** Lower-case syllables that continue a body's name ("Ủy ban", "Hội đồng nhân dân", "cơ quan"). */
const NAME_TAIL = new Set(['ban', 'đồng', 'nhân', 'dân', 'quan', 'trực', 'vụ', 'cục', 'tâm', 'hội'].map(syllableKey));
