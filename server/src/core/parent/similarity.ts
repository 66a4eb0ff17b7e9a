// Text similarity suited to Vietnamese administrative prose.
//
// Tokens are syllables (Vietnamese writes one syllable per space-separated token), case-folded,
// diacritics KEPT: "bảo" and "bão", "đất" and "đạt" are different words. Function syllables and
// the stock verbs every task starts with ("thực hiện", "triển khai", "tăng cường") carry no
// meaning for matching and are dropped. Vietnamese words are often two syllables ("công nghiệp",
// "mặt bằng"), so adjacent content syllables also form bigram features — the key phrases — which
// weigh more than single syllables. Features get IDF weights over the units being compared, and
// scores are cosine similarities of the weighted vectors.

import { findAgencyMentions } from '../parse/agencyMentions';
import { foldTonePlacement } from '../text/tone';

/** Word lists in the matcher's tone placement (see matchingForm). */
function folded(words: string[]): Set<string> {
  return new Set(words.map(foldTonePlacement));
}

/** Function syllables: conjunctions, prepositions, classifiers, aspect markers, determiners. */
const STOP_SYLLABLES = folded([
  'và', 'của', 'các', 'những', 'trong', 'với', 'để', 'cho', 'theo', 'là', 'có', 'được', 'bị', 'đã',
  'đang', 'sẽ', 'này', 'đó', 'khi', 'thì', 'mà', 'như', 'về', 'từ', 'đến', 'tại', 'trên', 'dưới', 'ra',
  'vào', 'lại', 'cũng', 'còn', 'hoặc', 'hay', 'nhưng', 'nếu', 'một', 'mỗi', 'mọi', 'rất', 'ở', 'do',
  'bằng', 'qua', 'nhằm', 'việc', 'sự', 'cuộc', 'nào', 'gì', 'ngày', 'tháng', 'năm', 'hằng',
  'đối', 'vì', 'nên', 'thuộc', 'giữa', 'sau', 'trước', 'đều', 'cần', 'phải', 'tất', 'cả', 'toàn',
  'từng', 'nhiều', 'ít', 'nhất', 'hơn', 'đây', 'ấy', 'kể', 'cùng', 'vừa', 'lên', 'xuống', 'gồm',
  'bao', 'chỉ', 'luôn', 'ngay', 'thêm', 'riêng', 'chung', 'quý', 'giao', 'nhau', 'v', 'v.v', 'etc',
]);

/**
 * Stock two-syllable phrases of administrative verbs and adverbs: they open almost every task and
 * would make unrelated tasks look alike. Dropped as phrases only — "hiện" alone stays (hiện đại).
 */
const STOP_PHRASES = folded([
  'thực hiện', 'triển khai', 'tăng cường', 'đẩy mạnh', 'tiếp tục', 'nâng cao', 'tổ chức', 'chủ trì',
  'phối hợp', 'liên quan', 'có liên', 'cụ thể', 'kịp thời', 'hiệu quả', 'chủ động', 'tích cực',
  'quyết liệt', 'đồng thời', 'trong đó', 'theo quy', 'quy định', 'bảo đảm', 'đảm bảo', 'tập trung',
  'khẩn trương', 'nghiêm túc', 'thường xuyên', 'các cơ', 'cơ quan', 'đơn vị', 'địa phương', 'trách nhiệm',
  'hoàn thành', 'xây dựng', 'ban hành', 'hướng dẫn', 'tham mưu', 'đề xuất', 'lãnh đạo', 'chỉ đạo',
  'nhà nước', 'pháp luật', 'nghị quyết', 'kế hoạch', 'thời gian', 'góp phần', 'phù hợp', 'nhiệm vụ',
  'giải pháp', 'ủy ban', 'nhân dân', 'sở ban', 'ban ngành',
  // "hàng" is a content word ("hàng rào", "hàng hóa"); only its time phrases are function words.
  'hàng tháng', 'hàng năm', 'hàng quý', 'hàng ngày', 'hàng tuần',
]);

