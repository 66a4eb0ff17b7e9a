// KH1005: body paragraphs (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6.e): "cỡ chữ từ 13
// đến 14", "canh đều cả hai lề", "chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm", "khoảng cách giữa các
// đoạn văn tối thiểu là 6pt", "khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5
// lines". Judged on paragraphs that are surely body text (see bodyParagraphs): one finding per
// kind of deviation, on the first paragraph showing it, the others as related places.

import type { Rule } from '../rule';
import { t, type Text } from '../i18n';
import type { ParagraphFormat } from '../docx/format';
import type { LayoutFix, ParagraphSet, RunSet } from '../docx/layoutFix';
import { bodyParagraphs, inkRuns, paragraphSpan, relatedParagraphs, viNumber, WRAPPING_CHARS } from './layout-common';

const TWIPS_PER_CM = 1440 / 2.54;
/** 1 cm is 567 twips, 1.27 cm (half an inch) 720: allow Word's rounding and a hair either side. */
const INDENT: [number, number] = [540, 760];
const JUSTIFIED = new Set(['both', 'distribute', 'thaiDistribute', 'lowKashida', 'mediumKashida', 'highKashida']);

interface Problem {
  key: string;
  text: Text;
  /** What to do, in words, and the formatting that does it on this paragraph (none: advice only). */
  fixTitle: Text;
  runs?: RunSet;
  para?: ParagraphSet;
}

function problems(p: ParagraphFormat, next: ParagraphFormat | undefined): Problem[] {
  const out: Problem[] = [];
  const runs = inkRuns(p);
  const chars = (f: (s: number) => boolean) => runs.filter((r) => r.size !== undefined && f(r.size)).reduce((n, r) => n + r.text.length, 0);
  const total = runs.reduce((n, r) => n + r.text.length, 0);
  // Size: judged on most of the paragraph (a footnote-sized aside inside it is not the body size).
  const small = chars((s) => s < 13);
  const large = chars((s) => s > 14);
  if (small * 2 > total || large * 2 > total) {
    const sizes = [...new Set(runs.map((r) => r.size).filter((s): s is number => s !== undefined && (s < 13 || s > 14)))];
    const s = sizes.map((x) => viNumber(x, 1)).join(', ');
    const size = small * 2 > total ? 13 : 14;
    out.push({ key: `size:${s}`, text: t(`cỡ chữ ${s} (phải 13–14)`, `size ${sizes.join(', ')} pt (should be 13–14)`), fixTitle: t(`Đặt cỡ chữ ${size}`, `Set the size to ${size} pt`), runs: { size } });
  }
  if (!JUSTIFIED.has(p.jc) && p.text.trim().length >= WRAPPING_CHARS) {
    const how = p.jc === 'center' ? t('canh giữa', 'centred') : p.jc === 'right' || p.jc === 'end' ? t('canh phải', 'right-aligned') : t('canh trái', 'left-aligned');
    out.push({ key: `jc:${p.jc}`, text: t(`${how.vi}, chưa canh đều hai lề`, `${how.en}, not justified`), fixTitle: t('Đoạn văn › Căn đều hai lề (Ctrl+J)', 'Paragraph › Justify (Ctrl+J)'), para: { jc: 'both' } });
  }
  // A leading tab or spaces indent by hand: the first line is indented, by how much is not known.
  if (!/^(\t| {2})/.test(p.text) && (p.firstLine < INDENT[0] || p.firstLine > INDENT[1])) {
    const cm = viNumber(p.firstLine / TWIPS_PER_CM, 2);
    const text = p.firstLine === 0
      ? t('dòng đầu không lùi vào (phải 1 cm hoặc 1,27 cm)', 'no first-line indent (should be 1 cm or 1.27 cm)')
      : p.firstLine < 0
        ? t(`thụt treo ${cm.replace('-', '')} cm (dòng đầu phải lùi vào 1 cm hoặc 1,27 cm)`, `hanging indent (the first line should be indented 1 cm or 1.27 cm)`)
        : t(`dòng đầu lùi ${cm} cm (phải 1 cm hoặc 1,27 cm)`, `first-line indent ${Number((p.firstLine / TWIPS_PER_CM).toFixed(2))} cm (should be 1 cm or 1.27 cm)`);
    out.push({ key: `indent:${p.firstLine === 0 ? 0 : cm}`, text, fixTitle: t('Đoạn văn › Thụt lề › Dòng đầu 1,27 cm', 'Paragraph › Indentation › First line 1.27 cm'), para: { firstLine: 720 } });
  }
  // Space to the next paragraph: this one's "after" and the next one's "before" (Word adds them,
  // and drops both between paragraphs of one style with contextual spacing).
  if (next) {
    const gap = p.contextualSpacing && next.contextualSpacing ? 0 : p.after + next.before;
    if (gap < 120 && !(p.contextualSpacing && !next.contextualSpacing && p.after + next.before >= 120)) {
      // Spacing after that makes 6 pt with the next one's before; with contextual spacing on both,
      // Word drops any spacing between them, so setting it would change nothing: advice only.
      const after = p.contextualSpacing && next.contextualSpacing ? undefined : Math.max(p.after, 120 - next.before);
      out.push({
        key: `gap:${gap}`,
        text: t(`cách đoạn sau ${viNumber(gap / 20, 1)} pt (tối thiểu 6 pt)`, `${gap / 20} pt before the next paragraph (at least 6 pt)`),
        fixTitle: t('Đoạn văn › Giãn đoạn › Sau 6 pt', 'Paragraph › Spacing › After 6 pt'),
        ...(after !== undefined ? { para: { after } } : {}),
      });
    }
  }
  // Line spacing in lines ("auto"): 240 is single. Exact and at-least spacing depend on the font
  // size; they are not judged.
  if (p.lineRule === 'auto' && p.line !== undefined && (p.line < 234 || p.line > 366)) {
    const lines = viNumber(p.line / 240, 2);
    out.push({
      key: `line:${p.line}`,
      text: t(`giãn dòng ${lines} dòng (từ 1 đến 1,5 dòng)`, `line spacing ${Number((p.line / 240).toFixed(2))} lines (single to 1.5)`),
      fixTitle: t('Đoạn văn › Giãn dòng: từ 1 đến 1,5 dòng', 'Paragraph › Line spacing: single to 1.5 lines'),
    });
  }
  return out;
}

