// KH1009: the lines under the header's parts (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II):
// under the tiêu ngữ "đường kẻ ngang, nét liền, có độ dài bằng độ dài của dòng chữ" (II.1.b);
// under the issuing body and under the trích yếu "có độ dài bằng từ 1/3 đến 1/2 độ dài của dòng
// chữ và đặt cân đối so với dòng chữ" (II.2.b, II.5.b).
//
// A line is read where the file states it: a bottom border of the part's paragraph or of an empty
// paragraph just under it (its length is the width between the paragraph's indents, in its table
// cell or on the page), or a line shape (DrawingML or VML) anchored there. The printed length of
// the text is estimated from Times New Roman's advance widths, so lengths are judged with room
// either side. Nothing is said when the header is not recognised, when the line is drawn in a way
// not read (a text box, a picture, a floating shape anchored elsewhere), or when the part's size
// is not known.

import type { Rule, RuleContext } from '../rule';
import { t, type Text } from '../i18n';
import type { DocxLayout, ParagraphFormat } from '../docx/format';
import { textWidthTwips } from '../docx/textWidth';
import { headerParts, inkRuns, paragraphSpan, TWIPS_PER_MM, type HeaderPiece } from './layout-common';

/** A line typed as characters ("________", "-----"): present, its length not judged. */
const TYPED_LINE = /^[\s_\-–—‾=.]{3,}$/u;
/** How far below its part a line may be anchored: the part's paragraph and two empty ones under it. */
const BELOW = 2;

type Found =
  | { kind: 'none' }
  | { kind: 'unread' }
  | { kind: 'typed'; p: ParagraphFormat }
  | { kind: 'line'; p: ParagraphFormat; length: number; offCentre: boolean; ordinals: number[] };

interface Part {
  name: Text;
  clause: string;
  piece: HeaderPiece;
  /** Text lines the line is measured against (the longest counts, as Word users draw it). */
  lines: HeaderPiece[];
  ratio: [number, number];
  /** The length a fix aims at, as a share of the text (the export's: the whole line, 40 %). */
  target: number;
  want: Text;
}

/** Text width on the section's page (no table): page width less the left and right margins. */
function pageTextWidth(layout: DocxLayout): number | undefined {
  const s = layout.sections[0];
  if (!s?.width || s.margin.left === undefined || s.margin.right === undefined) return undefined;
  return s.width - s.margin.left - s.margin.right;
}

/** The paragraphs a part's line may be in: its own, then up to BELOW empty or typed-line ones under it (same cell). */
function candidates(layout: DocxLayout, p: ParagraphFormat): ParagraphFormat[] {
  const out = [p];
  for (let o = p.ordinal + 1; o <= p.ordinal + BELOW; o++) {
    const q = layout.paragraphs[o];
    if (!q || q.cell !== p.cell || q.inTable !== p.inTable) break;
    const text = q.text.trim();
    if (text !== '' && !TYPED_LINE.test(text)) break;
    out.push(q);
  }
  return out;
}

function findLine(layout: DocxLayout, p: ParagraphFormat): Found {
  const lines: Found[] = [];
  for (const q of candidates(layout, p)) {
    if (q.shapes.some((s) => s.lineLength === undefined)) return { kind: 'unread' };
    for (const s of q.shapes) lines.push({ kind: 'line', p: q, length: s.lineLength!, offCentre: false, ordinals: [q.ordinal] });
    if (q.bottomBorder || (q !== p && q.topBorder)) {
      const width = q.inTable ? q.cellWidth : pageTextWidth(layout);
      if (width === undefined) return { kind: 'unread' };
      lines.push({ kind: 'line', p: q, length: width - q.indentLeft - q.indentRight, offCentre: Math.abs(q.indentLeft - q.indentRight) > 567, ordinals: [q.ordinal] });
    }
    if (q !== p && TYPED_LINE.test(q.text.trim())) lines.push({ kind: 'typed', p: q });
  }
  // Underlined words print a line under themselves: present, though not the separate rule the decree draws.
  if (lines.length === 0 && inkRuns(p).some((r) => r.underline)) return { kind: 'typed', p };
  if (lines.length === 0) return { kind: 'none' };
  return lines.length === 1 ? lines[0] : { kind: 'unread' };
}