/**
 * Abbreviations administrative texts use for phrases they also spell out ("KCN" and "khu công
 * nghiệp" in the same plan): expanded before tokenising so both spellings share features. Only
 * upper-case whole words, so ordinary syllables are never touched.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  KCN: 'khu công nghiệp', CCN: 'cụm công nghiệp', KKT: 'khu kinh tế', GPMB: 'giải phóng mặt bằng',
  TTHC: 'thủ tục hành chính', NSNN: 'ngân sách nhà nước', CSDL: 'cơ sở dữ liệu', CNTT: 'công nghệ thông tin',
  'KH&CN': 'khoa học và công nghệ', KHCN: 'khoa học và công nghệ', ĐMST: 'đổi mới sáng tạo', CĐS: 'chuyển đổi số',
  DNNVV: 'doanh nghiệp nhỏ và vừa', BVMT: 'bảo vệ môi trường', UBND: 'ủy ban nhân dân', HĐND: 'hội đồng nhân dân',
};
const ABBREVIATION_RE = new RegExp(`(?<![\\p{L}\\p{N}&])(?:${Object.keys(ABBREVIATIONS).join('|')})(?![\\p{L}\\p{N}&])`, 'gu');

/**
 * Administrative phrases that name the same thing in different words, each mapped to one spelling
 * (lower case; whole phrases only). Kept small: every entry must be a synonym in any plan, not a
 * topic that happens to be related.
 */
const SYNONYMS: readonly [string, readonly string[]][] = [
  // Infrastructure outside an industrial park's fence: "ngoài hàng rào" = "(kết nối) đến (chân) hàng rào".
  ['ngoài hàng rào', ['đến chân hàng rào', 'tới chân hàng rào', 'đến hàng rào', 'tới hàng rào']],
  // Attracting investment: administrative texts use "xúc tiến đầu tư" and "mời gọi đầu tư" for it.
  ['thu hút đầu tư', ['xúc tiến đầu tư', 'mời gọi đầu tư']],
];
const SYNONYM_OF = new Map<string, string>();
for (const [canonical, variants] of SYNONYMS) for (const v of variants) SYNONYM_OF.set(foldTonePlacement(v), foldTonePlacement(canonical));
const SYNONYM_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...SYNONYM_OF.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Public bodies (not "các doanh nghiệp", "chủ đầu tư dự án …", which can be what a task is about). */
const PUBLIC_BODY_RE = /^(?:các\s+)?(?:Sở|Bộ|Ban|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Đảng [uủ]y|Văn phòng|Cục|Tổng cục|Thanh tra|Công an|Chính phủ|Thủ tướng|cơ quan|đơn vị|sở|bộ|ban|ủy ban|uỷ ban|chính quyền)(?![\p{L}])/u;

/**
 * The text with the names of public bodies blanked out (to a comma: no key phrase spans the gap).
 * Who leads or joins a task ("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân
 * cấp xã …") says nothing about what the task is, yet a name's words ("môi trường", "khoa học và
 * công nghệ") would match tasks on that topic; in the organization section they can outweigh the
 * few words of the task itself.
 */
