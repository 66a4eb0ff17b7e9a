// What makes a numbered item a task, and the shapes that name who leads it when no "chủ trì" slot
// does. A task is an action — a verb of doing at the head of the item (triển khai, xây dựng, tổ
// chức, rà soát, kiểm tra, tham mưu, báo cáo …) — in a part of the plan that assigns work. Items
// that describe the plan's frame (Thời gian, Địa điểm, Đối tượng, Thành phần, Kinh phí, Hình thức,
// Mục đích, Yêu cầu, Mục tiêu …), the topics of an activity ("Nội dung kiểm tra": what is checked),
// targets ("100% văn bản …"), categories of people or lists of documents are not tasks.
// Bodies are read by shape too ("Tổ đảng ở …", "phòng Quản lý Công nghiệp", "Lãnh đạo Ban Dân
// nguyện"): a heading that is only a body's name, or a line that assigns what follows ("Giao phòng
// … thực hiện các công việc:", "Đề nghị các đơn vị … thực hiện:", "Nhiệm vụ, quyền hạn của …").

import type { AgencyRef } from '../model';
export type { TaskReason } from '../model';

/** Verbs of doing, by class; an item whose head is one of them is an action. */
const VERBS: Record<string, readonly string[]> = {
  implement: ['triển khai', 'thực hiện', 'tổ chức', 'thi hành', 'áp dụng', 'vận hành', 'duy trì', 'chấp hành', 'quán triệt', 'cụ thể hóa', 'cụ thể hoá'],
  produce: ['xây dựng', 'ban hành', 'soạn thảo', 'hoàn thiện', 'hoàn thành', 'lập', 'sửa đổi', 'bổ sung', 'điều chỉnh', 'thành lập', 'kiện toàn', 'sắp xếp', 'phát triển', 'số hóa', 'số hoá', 'nâng cấp', 'đầu tư', 'bố trí', 'cung cấp', 'chuẩn bị', 'biên soạn', 'in', 'phát hành', 'thiết kế', 'mua sắm', 'cấp'],
  review: ['rà soát', 'kiểm tra', 'giám sát', 'thanh tra', 'đánh giá', 'khảo sát', 'thẩm định', 'kiểm soát', 'theo dõi', 'đôn đốc', 'sơ kết', 'tổng kết', 'xác minh', 'chấn chỉnh', 'khắc phục', 'xử lý', 'giải quyết', 'tiếp nhận', 'thu thập', 'cập nhật', 'công bố', 'công khai', 'niêm yết', 'nghiên cứu'],
  advise: ['tham mưu', 'đề xuất', 'kiến nghị', 'trình', 'góp ý', 'tham gia', 'phối hợp', 'chủ trì', 'hướng dẫn', 'chỉ đạo', 'lãnh đạo', 'quản lý', 'điều phối', 'phân công', 'phê duyệt'],
  report: ['báo cáo', 'tổng hợp', 'thông báo', 'thông tin'],
  communicate: ['tuyên truyền', 'phổ biến', 'vận động', 'tập huấn', 'bồi dưỡng', 'đào tạo', 'tiếp xúc', 'đối thoại', 'phát động', 'biểu dương', 'khen thưởng', 'hỗ trợ', 'huy động', 'kết nối', 'tích hợp', 'ứng dụng', 'sử dụng', 'khai thác', 'mở', 'gửi', 'cử', 'đăng tải', 'tiếp công dân'],
  strengthen: ['nâng cao', 'tăng cường', 'đẩy mạnh', 'đổi mới', 'thúc đẩy', 'phát huy', 'củng cố', 'mở rộng', 'nhân rộng', 'đảm bảo', 'bảo đảm', 'giảm', 'tăng'],
};
/** Adverbs a drafter puts before the verb ("Tiếp tục triển khai", "Thường xuyên rà soát"). */
const ADVERBS = ['tiếp tục', 'thường xuyên', 'định kỳ', 'khẩn trương', 'chủ động', 'kịp thời', 'tích cực', 'nghiêm túc', 'tập trung', 'sớm', 'quyết liệt', 'hằng năm', 'hàng năm', 'hằng quý', 'hằng tháng', 'trực tiếp', 'thống nhất', 'đồng thời', 'khẩn cấp', 'từng bước', 'có giải pháp', 'có kế hoạch', 'quan tâm', 'chỉ đạo', 'phối hợp', 'chủ trì,?'];

const fold = (s: string) => s.normalize('NFC').toLowerCase();
/** Verb → class, and adverb phrases, keyed by their words (looked up by the first 1–3 words: no regex backtracking). */
const VERB_CLASS = new Map<string, string>();
for (const [cls, vs] of Object.entries(VERBS)) for (const v of vs) if (!VERB_CLASS.has(v)) VERB_CLASS.set(v, cls);
const ADVERB_SET = new Set(ADVERBS.map((a) => a.replace(',?', '')));