/** Estimated printed width of a piece of text (twips), when its size is known. */
function textWidth(piece: HeaderPiece): number | undefined {
  const runs = inkRuns(piece.p, piece.from, piece.to);
  if (runs.length === 0 || runs.some((r) => r.size === undefined)) return undefined;
  let w = 0;
  for (const r of piece.p.runs) {
    const a = Math.max(r.offset, piece.from);
    const b = Math.min(r.offset + r.text.length, piece.to);
    if (b <= a) continue;
    const text = r.text.slice(a - r.offset, b - r.offset);
    w += textWidthTwips(r.caps ? text.toLocaleUpperCase('vi') : text, r.size ?? runs[0].size!, r.bold);
  }
  // Leading and trailing spaces are not printed ink.
  return w - textWidthTwips(piece.p.text.slice(piece.from, piece.to).match(/^\s*/)![0] + (piece.p.text.slice(piece.from, piece.to).match(/\s*$/)![0]), runs[0].size!, false);
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

export const layoutHeaderRules: Rule = {
  id: 'KH1009',
  alias: 'layout-header-rules',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false,
  description: t(
    'Đường kẻ dưới tiêu ngữ, tên cơ quan ban hành, trích yếu thiếu hoặc sai độ dài (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.1.b, II.2.b, II.5.b)',
    'The line under the motto, the issuing body or the subject is missing or of the wrong length (Decree 30/2020/NĐ-CP, Appendix I, II.1.b, II.2.b, II.5.b)',
  ),
  rationale: t(
    'Phụ lục I, Phần I, Mục II Nghị định 30/2020/NĐ-CP: dưới tiêu ngữ "có đường kẻ ngang, nét liền, có độ dài bằng độ dài của dòng chữ" (II.1.b); ' +
      'dưới tên cơ quan ban hành (II.2.b) và dưới trích yếu (II.5.b) đường kẻ ngang, nét liền, "có độ dài bằng từ 1/3 đến 1/2 độ dài của dòng chữ và đặt cân đối so với dòng chữ". ' +
      'Đường kẻ được đọc khi tệp ghi rõ: viền dưới của đoạn (hoặc của đoạn trống ngay dưới), hay hình đường thẳng (DrawingML, VML) neo ở đó; độ dài dòng chữ được ước lượng theo phông Times New Roman, ' +
      'nên chỉ báo khi lệch rõ (dưới tiêu ngữ: ngoài 80–125% dòng chữ; dưới tên cơ quan, trích yếu: ngoài 28–60%). Đường gõ bằng ký tự ("______", như mẫu của Phụ lục III) được coi là có, không đo độ dài. ' +
      '"Thiếu đường kẻ" chỉ báo với văn bản có tên cơ quan ban hành và không có hình vẽ nào khác ở phần đầu. Không báo khi không nhận ra phần đầu văn bản, ' +
      'hoặc đường kẻ vẽ theo cách không đọc được (hộp văn bản, hình ảnh, hình neo nơi khác). Chỉ kiểm tra tệp Word (.docx). ' +
      'Sửa: vẽ đường thẳng (Chèn › Hình › Đường thẳng) hoặc viền dưới của một đoạn trống, thu hẹp bằng thụt lề trái, phải bằng nhau cho đúng độ dài.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, Section II: under the motto "a horizontal solid line as long as the line of text" (II.1.b); ' +
      'under the issuing body (II.2.b) and under the subject (II.5.b) a horizontal solid line "1/3 to 1/2 as long as the line of text, balanced under it". ' +
      'A line is read where the file states it: a bottom border of the paragraph (or of the empty paragraph right under it), or a line shape (DrawingML, VML) anchored there; ' +
      'the text\'s printed length is estimated from Times New Roman, so only clear deviations are reported (motto: outside 80–125% of the text; issuing body, subject: outside 28–60%). ' +
      'A line typed as characters ("______", as in the models of Appendix III) counts as present, its length not measured. A missing line is reported only in a document with an issuing body and no other shape in its header. ' +
      'Nothing is said when the header is not recognised or the line is drawn in a way not read (a text box, a picture, a shape anchored elsewhere). Checked on Word (.docx) files only. ' +
      'Fix: draw a line (Insert › Shapes › Line) or a bottom border on an empty paragraph, narrowed with equal left and right indents to the right length.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const h = headerParts(ctx, layout);
    if (!h.nationalName) return;
    const parts: Part[] = [];
    const oneThirdToHalf = t('dài 1/3–1/2 dòng chữ, cân đối dưới dòng chữ', '1/3 to 1/2 as long as the text, balanced under it');
    if (h.motto) parts.push({ name: t('tiêu ngữ', 'the motto'), clause: 'II.1.b', piece: h.motto, lines: [h.motto], ratio: [0.8, 1.25], target: 1, want: t('dài bằng dòng chữ', 'as long as the text') });
    const issuer = h.issuer.at(-1);
    if (issuer) parts.push({ name: t('tên cơ quan ban hành', 'the issuing body'), clause: 'II.2.b', piece: issuer, lines: h.issuer, ratio: [0.28, 0.6], target: 0.4, want: oneThirdToHalf });
    const subject = h.subject.at(-1);
    if (subject && subject.p.ordinal < 30) parts.push({ name: t('trích yếu', 'the subject'), clause: 'II.5.b', piece: subject, lines: h.subject, ratio: [0.28, 0.6], target: 0.4, want: oneThirdToHalf });
    // Parts sharing a paragraph (issuer and motto on one tabbed line) cannot tell their lines apart.
    const paragraphsOf = parts.map((x) => x.piece.p.ordinal);
    const found = parts.map((x) => (paragraphsOf.filter((o) => o === x.piece.p.ordinal).length > 1 ? ({ kind: 'unread' } as Found) : findLine(layout, x.piece.p)));
    // A shape in the header that no part's line accounts for may be any part's line, floating:
    // then no part is said to lack one.
    const accounted = new Set(found.flatMap((f) => (f.kind === 'line' ? f.ordinals : [])));
    const end = Math.max(...parts.map((x) => x.piece.p.ordinal)) + BELOW;
    const stray = layout.paragraphs.slice(0, end + 1).some((p) => p.hasShape && !accounted.has(p.ordinal));
    // A missing line is said only of a document with an issuing body: a citizen's form (tờ khai,
    // đơn) carries a quốc hiệu and a title but is not laid out as an issued document.
    parts.forEach((part, i) => report(ctx, layout, part, found[i], stray || h.issuer.length === 0));
  },
};

function report(ctx: RuleContext, layout: DocxLayout, part: Part, found: Found, quietIfMissing: boolean): void {
  const where = `Nghị định 30/2020/NĐ-CP, Phụ lục I, mục ${part.clause}`;
  const whereEn = `Decree 30/2020/NĐ-CP, Appendix I, ${part.clause}`;
  const say = (ordinal: number, vi: string, en: string, fix: Text) => {
    const span = paragraphSpan(ctx, layout, ordinal);
    if (span) ctx.report({ span, message: t(`${vi} — ${where}`, `${en} — ${whereEn}`), layoutFix: { title: fix } });
  };
  if (found.kind === 'none') {
    if (quietIfMissing) return;
    say(part.piece.p.ordinal, `Thiếu đường kẻ dưới ${part.name.vi} (đường kẻ ngang, nét liền, ${part.want.vi})`, `No line under ${part.name.en} (a solid horizontal line, ${part.want.en})`,
      t(`Vẽ đường kẻ ngang nét liền dưới ${part.name.vi}, ${part.want.vi}`, `Draw a solid horizontal line under ${part.name.en}, ${part.want.en}`));
    return;
  }
  if (found.kind !== 'line') return;
  // Measured against the line right above it and against the longest line of the part: the line
  // passes if it fits either (a two-line name may be drawn under either).
  // A printed line is never wider than its paragraph: a long trích yếu wraps.
  const widths = [part.piece, ...part.lines].map((x) => {
    const w = textWidth(x);
    const room = (x.p.inTable ? x.p.cellWidth : pageTextWidth(layout)) ?? Infinity;
    return w === undefined ? undefined : Math.min(w, room - x.p.indentLeft - x.p.indentRight);
  });
  if (widths.some((w) => w === undefined || w <= 0)) return;
  const ratios = (widths as number[]).map((w) => found.length / w);
  const fits = ratios.some((r) => r >= part.ratio[0] && r <= part.ratio[1]);
  const text = widths[0]!;
  const ratio = ratios[0];
  const problems: Text[] = [];
  if (!fits) problems.push(t(`đường kẻ dài khoảng ${pct(ratio)} dòng chữ (phải ${part.want.vi})`, `the line is about ${pct(ratio)} of the text (should be ${part.want.en})`));
  if (found.offCentre && part.clause !== 'II.1.b') problems.push(t('đường kẻ lệch, chưa cân đối dưới dòng chữ', 'the line is off-centre under the text'));
  if (problems.length === 0) return;
  say(part.piece.p.ordinal, `Đường kẻ dưới ${part.name.vi}: ${problems.map((p) => p.vi).join('; ')}`, `Line under ${part.name.en}: ${problems.map((p) => p.en).join('; ')}`,
    t(`Chỉnh đường kẻ dưới ${part.name.vi}: ${part.want.vi} (khoảng ${Math.round((text * part.target) / TWIPS_PER_MM)} mm)`,
      `Make the line under ${part.name.en} ${part.want.en} (about ${Math.round((text * part.target) / TWIPS_PER_MM)} mm)`));
}