function withoutAgencies(text: string): string {
  const mentions = findAgencyMentions(text);
  if (mentions.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of mentions) {
    if (!PUBLIC_BODY_RE.test(m.name)) continue;
    out += text.slice(at, m.start) + ',';
    at = m.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * A text as the matcher reads it: NFC, abbreviations spelled out, lower case, one tone placement
 * ("hoá"/"hóa" and "uỷ"/"ủy" are both correct spellings and must not split a word in two), and
 * synonymous phrases in one spelling.
 */
export function matchingForm(text: string): string {
  const cached = formCache.get(text);
  if (cached !== undefined) return cached;
  let t = withoutAgencies(text.normalize('NFC'));
  if (/[A-ZĐ]{3}/.test(t)) t = t.replace(ABBREVIATION_RE, (a) => ABBREVIATIONS[a]);
  // Vietnamese has no locale-specific lower-casing, so the (much faster) default mapping is exact.
  t = foldTonePlacement(t.toLowerCase().replace(/ƣ/g, 'ư'));
  t = t.replace(SYNONYM_RE, (p) => SYNONYM_OF.get(p) ?? p);
  if (formCache.size >= FORM_CACHE_SIZE) formCache.clear();
  formCache.set(text, t);
  return t;
}

/**
 * Matching forms of recent texts: a check re-reads the same parent tasks, and all plan items but
 * the one being edited, so most texts come back unchanged (the agency scan is the costly step).
 */
const formCache = new Map<string, string>();
const FORM_CACHE_SIZE = 4000;

/**
 * Words of two syllables one of which, alone, is a function syllable above ("bằng" by, "toàn"
 * whole, "chỉ" only, "giao" assign, "ở" at): the stop list must not break them, or "mặt bằng",
 * "giao thông" and "chỉ tiêu" lose the key phrase that carries their meaning.
 */
const COMPOUNDS = folded([
  'mặt bằng', 'công bằng', 'an toàn', 'hoàn toàn', 'toàn diện', 'toàn quốc', 'toàn cầu', 'thống nhất',
  'chỉ tiêu', 'chỉ số', 'giao thông', 'giao dịch', 'giao đất', 'bàn giao', 'chuyển giao', 'đối tác',
  'đối thoại', 'đối tượng', 'đối ngoại', 'cân đối', 'nhà ở', 'một cửa', 'việc làm', 'sự nghiệp', 'dùng chung',
  'đầu ra', 'đầu vào',
]);

/**
 * First syllables that need the next one looked at: heads of stop phrases, and function syllables
 * that begin a compound.
 */
const HEADS = new Set([
  ...[...STOP_PHRASES].map((p) => p.split(' ')[0]),
  ...[...COMPOUNDS].map((p) => p.split(' ')[0]).filter((h) => STOP_SYLLABLES.has(h)),
]);

const SYLLABLE_RE = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\d+$/;
/** Units that make a number a quantity: per cent, hectares, kilometres. */
const QUANTITY_UNIT_RE = /^ ?(%|ha|km)(?![\p{L}\p{N}])/u;

/** Syllables of a text: case-folded, NFC, diacritics kept; pure numbers dropped (years, counts). */
export function syllables(text: string): string[] {
  const out: string[] = [];
  const folded = matchingForm(text);
  SYLLABLE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYLLABLE_RE.exec(folded)) !== null) out.push(m[0]);
  return out;
}

/** Bigrams are the key phrases; they weigh more than single syllables. */
export const BIGRAM_BOOST = 1.6;

export interface Vector {
  /** Feature ids, in the order the text first shows them. */
  features: Int32Array;
  /** Weight of each feature (tf-idf), unit length; parallel to `features`. */
  weights: Float64Array;
  /** Length before normalisation (0 for an empty text). */
  norm: number;
}

/**
 * A corpus of texts turned into tf-idf vectors, with an inverted index from feature to texts so a
 * query only touches texts that share a feature with it (no all-pairs comparison). Syllables and
 * bigrams are interned to small integer ids (a bigram through a table per first syllable), so no
 * feature strings and no large numeric keys are built.
 */
export class VectorSpace {
  private readonly vocab = new Map<string, number>();
  /** bigramOf[first syllable's id] → second syllable's id → bigram feature id. */
  private readonly bigramOf: Map<number, number>[] = [];
  /** Per feature id: whether it is a bigram (for the boost). */
  private readonly isBigram: boolean[] = [];
  /** IDF per feature id; undefined for a feature the corpus never showed. */
  readonly idf: (number | undefined)[] = [];
  readonly vectors: Vector[];

