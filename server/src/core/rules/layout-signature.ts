// KH1008: the signature block (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.7.đ): "các chữ
// viết tắt quyền hạn như: "TM.", "Q.", "KT.", "TL.", "TUQ." và quyền hạn chức vụ của người ký được
// trình bày bằng chữ in hoa, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm"; "Họ và tên của người ký văn
// bản … bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm, được đặt canh giữa quyền hạn,
// chức vụ của người ký". Mục IV (ô 7a–7c) places the block on the right, beside Nơi nhận (ô 9b).
// Judged only when the block is recognised (signatureBlock: an authority prefix, or a head's
// title in the cell beside Nơi nhận, in a document with a quốc hiệu).

import type { Rule } from '../rule';
import { t, type Text } from '../i18n';
import type { ParagraphFormat } from '../docx/format';
import type { LayoutFix } from '../docx/layoutFix';
import { deviations, inkRuns, isUpper, joinTexts, normalizedText, paragraphSpan, recipientsBlock, runSetFor, runSetText, signatureBlock, type TextSpec } from './layout-common';

const TITLE: TextSpec = { size: [13, 14], bold: true, italic: false };
const NAME: TextSpec = { size: [13, 14], bold: true, italic: false };
const LEFT = new Set(['left', 'start', 'both', 'distribute']);

