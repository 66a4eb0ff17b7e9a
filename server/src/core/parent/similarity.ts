// Text similarity suited to Vietnamese administrative prose.
//
// Tokens are syllables (Vietnamese writes one syllable per space-separated token), case-folded,
// diacritics KEPT: "bảo" and "bão", "đất" and "đạt" are different words. Function syllables and
// the stock verbs every task starts with ("thực hiện", "triển khai", "tăng cường") carry no
// meaning for matching and are dropped. Vietnamese words are often two syllables ("công nghiệp",
// "mặt bằng"), so adjacent content syllables also form bigram features — the key phrases — which
// weigh more than single syllables. Features get IDF weights over the units being compared, and
// scores are cosine similarities of the weighted vectors.

/** Function syllables: conjunctions, prepositions, classifiers, aspect markers, determiners. */
const STOP_SYLLABLES = new Set([
  'và', 'của', 'các', 'những', 'trong', 'với', 'để', 'cho', 'theo', 'là', 'có', 'được', 'bị', 'đã',
  'đang', 'sẽ', 'này', 'đó', 'khi', 'thì', 'mà', 'như', 'về', 'từ', 'đến', 'tại', 'trên', 'dưới', 'ra',
  'vào', 'lại', 'cũng', 'còn', 'hoặc', 'hay', 'nhưng', 'nếu', 'một', 'mỗi', 'mọi', 'rất', 'ở', 'do',
  'bằng', 'qua', 'nhằm', 'việc', 'sự', 'cuộc', 'nào', 'gì', 'ngày', 'tháng', 'năm', 'hằng', 'hàng',
  'đối', 'vì', 'nên', 'thuộc', 'giữa', 'sau', 'trước', 'đều', 'cần', 'phải', 'tất', 'cả', 'toàn',
  'từng', 'nhiều', 'ít', 'nhất', 'hơn', 'đây', 'ấy', 'kể', 'cùng', 'vừa', 'lên', 'xuống', 'gồm',
  'bao', 'chỉ', 'luôn', 'ngay', 'thêm', 'riêng', 'chung', 'quý', 'giao', 'nhau', 'v', 'v.v', 'etc',
]);

/**
 * Stock two-syllable phrases of administrative verbs and adverbs: they open almost every task and
 * would make unrelated tasks look alike. Dropped as phrases only — "hiện" alone stays (hiện đại).
 */
const STOP_PHRASES = new Set([
  'thực hiện', 'triển khai', 'tăng cường', 'đẩy mạnh', 'tiếp tục', 'nâng cao', 'tổ chức', 'chủ trì',
  'phối hợp', 'liên quan', 'có liên', 'cụ thể', 'kịp thời', 'hiệu quả', 'chủ động', 'tích cực',
  'quyết liệt', 'đồng thời', 'trong đó', 'theo quy', 'quy định', 'bảo đảm', 'đảm bảo', 'tập trung',
  'khẩn trương', 'nghiêm túc', 'thường xuyên', 'các cơ', 'cơ quan', 'đơn vị', 'địa phương', 'trách nhiệm',
  'hoàn thành', 'xây dựng', 'ban hành', 'hướng dẫn', 'tham mưu', 'đề xuất', 'lãnh đạo', 'chỉ đạo',
  'nhà nước', 'pháp luật', 'nghị quyết', 'kế hoạch', 'thời gian', 'góp phần', 'phù hợp', 'nhiệm vụ',
  'giải pháp', 'ủy ban', 'uỷ ban', 'nhân dân', 'sở ban', 'ban ngành',
]);

/** First syllables of the stop phrases: only these need the pair looked up. */
const PHRASE_HEADS = new Set([...STOP_PHRASES].map((p) => p.split(' ')[0]));

const SYLLABLE_RE = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\d+$/;

/** Syllables of a text: case-folded, NFC, diacritics kept; pure numbers dropped (years, counts). */
export function syllables(text: string): string[] {
  const out: string[] = [];
  // Vietnamese has no locale-specific lower-casing, so the (much faster) default mapping is exact.
  const folded = text.normalize('NFC').toLowerCase().replace(/ƣ/g, 'ư');
  SYLLABLE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYLLABLE_RE.exec(folded)) !== null) out.push(m[0]);
  return out;
}

/** Bigrams are the key phrases; they weigh more than single syllables. */
export const BIGRAM_BOOST = 1.6;

export interface Vector {
  /** Feature id → weight (tf-idf), unit length. */
  weights: Map<number, number>;
  /** Length before normalisation (0 for an empty text). */
  norm: number;
}

/** Bigram ids sit above every syllable id: (first + 1) · 2^21 + second. */
const BIGRAM_BASE = 2 ** 21;

/**
 * A corpus of texts turned into tf-idf vectors, with an inverted index from feature to texts so a
 * query only touches texts that share a feature with it (no all-pairs comparison). Syllables are
 * interned to numbers and bigrams are number pairs, so no feature strings are built.
 */
export class VectorSpace {
  private readonly vocab = new Map<string, number>();
  readonly idf = new Map<number, number>();
  readonly vectors: Vector[];