  constructor(texts: readonly string[]) {
    const bags = texts.map((t) => this.bag(t));
    const df: number[] = [];
    for (const bag of bags) for (const f of bag.keys()) df[f] = (df[f] ?? 0) + 1;
    const n = Math.max(1, texts.length);
    for (let f = 0; f < df.length; f++) {
      const d = df[f];
      if (d) this.idf[f] = Math.log(1 + n / d) * (this.isBigram[f] ? BIGRAM_BOOST : 1);
    }
    this.vectors = bags.map((bag) => this.vectorOf(bag));
  }

  /** A vector for a text outside the corpus, with the corpus's IDF (unknown features drop out). */
  vectorize(text: string): Vector {
    return this.vectorOf(this.bag(text));
  }

  private id(s: string): number {
    let id = this.vocab.get(s);
    if (id === undefined) {
      id = this.isBigram.length;
      this.vocab.set(s, id);
      this.isBigram.push(false);
    }
    return id;
  }

  private bigram(first: number, second: number): number {
    let row = this.bigramOf[first];
    if (!row) this.bigramOf[first] = row = new Map();
    let id = row.get(second);
    if (id === undefined) {
      id = this.isBigram.length;
      row.set(second, id);
      this.isBigram.push(true);
    }
    return id;
  }

  /** Feature counts of a text: content syllables and bigrams of adjacent content syllables. */
  private bag(text: string): Map<number, number> {
    const bag = new Map<number, number>();
    const folded = matchingForm(text);
    let prev = -1; // id of the previous content syllable in this clause, or -1
    let prevTok = ''; // and its text
    let pendingHead = ''; // a stop-phrase or compound head waiting to see its second syllable
    let pendingStop = false; // whether that head is a function syllable on its own
    const content = (tok: string) => {
      const id = this.id(tok);
      bump(bag, id);
      if (prev >= 0) bump(bag, this.bigram(prev, id));
      prev = id;
      prevTok = tok;
    };
    const flush = () => {
      if (pendingHead) {
        if (pendingStop) prev = -1;
        else content(pendingHead);
      }
      pendingHead = '';
    };
    const n = folded.length;
    let i = 0;
    while (i < n) {
      const c = folded.charCodeAt(i);
      let len = syllableCharAt(folded, i);
      if (len === 0) {
        i++;
        if (!CLAUSE_MARKS.has(c)) continue;
        // punctuation ends a clause: no bigram across it
        flush();
        prev = -1;
        continue;
      }
      const start = i;
      while (len > 0) {
        i += len;
        len = i < n ? syllableCharAt(folded, i) : 0;
      }
      const tok = folded.slice(start, i);
      if (pendingHead) {
        const pair = pendingHead + ' ' + tok;
        if (STOP_PHRASES.has(pair)) {
          // drop both syllables of the stock phrase; it breaks the bigram chain
          pendingHead = '';
          prev = -1;
          continue;
        }
        if (COMPOUNDS.has(pair)) {
          // "toàn diện", "chỉ tiêu", "giao thông": a word, though its first syllable alone is not
          pendingHead = '';
          content(pair.slice(0, pair.length - tok.length - 1));
          content(tok);
          continue;
        }
        flush();
      }
      if (DIGITS.test(tok)) {
        // A bare number is a year, a count or a list label; a number with its unit is a target
        // ("70%", "500ha"/"500 ha"): a feature of its own, so targets that state the same quantity
        // meet and differing ones do not look alike through their shared words alone.
        const unit = QUANTITY_UNIT_RE.exec(folded.slice(i, i + 4));
        if (unit) {
          bump(bag, this.id(tok + unit[1]));
          i += unit[0].length;
        }
        prev = -1;
        continue;
      }
      if (STOP_SYLLABLES.has(tok)) {
        if (prev >= 0 && COMPOUNDS.has(prevTok + ' ' + tok)) {
          content(tok); // "mặt bằng", "an toàn", "thống nhất"
          continue;
        }
        if (HEADS.has(tok)) {
          pendingHead = tok;
          pendingStop = true;
          continue;
        }
        prev = -1;
        continue;
      }
      if (HEADS.has(tok)) {
        pendingHead = tok;
        pendingStop = false;
        continue;
      }
      content(tok);
    }
    flush();
    return bag;
  }