export const layoutSignature: Rule = {
  id: 'KH1008',
  alias: 'layout-signature',
  category: 'layout',
  defaultSeverity: 'warning',
  fixable: false, // no text edit: the fix is formatting (layoutFix), applied in the reviewer's copy
  description: t(
    'Khối chữ ký chưa đúng thể thức: quyền hạn, chức vụ in hoa cỡ 13–14 đứng đậm; họ tên cỡ 13–14 đứng đậm, canh giữa chức vụ; đặt bên phải (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7.đ)',
    'Signature block off the standard: authority and title in capitals 13–14 pt upright bold; the name 13–14 pt upright bold, centred under the title; on the right (Decree 30/2020/NĐ-CP, Appendix I, II.7.đ)',
  ),
  rationale: t(
    'Phụ lục I, Phần I, mục II.7.đ Nghị định 30/2020/NĐ-CP: các chữ viết tắt quyền hạn "TM.", "Q.", "KT.", "TL.", "TUQ." và quyền hạn, chức vụ của người ký ' +
      'trình bày bằng chữ in hoa, cỡ 13–14, đứng, đậm (ô 7a, 7b); họ và tên người ký chữ in thường, cỡ 13–14, đứng, đậm, canh giữa quyền hạn, chức vụ (ô 7b); ' +
      'Mục IV: khối chữ ký ở bên phải, ngang hàng "Nơi nhận" (ô 9b) bên trái. Chỉ kiểm tra tệp Word (.docx) có quốc hiệu, và chỉ khi nhận ra khối chữ ký ' +
      '(dòng mở đầu bằng TM./KT./Q./TL./TUQ., hoặc chức vụ người đứng đầu ở ô bên cạnh "Nơi nhận"). Sửa: đặt cỡ chữ, đậm, chữ đứng như trên; canh giữa họ tên.',
    'Decree 30/2020/NĐ-CP, Appendix I, Part I, II.7.đ: the authority abbreviations "TM.", "Q.", "KT.", "TL.", "TUQ." and the signer\'s authority and title ' +
      'in capitals, 13–14 pt, upright, bold (boxes 7a, 7b); the signer\'s name in ordinary case, 13–14 pt, upright, bold, centred under the title (box 7b); ' +
      'Section IV: the block on the right, level with "Nơi nhận" (box 9b) on the left. Checked on Word (.docx) files with a national name, and only when the block ' +
      'is recognised (a line opening with TM./KT./Q./TL./TUQ., or a head\'s title in the cell beside "Nơi nhận"). Fix: set size, bold and upright as above; centre the name.',
  ),
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const block = signatureBlock(ctx, layout);
    if (!block) return;
    const say = (p: ParagraphFormat, what: Text, fix?: LayoutFix) => {
      const span = paragraphSpan(ctx, layout, p.ordinal);
      if (!span) return;
      ctx.report({
        span,
        message: t(`${what.vi} — Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7.đ`, `${what.en} — Decree 30/2020/NĐ-CP, Appendix I, II.7.đ`),
        ...(fix ? { layoutFix: fix } : {}),
      });
    };

    // Authority and titles: one finding on the first line that deviates, the fix on every line.
    const titleFix: LayoutFix = { title: t('', ''), runs: [] };
    let firstTitle: { p: ParagraphFormat; what: Text[] } | undefined;
    for (const p of block.titles) {
      const runs = inkRuns(p);
      const what = deviations(runs, TITLE);
      const text = normalizedText(p.text);
      if (!isUpper(text) && !runs.every((r) => r.caps)) what.unshift(t('chưa in hoa', 'not in capitals'));
      const set = runSetFor(runs, TITLE);
      if (set) titleFix.runs!.push({ paragraph: p.ordinal, from: 0, to: p.text.length, set });
      if (what.length && !firstTitle) firstTitle = { p, what };
    }
    if (firstTitle) {
      const sets = titleFix.runs!.map((r) => r.set);
      const merged = Object.assign({}, ...sets);
      const words = runSetText(merged);
      titleFix.title = sets.length
        ? t(`Định dạng chữ quyền hạn, chức vụ: ${words.vi}`, `Format the authority and title: ${words.en}`)
        : t('Viết quyền hạn, chức vụ bằng chữ in hoa', 'Write the authority and title in capitals');
      const what = joinTexts(firstTitle.what);
      say(firstTitle.p, t(`Quyền hạn, chức vụ người ký: ${what.vi}`, `Signer's authority and title: ${what.en}`), titleFix);
    }

    // The name: size, weight, slant; centred under the title when the titles are centred.
    const name = block.name;
    if (name) {
      const runs = inkRuns(name);
      const what = deviations(runs, NAME);
      const set = runSetFor(runs, NAME);
      const centredTitles = block.titles.every((p) => p.jc === 'center');
      const offCentre = centredTitles && LEFT.has(name.jc) && !/^[\t ]/.test(name.text) && name.indentLeft === block.titles[0].indentLeft;
      if (offCentre) what.push(t('chưa canh giữa so với chức vụ', 'not centred under the title'));
      if (what.length) {
        const fix: LayoutFix = {
          title: set
            ? t(`Định dạng họ tên người ký: ${runSetText(set).vi}${offCentre ? '; canh giữa' : ''}`, `Format the signer's name: ${runSetText(set).en}${offCentre ? '; centre it' : ''}`)
            : t('Canh giữa họ tên người ký (Ctrl+E)', "Centre the signer's name (Ctrl+E)"),
          ...(set ? { runs: [{ paragraph: name.ordinal, from: 0, to: name.text.length, set }] } : {}),
          ...(offCentre ? { paragraphs: [{ paragraph: name.ordinal, set: { jc: 'center' as const } }] } : {}),
        };
        const w = joinTexts(what);
        say(name, t(`Họ tên người ký: ${w.vi}`, `Signer's name: ${w.en}`), fix);
      }
    }

    // Placement: outside a table, a block set flush left at the margin is not on the right (ô 7);
    // in the closing table, a block in a cell left of Nơi nhận's (same row) is on the wrong side.
    const head = block.titles[0];
    const label = recipientsBlock(layout)?.label;
    if (label && head.inTable && label.inTable && head.row === label.row && head.cell < label.cell) {
      say(head, t('Khối chữ ký nằm bên trái "Nơi nhận" (phải ở bên phải — ô 7a–7c, Mục IV; "Nơi nhận" ở ô 9b bên trái)', 'The signature block is left of "Nơi nhận" (it goes on the right — boxes 7a–7c, Section IV; "Nơi nhận" is box 9b on the left)'), {
        title: t('Đổi chỗ hai cột: "Nơi nhận" bên trái, khối chữ ký bên phải', 'Swap the two columns: "Nơi nhận" on the left, the signature on the right'),
      });
    }
    if (!head.inTable && block.titles.every((p) => LEFT.has(p.jc) && p.indentLeft < 1440 && !/^[\t ]/.test(p.text))) {
      say(head, t('Khối chữ ký nằm sát lề trái (phải đặt bên phải, ngang hàng "Nơi nhận" — ô 7a–7c, Mục IV)', 'The signature block sits at the left margin (it goes on the right, level with "Nơi nhận" — boxes 7a–7c, Section IV)'), {
        title: t('Đặt khối chữ ký vào cột phải của bảng hai cột không viền cùng "Nơi nhận"', 'Put the signature block in the right column of a borderless two-column table beside "Nơi nhận"'),
      });
    }
  },
};
