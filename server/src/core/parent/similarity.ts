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

const SYLLABLE_RE = /[\p{L}\p{N}]+/gu;

/** Syllables of a text: case-folded, NFC, diacritics kept; pure numbers dropped (years, counts). */
export function syllables(text: string): string[] {
  const out: string[] = [];
  const folded = text.normalize('NFC').toLocaleLowerCase('vi').replace(/ƣ/g, 'ư');
  SYLLABLE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SYLLABLE_RE.exec(folded)) !== null) out.push(m[0]);
  return out;
}

/** Feature bag of a text: content syllables and bigrams of adjacent content syllables (prefixed "~"). */
export function features(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (f: string) => bag.set(f, (bag.get(f) ?? 0) + 1);
  // Split into clauses so bigrams never join across punctuation.
  for (const clause of text.split(/[.,;:!?()"“”'‘’\[\]\n|]+/)) {
    const sy = syllables(clause);
    // content[i] = syllable or null (a break)
    const content: (string | null)[] = new Array(sy.length).fill(null);
    for (let i = 0; i < sy.length; i++) {
      const s = sy[i];
      if (/^\d+$/.test(s) || STOP_SYLLABLES.has(s)) continue;
      content[i] = s;
    }
    for (let i = 0; i + 1 < sy.length; i++) {
      if (STOP_PHRASES.has(sy[i] + ' ' + sy[i + 1])) content[i] = content[i + 1] = null;
    }
    for (let i = 0; i < sy.length; i++) {
      const s = content[i];
      if (s === null || s.length < 2 && !/\p{L}/u.test(s)) continue;
      add(s);
      const next = i + 1 < sy.length ? content[i + 1] : null;
      if (next !== null) add('~' + s + ' ' + next);
    }
  }
  return bag;
}

/** Bigrams are the key phrases; they weigh more than single syllables. */
export const BIGRAM_BOOST = 1.6;

export interface Vector {
  /** Feature → weight (tf-idf), unit length. */
  weights: Map<string, number>;
  /** Length before normalisation (0 for an empty text). */
  norm: number;
}

/**
 * A corpus of texts turned into tf-idf vectors, with an inverted index from feature to texts so a
 * query only touches texts that share a feature with it (no all-pairs comparison).
 */
export class VectorSpace {
  readonly bags: Map<string, number>[];
  readonly idf = new Map<string, number>();
  readonly vectors: Vector[];

  constructor(texts: readonly string[]) {
    this.bags = texts.map(features);
    const df = new Map<string, number>();
    for (const bag of this.bags) for (const f of bag.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const n = Math.max(1, texts.length);
    for (const [f, d] of df) this.idf.set(f, Math.log(1 + n / d) * (f.charCodeAt(0) === 126 ? BIGRAM_BOOST : 1));
    this.vectors = this.bags.map((bag) => this.vectorOf(bag));
  }

  vectorOf(bag: Map<string, number>): Vector {
    const weights = new Map<string, number>();
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

/** Inverted index over a set of vectors: feature → [(vector index, weight)]. */
export class InvertedIndex {
  private readonly postings = new Map<string, { id: number; w: number }[]>();
  constructor(vectors: readonly Vector[], ids: readonly number[]) {
    ids.forEach((id) => {
      for (const [f, w] of vectors[id].weights) {
        let list = this.postings.get(f);
        if (!list) this.postings.set(f, (list = []));
        list.push({ id, w });
      }
    });
  }

  /** Cosine scores of `q` against every indexed vector sharing a feature with it. */
  scores(q: Vector): Map<number, number> {
    const acc = new Map<number, number>();
    for (const [f, w] of q.weights) {
      const list = this.postings.get(f);
      if (!list) continue;
      for (const p of list) acc.set(p.id, (acc.get(p.id) ?? 0) + w * p.w);
    }
    return acc;
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