/** The words at the head of a text, lower case, punctuation dropped (at most `n`). */
function headWords(s: string, n: number): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{M}]+/gu;
  let m: RegExpExecArray | null;
  while (out.length < n && (m = re.exec(s)) !== null) out.push(m[0]);
  return out;
}

/** The phrase (1–3 words) at `i` found in `set`, as its length, or 0. */
function phraseAt(words: string[], i: number, has: (p: string) => boolean): number {
  for (let len = 3; len >= 1; len--) {
    if (i + len > words.length) continue;
    if (has(words.slice(i, i + len).join(' '))) return len;
  }
  return 0;
}

/** The verb class of an item that starts with a verb of doing (after up to three adverbs), or undefined. */
export function actionClass(title: string): string | undefined {
  // "Về khoa học công nghệ: (i) Hỗ trợ …": the topic label is not the action, what follows it is.
  const topic = /^[\s*_]*Về\s[^:]{1,80}:\s*(?:\([ivx\d]+\)\s*)?/u.exec(title.slice(0, 120));
  const head = (topic ? title.slice(topic[0].length) : title).slice(0, 120);
  const words = headWords(fold(head), 12);
  let i = 0;
  for (let n = 0; n < 3; n++) {
    // a verb first: "chủ trì, phối hợp" is an action even though "chủ trì" may lead in
    const v = phraseAt(words, i, (p) => VERB_CLASS.has(p));
    if (v) {
      const adv = phraseAt(words, i, (p) => ADVERB_SET.has(p));
      if (!adv || adv < v || !phraseAt(words, i + adv, (p) => VERB_CLASS.has(p))) return VERB_CLASS.get(words.slice(i, i + v).join(' '));
    }
    const adv = phraseAt(words, i, (p) => ADVERB_SET.has(p));
    if (!adv) return undefined;
    i += adv;
  }
  const v = phraseAt(words, i, (p) => VERB_CLASS.has(p));
  return v ? VERB_CLASS.get(words.slice(i, i + v).join(' ')) : undefined;
}

/**
 * Titles that describe the plan's frame or a set of things rather than work to do. An item with
 * such a title is not a task, nor is anything listed under it ("a) Mục tiêu" + "- 100% …").
 */
const FRAME_TITLE = /^(?:Thời gian|Thời điểm|Địa điểm|Đối tượng|Thành phần|Kinh phí|Nguồn kinh phí|Hình thức|Phạm vi|Mục đích|Yêu cầu|Mục tiêu|Quan điểm|Chỉ tiêu|Phương pháp|Phương châm|Lộ trình|Khẩu hiệu|Nguyên tắc|Cơ sở|Tiêu chuẩn|Tiêu chí|Điều kiện|Cơ cấu|Số lượng|Danh sách|Danh mục|Văn bản|Tài liệu|Giải thích|Định nghĩa|Ghi chú|Lưu ý|Thành viên|Trưởng đoàn|Phó trưởng đoàn|Đợt\s+\d)(?![\p{L}])/u;

/** The topics of an activity: "Nội dung kiểm tra, giám sát", "LỘ TRÌNH … VÀ NỘI DUNG TUYÊN TRUYỀN". */
const TOPICS_TITLE = /(?:^|\s)nội dung\s+(?:trọng tâm\s+|chủ yếu\s+|chính\s+)?(?:kiểm tra|giám sát|thanh tra|tuyên truyền|phổ biến|tập huấn|bồi dưỡng|khảo sát|đánh giá|hội nghị|chương trình|sinh hoạt|học tập|cuộc thi|thi|hướng dẫn|chấm điểm)(?![\p{L}])/iu;

export function isFrameTitle(title: string): boolean {
  return FRAME_TITLE.test(title.replace(/^[\s*_]+/u, ''));
}

/** Duties shared by everyone the document addresses: "Nhiệm vụ, giải pháp chung", "Nhiệm vụ chung". */
export function isGeneralTitle(title: string): boolean {
  return /^(?:(?:Các\s+)?(?:nhiệm vụ|giải pháp|yêu cầu)(?:\s*(?:,|và)\s*(?:nhiệm vụ|giải pháp))?)\s+chung(?![\p{L}])/iu.test(title.replace(/^[\s*_]+/u, ''));
}

export function isTopicsTitle(title: string): boolean {
  return TOPICS_TITLE.test(title.replace(/^[\s*_]+/u, ''));
}