export const layoutBodyText: Rule = {
  id: 'KH1005',
  alias: 'layout-body-text',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false,
  description: t(
    'Đoạn nội dung chưa đúng thể thức: cỡ chữ 13–14, canh đều hai lề, lùi đầu dòng 1–1,27 cm, cách đoạn tối thiểu 6 pt, giãn dòng 1–1,5 (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.e)',
    'Body text off the standard: 13–14 pt, justified, first-line indent 1–1.27 cm, at least 6 pt between paragraphs, single to 1.5 line spacing (Decree 30/2020/NĐ-CP, Appendix I, II.6.e)',
  ),
  rationale: t(
    'Phụ lục I, Phần I, mục II.6.e Nghị định 30/2020/NĐ-CP: nội dung văn bản chữ in thường, canh đều cả hai lề, kiểu chữ đứng, cỡ chữ 13–14; ' +
      'chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm; khoảng cách giữa các đoạn tối thiểu 6 pt; khoảng cách giữa các dòng từ dòng đơn đến 1,5 dòng. ' +
      'Chỉ xét đoạn văn (từ 40 ký tự, không phải đề mục in đậm; canh lề chỉ xét đoạn dài hơn một dòng) giữa trích yếu và "Nơi nhận", ngoài bảng, không đánh số tự động; mỗi loại sai lệch báo một lần, các đoạn khác kèm theo. ' +
      'Chỉ kiểm tra tệp Word (.docx). Sửa: Trang đầu › Đoạn văn (Paragraph): Căn đều, Thụt lề Dòng đầu 1,27 cm, Giãn đoạn Sau 6 pt.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, II.6.e: body text upright, justified, 13–14 pt; first line indented 1 cm or 1.27 cm; ' +
      'at least 6 pt between paragraphs; line spacing from single to 1.5 lines. Only paragraphs between the subject and "Nơi nhận", ' +
      'outside tables and not list-numbered are judged (40 characters or more, not a bold heading; alignment only on paragraphs longer than a line); each kind of deviation is reported once with the other paragraphs attached. ' +
      'Checked on Word (.docx) files only. Fix: Home › Paragraph: Justify, Special First line 1.27 cm, Spacing After 6 pt.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const body = bodyParagraphs(ctx, layout);
    const byKey = new Map<string, { text: Text; ordinals: number[]; fix: LayoutFix }>();
    for (const p of body) {
      const next = layout.paragraphs.slice(p.ordinal + 1).find((q) => q.text.trim() !== '' && !q.inTable);
      for (const pr of problems(p, next)) {
        const group = byKey.get(pr.key) ?? { text: pr.text, ordinals: [], fix: { title: pr.fixTitle } };
        group.ordinals.push(p.ordinal);
        if (pr.runs) (group.fix.runs ??= []).push({ paragraph: p.ordinal, from: 0, to: p.text.length, set: pr.runs });
        if (pr.para) (group.fix.paragraphs ??= []).push({ paragraph: p.ordinal, set: pr.para });
        byKey.set(pr.key, group);
      }
    }
    for (const { text, ordinals, fix } of byKey.values()) {
      const span = paragraphSpan(ctx, layout, ordinals[0]);
      if (!span) continue;
      const more = ordinals.length - 1;
      ctx.report({
        span,
        message: t(
          `Đoạn nội dung${more ? ` (và ${more} đoạn khác)` : ''}: ${text.vi} — Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.e`,
          `Body paragraph${more ? ` (and ${more} more)` : ''}: ${text.en} — Decree 30/2020/NĐ-CP, Appendix I, II.6.e`,
        ),
        related: relatedParagraphs(ctx, layout, ordinals.slice(1), t('cùng sai lệch', 'same deviation')),
        layoutFix: fix,
      });
    }
  },
};
