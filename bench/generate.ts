// Generated plans of a chosen size, built from real corpus text: a header, preamble, the standard
// sections, numbered tasks with leads and deadlines, and an appendix table pasted one cell per line.

import * as fs from 'fs';
import * as path from 'path';
import { CORPUS } from '../test/helpers';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const LEADS = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Xây dựng', 'Sở Khoa học và Công nghệ', 'Công an tỉnh', 'Sở Văn hóa, Thể thao và Du lịch'];
const TIMES = ['Hằng năm', 'Quý II/2026', 'Trước ngày 15/12/2026', 'Thường xuyên', 'Năm 2026'];

/** Sentences of real task prose from the corpus (long lines from plan bodies). */
export function corpusSentences(): string[] {
  const out: string[] = [];
  for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.txt'))) {
    for (const line of fs.readFileSync(path.join(CORPUS, f), 'utf8').split(/\r?\n/)) {
      const t = line.trim().replace(/^([IVX]+\.|\d+(\.\d+)*\.?|[a-zđ]\)|-|\+)\s*/, '');
      if (t.length > 120 && t.length < 700 && !/\|/.test(t)) out.push(t.replace(/ƣ/g, 'ư'));
    }
  }
  return out;
}

export function generatePlan(targetBytes: number, sentences = corpusSentences()): string {
  let s = 0;
  const next = () => sentences[s++ % sentences.length];
  const parts: string[] = [
    'ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    '   TỈNH TUYÊN QUANG                  Độc lập - Tự do - Hạnh phúc',
    'Số: 147/KH-UBND                 Tuyên Quang, ngày 15 tháng 01 năm 2026',
    'KẾ HOẠCH',
    'Thực hiện Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ',
    'Thực hiện Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng (khóa XIII); Nghị quyết số 94/NQ-CP ngày 19/6/2024 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    next(),
    '2. Yêu cầu',
    next(),
    'II. NHIỆM VỤ, GIẢI PHÁP',
  ];
  let size = parts.join('\n').length * 1.3;
  const body = targetBytes * 0.6;
  let k = 0;
  let roman = 2;
  while (size < body) {
    k++;
    if (k > 40 && k % 40 === 1 && roman < ROMAN.length - 2) {
      // start another task section so no list grows without bound
      parts.push(`${ROMAN[roman++]}. NHIỆM VỤ, GIẢI PHÁP (TIẾP)`);
    }
    const n = ((k - 1) % 40) + 1;
    const item = [`${n}. ${next()}`];
    for (let j = 0; j < 3; j++) item.push(`${LETTERS[j]}) ${next()}`);
    item.push(`- Cơ quan chủ trì: ${LEADS[k % LEADS.length]}.`, `- Cơ quan phối hợp: các sở, ban, ngành liên quan.`, `- Thời gian thực hiện: ${TIMES[k % TIMES.length]}.`);
    const block = item.join('\n');
    parts.push(block);
    size += block.length * 1.3;
  }
  parts.push(
    `${ROMAN[roman++]}. TỔ CHỨC THỰC HIỆN`,
    '1. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường triển khai thực hiện; báo cáo kết quả về Sở Nội vụ trước ngày 15/12 hằng năm.',
    '2. Sở Nội vụ theo dõi, đôn đốc; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12 hằng năm.',
    'Nơi nhận:',
    '- Thường trực Tỉnh ủy; (báo cáo)',
    '- Các sở, ban, ngành;',
    '- Lưu: VT, THVX.',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Văn A',
    'PHỤ LỤC',
    'NHIỆM VỤ CHỦ YẾU',
    '(Kèm theo Kế hoạch số 147/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh)',
    'TT',
    'Nội dung nhiệm vụ',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời gian thực hiện',
  );
  let row = 0;
  while (size < targetBytes) {
    row++;
    const r = [String(row), next(), LEADS[row % LEADS.length], '- Các sở, ban, ngành;', '- Ủy ban nhân dân các xã, phường', TIMES[row % TIMES.length]].join('\n');
    parts.push(r);
    size += Buffer.byteLength(r) + 1;
  }
  return parts.join('\n') + '\n';
}