/** Items that name a target, a quantity or a category, not work: "100% văn bản …", "Tỷ lệ …", "Việc …". */
export function isNominal(title: string): boolean {
  return /^(?:\d|Tỷ lệ|Tối thiểu|Tối đa|Phấn đấu|Trên\s+\d|Dưới\s+\d|Không có|Có\s+(?!giải pháp|kế hoạch)|Việc|Công tác|Về|Những|Số\s|Các\s+(?:văn bản|quy định|nội dung|trường hợp)|Nghị định|Nghị quyết|Luật|Thông tư|Quyết định|Chỉ thị|Kết luận|Hướng dẫn số|Kế hoạch số|Thẻ|Phiếu|Biên bản|Mẫu|Căn cứ\s+(?:Luật|Hiến pháp|Nghị|Quyết|Thông tư|Chỉ thị|Kết luận|Điều lệ|Quy định|Quy chế|Hướng dẫn|Kế hoạch|Chương trình|Công văn|Văn bản))(?![\p{L}])/u.test(title.replace(/^[\s*_"“]+/u, ''));
}

// ---------------------------------------------------------------------------------------------
// Bodies by shape

/** Nouns that head the name of a body or an office holder. */
const BODY_HEAD = '(?:Tổ đảng|Chi bộ|Đảng bộ|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự đảng|Ban Thường vụ|Ban Chấp hành|Ban Chỉ đạo|Ban Chỉ huy|Thường trực|Lãnh đạo|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|MTTQ|Hội đồng|Đoàn(?!\\s+kết)|Ban(?!\\s+hành)|Sở|Phòng(?!,?\\s+(?:chống|ngừa))|Chi cục|Tổng cục|Cục|Vụ|Viện|Trung tâm|Bộ(?!\\s+(?:chỉ số|tiêu chí|máy|phận|hồ sơ|mã))|Công an|Mặt trận|Hội(?!\\s+(?:nghị|thảo|thi|diễn))|Liên đoàn|Liên minh|Cơ quan|Đơn vị|Tiểu ban|Tổ(?!\\s+chức)|Trường|Bệnh viện|Báo(?!\\s+cáo)|Đài|Kho bạc|Ngân hàng|Tòa án|Toà án|Người đứng đầu|Thủ trưởng|Chủ tịch|Giám đốc|Bí thư|Đồng chí|Đ\\/c|Các đồng chí|Cấp ủy|Cấp uỷ|Chính quyền|Ủy viên|Uỷ viên|Thành viên|Trưởng|Phó)';
const BODY_NAME = new RegExp(`^(?:(?:Các|các|Từng|từng)\\s+)?${BODY_HEAD}(?![\\p{L}])`, 'u');
const BODY_NAME_LOWER = new RegExp(`^(?:(?:các|từng)\\s+)?${BODY_HEAD.toLowerCase()}(?![\\p{L}])`, 'u');
/** What a heading says before the body it is about: "Trách nhiệm của …", "Đối với …". */
const HEADING_LEAD_IN = /^(?:(?:Nhiệm vụ|Trách nhiệm|Nhiệm vụ,\s*quyền hạn|Nhiệm vụ và quyền hạn|Phân công nhiệm vụ|Đề nghị|Giao)(?:\s+(?:chung|cụ thể|riêng))?\s+(?:của|đối với|cho)\s+|Đối với\s+|Giao\s+|Đề nghị\s+)/u;

/** A governing verb closing a heading, with nothing after it: the heading's body does the list below. */
const GOVERNING_TAIL = /\s+(?:có trách nhiệm|chịu trách nhiệm|(?:chủ trì,?\s+)?(?:chỉ đạo|tổ chức)?\s*(?:thực hiện|triển khai(?:\s+thực hiện)?)|chỉ đạo|thực hiện các nội dung sau|thực hiện các nhiệm vụ sau)\s*$/u;

/** A name-only heading ("a) Tổ đảng ở Thường trực Ủy ban KH,CN&MT", "7. Trách nhiệm của các sở"): the body it names. */
export function headingBody(title: string, start: number): AgencyRef | undefined {
  let s = title;
  let off = 0;
  const lead = HEADING_LEAD_IN.exec(s);
  if (lead) { off = lead[0].length; s = s.slice(off); }
  const lead2 = /^[\s*_]+/.exec(s);
  if (lead2) { off += lead2[0].length; s = s.slice(lead2[0].length); }
  // the name runs to a colon, or is the whole title
  const colon = s.indexOf(':');
  let name = (colon >= 0 ? s.slice(0, colon) : s).replace(/[\s*_.;,]+$/u, '');
  // "3.9. Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo" + bullets: a body and a governing verb with no
  // object; the bullets under it are what it does.
  if (colon < 0) {
    const gov = GOVERNING_TAIL.exec(name);
    // "Đơn vị thực hiện", "Cơ quan thực hiện" are field labels, not a named body: keep names of 3+ words
    if (gov && gov.index > 0) {
      if (name.slice(0, gov.index).trim().split(/\s+/u).length < 3) return undefined;
      name = name.slice(0, gov.index);
    }
  }
  if (name.length < 3 || name.length > 160) return undefined;
  if (!BODY_NAME.test(name) && !(lead && BODY_NAME_LOWER.test(name))) return undefined;
  // a sentence with a verb after the name is not a heading but an item addressed to a body
  if (colon < 0 && actionAfterName(name)) return undefined;
  return { start: start + off, end: start + off + name.length, name, collective: /^(?:Các|các|Từng|từng)\s/u.test(name) || /,/.test(name) };
}

/** Whether a name-like text goes on into a predicate ("Sở Y tế triển khai …"). */
function actionAfterName(name: string): boolean {
  const words = name.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    // "cấp xã", "cấp tỉnh": a level of government inside the name, not the verb "cấp" (to grant)
    if (/^cấp$/u.test(words[i]) && /^(?:xã|huyện|tỉnh|trung|cơ|ủy|uỷ|trên|dưới|có)/u.test(words[i + 1] ?? '')) { i++; continue; }
    if (actionClass(words.slice(i).join(' ')) && /^\p{Ll}/u.test(words[i])) return true;
  }
  return false;
}

/**
 * A line that assigns the list after it: "Giao phòng Quản lý Công nghiệp triển khai, thực hiện các
 * công việc:", "Đề nghị các đơn vị hoạt động hóa chất … thực hiện:", "Thường trực Đảng uỷ xã gồm …, có
 * nhiệm vụ:", "Nhiệm vụ, quyền hạn của Ban Thường vụ Đảng uỷ xã". Returns the body named, with its
 * offsets (line starts at `start`).
 */
export function assigningLine(line: string, start: number): AgencyRef | undefined {
  const trimmed = line.replace(/\s+$/u, '');
  const lead = /^[\s*_]*(?:Điều\s+\d+\s*[.:]\s*)?/u.exec(trimmed);
  const from = lead ? lead[0].length : 0;
  const rest = trimmed.slice(from);
  // "Giao X <verb> …:" / "Đề nghị X <verb> …:"
  let m = /^(?:Giao(?:\s+cho)?|Đề nghị|Yêu cầu|Phân công)\s+/u.exec(rest);
  if (m && /:$/u.test(rest)) {
    const after = rest.slice(m[0].length);
    const name = nameBeforeVerb(after);
    if (name && (BODY_NAME.test(name) || BODY_NAME_LOWER.test(name))) return ref(start + from + m[0].length, name);
    return undefined;
  }
  // "Nhiệm vụ, quyền hạn của X" / "Trách nhiệm của X" (a heading line without a label)
  m = /^(?:Nhiệm vụ(?:,\s*quyền hạn|\s+và\s+quyền hạn)?|Trách nhiệm|Quyền hạn và nhiệm vụ)(?:\s+(?:chung|cụ thể))?\s+của\s+/u.exec(rest);
  if (m) {
    const name = rest.slice(m[0].length).replace(/[\s.:;]+$/u, '');
    if (name.length >= 3 && name.length <= 120 && (BODY_NAME.test(name) || BODY_NAME_LOWER.test(name))) return ref(start + from + m[0].length, name);
    return undefined;
  }
  // "X (gồm …,) có (các) nhiệm vụ (sau):" / "X có trách nhiệm:"
  m = /^(.{3,140}?)(?:\s+gồm\s[^:]{0,160}?)?,?\s+có\s+(?:các\s+)?(?:nhiệm vụ|trách nhiệm)(?:\s+(?:sau|như sau|cụ thể))?\s*:$/u.exec(rest);
  if (m && BODY_NAME.test(m[1])) return ref(start + from, m[1]);
  return undefined;
}

function ref(start: number, name: string): AgencyRef {
  const n = name.replace(/[\s,.;:]+$/u, '');
  return { start, end: start + n.length, name: n, collective: /^(?:Các|các|Từng|từng)\s/u.test(n) };
}

/** The words before the first verb of doing: "phòng Quản lý Công nghiệp triển khai …" → "phòng Quản lý Công nghiệp". */
function nameBeforeVerb(s: string): string | undefined {
  const words = s.split(/(\s+)/);
  let acc = '';
  for (let i = 0; i < words.length; i += 2) {
    const tail = words.slice(i).join('');
    if (i > 0 && /^\p{Ll}/u.test(words[i]) && (actionClass(tail) !== undefined || /^(?:có trách nhiệm|căn cứ|theo)(?![\p{L}])/u.test(tail))) {
      const name = acc.replace(/[\s,]+$/u, '');
      return name.length >= 3 && name.length <= 160 ? name : undefined;
    }
    acc += words[i] + (words[i + 1] ?? '');
  }
  return undefined;
}