  constructor(texts: readonly string[]) {
    const bags = texts.map((t) => this.bag(t));
    const df = new Map<number, number>();
    for (const bag of bags) for (const f of bag.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const n = Math.max(1, texts.length);
    for (const [f, d] of df) this.idf.set(f, Math.log(1 + n / d) * (f >= BIGRAM_BASE ? BIGRAM_BOOST : 1));
    this.vectors = bags.map((bag) => this.vectorOf(bag));
  }

  /** A vector for a text outside the corpus, with the corpus's IDF (unknown features drop out). */
  vectorize(text: string): Vector {
    return this.vectorOf(this.bag(text));
  }

  private id(s: string): number {
    let id = this.vocab.get(s);
    if (id === undefined) this.vocab.set(s, (id = this.vocab.size));
    return id;
  }

  /** Feature counts of a text: content syllables and bigrams of adjacent content syllables. */
  private bag(text: string): Map<number, number> {
    const bag = new Map<number, number>();
    const folded = text.normalize('NFC').toLowerCase().replace(/ƣ/g, 'ư');
    let prev = -1; // id of the previous content syllable in this clause, or -1
    CLAUSE_TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let pendingHead = ''; // a stop-phrase head waiting to see its second syllable
    let pendingId = -1;
    const flush = () => {
      if (pendingId >= 0) {
        bag.set(pendingId, (bag.get(pendingId) ?? 0) + 1);
        if (prev >= 0) bump(bag, (prev + 1) * BIGRAM_BASE + pendingId);
        prev = pendingId;
      }
      pendingHead = '';
      pendingId = -1;
    };
    while ((m = CLAUSE_TOKEN_RE.exec(folded)) !== null) {
      const tok = m[0];
      if (!LETTER_OR_DIGIT.test(tok[0])) {
        // punctuation ends a clause: no bigram across it
        flush();
        prev = -1;
        continue;
      }
      if (pendingHead) {
        if (STOP_PHRASES.has(pendingHead + ' ' + tok)) {
          // drop both syllables of the stock phrase; it breaks the bigram chain
          pendingHead = '';
          pendingId = -1;
          prev = -1;
          continue;
        }
        flush();
      }
      if (STOP_SYLLABLES.has(tok) || DIGITS.test(tok)) {
        prev = -1;
        continue;
      }
      if (PHRASE_HEADS.has(tok)) {
        pendingHead = tok;
        pendingId = this.id(tok);
        continue;
      }
      const id = this.id(tok);
      bump(bag, id);
      if (prev >= 0) bump(bag, (prev + 1) * BIGRAM_BASE + id);
      prev = id;
    }
    flush();
    return bag;
  }

  vectorOf(bag: Map<number, number>): Vector {
    const weights = new Map<number, number>();
    let sum = 0;
    for (const [f, tf] of bag) {
      const idf = this.idf.get(f);
      if (idf === undefined) continue;
      const w = (1 + Math.log(tf)) * idf;
      weights.set(f, w);
      sum += w * w;
    }
    const norm = Math.sqrt(sum);
    if (norm > 0) for (const [f, w] of weights) weights.set(f, w / norm);
    return { weights, norm };
  }
}

function bump(bag: Map<number, number>, f: number): void {
  bag.set(f, (bag.get(f) ?? 0) + 1);
}

/** Syllables and single punctuation marks that end clauses. */
const CLAUSE_TOKEN_RE = /[\p{L}\p{N}]+|[.,;:!?()"“”'‘’\[\]\n|]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Inverted index over a set of vectors: feature → postings of (slot, weight). */
export class InvertedIndex {
  private readonly postings = new Map<number, { slots: number[]; weights: number[] }>();
  /** Dense accumulator, one slot per indexed vector, reused across queries. */
  private readonly acc: Float64Array;
  constructor(vectors: readonly Vector[], readonly ids: readonly number[]) {
    this.acc = new Float64Array(ids.length);
    ids.forEach((id, slot) => {
      for (const [f, w] of vectors[id].weights) {
        let list = this.postings.get(f);
        if (!list) this.postings.set(f, (list = { slots: [], weights: [] }));
        list.slots.push(slot);
        list.weights.push(w);
      }
    });
  }

  /** Cosine scores of `q` against every indexed vector sharing a feature with it: [id, score] pairs. */
  scores(q: Vector): [number, number][] {
    const acc = this.acc;
    const touched: number[] = [];
    for (const [f, w] of q.weights) {
      const list = this.postings.get(f);
      if (!list) continue;
      const { slots, weights } = list;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] += w * weights[i];
      }
    }
    const out: [number, number][] = new Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const slot = touched[i];
      out[i] = [this.ids[slot], acc[slot]];
      acc[slot] = 0;
    }
    return out;
  }
}

/** Cosine similarity of two texts on their own (IDF over just the two; for tests and hover). */
export function textSimilarity(a: string, b: string): number {
  const space = new VectorSpace([a, b]);
  let dot = 0;
  const [va, vb] = space.vectors;
  for (const [f, w] of va.weights) dot += w * (vb.weights.get(f) ?? 0);
  return dot;
}