  vectorOf(bag: Map<number, number>): Vector {
    const features: number[] = [];
    const weights: number[] = [];
    let sum = 0;
    for (const [f, tf] of bag) {
      const idf = this.idf[f];
      if (idf === undefined) continue;
      const w = (1 + Math.log(tf)) * idf;
      features.push(f);
      weights.push(w);
      sum += w * w;
    }
    const norm = Math.sqrt(sum);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { features: Int32Array.from(features), weights: Float64Array.from(weights), norm };
  }
}

function bump(bag: Map<number, number>, f: number): void {
  bag.set(f, (bag.get(f) ?? 0) + 1);
}

/** Single punctuation marks that end clauses: . , ; : ! ? ( ) " “ ” ' ‘ ’ [ ] newline | */
const CLAUSE_MARKS = new Set([...'.,;:!?()"“”\'‘’[]\n|'].map((c) => c.charCodeAt(0)));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * How many UTF-16 units of a syllable start at `i`: 0 when the character there is not a letter or
 * digit (as /[\p{L}\p{N}]/u says), 2 for such a character outside the BMP, else 1. Fast paths for
 * ASCII and Vietnamese; the regex only for other scripts.
 */
function syllableCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1ea0 && c <= 0x1ef9)) return 1;
  const cp = s.codePointAt(i) ?? c;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The best score a query reaches, and the indexed texts at or above a floor set from it. */
export interface Ranked {
  best: number;
  /** [id, score] pairs at or above the floor, in no particular order. */
  hits: [number, number][];
}

/** Inverted index over a set of vectors: feature → postings of (slot, weight). */
export class InvertedIndex {
  private readonly postings = new Map<number, { slots: number[]; weights: number[] }>();
  /** Dense accumulator, one slot per indexed vector, reused across queries. */
  private readonly acc: Float64Array;
  constructor(vectors: readonly Vector[], readonly ids: readonly number[]) {
    this.acc = new Float64Array(ids.length);
    ids.forEach((id, slot) => {
      const { features, weights } = vectors[id];
      for (let k = 0; k < features.length; k++) {
        let list = this.postings.get(features[k]);
        if (!list) this.postings.set(features[k], (list = { slots: [], weights: [] }));
        list.slots.push(slot);
        list.weights.push(weights[k]);
      }
    });
  }

  /**
   * Cosine scores of `q` against every indexed vector sharing a feature with it; only those at or
   * above `floorOf(best)` are returned (most texts share a word or two with any query: building
   * a pair for each would cost more than the scoring).
   */
  ranked(q: Vector, floorOf: (best: number) => number): Ranked {
    const acc = this.acc;
    const touched: number[] = [];
    const { features, weights: qw } = q;
    for (let k = 0; k < features.length; k++) {
      const list = this.postings.get(features[k]);
      if (!list) continue;
      const w = qw[k];
      const { slots, weights } = list;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] += w * weights[i];
      }
    }
    let best = 0;
    for (let i = 0; i < touched.length; i++) if (acc[touched[i]] > best) best = acc[touched[i]];
    const floor = floorOf(best);
    const hits: [number, number][] = [];
    for (let i = 0; i < touched.length; i++) {
      const slot = touched[i];
      if (acc[slot] >= floor) hits.push([this.ids[slot], acc[slot]]);
      acc[slot] = 0;
    }
    return { best, hits };
  }
}

/** Cosine similarity of two texts on their own (IDF over just the two; for tests and hover). */
export function textSimilarity(a: string, b: string): number {
  const space = new VectorSpace([a, b]);
  let dot = 0;
  const [va, vb] = space.vectors;
  const other = new Map<number, number>();
  vb.features.forEach((f, k) => other.set(f, vb.weights[k]));
  va.features.forEach((f, k) => (dot += va.weights[k] * (other.get(f) ?? 0)));
  return dot;
}
