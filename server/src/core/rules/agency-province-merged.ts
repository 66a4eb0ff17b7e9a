// KH803: "tỉnh X" where province X was merged into another (Nghị quyết 202/2025/QH15, 63 → 34
// from 1 July 2025; Thừa Thiên Huế became the city of Huế on 1 January 2025). Only the
// "tỉnh X" pattern is read — a place name in prose, an old address ("huyện Yên Bình, tỉnh Yên
// Bái"), a citation of an earlier document or a name marked "(cũ)" is history, not a mistake.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { loadProvinces } from '../registry/agency-provinces';
import { matchCase } from '../registry/agency-names';
import { dayAfter, docAgencies, inReformContext, isHistorical, isoOf, viDate } from './agency-common';

/** "huyện Yên Bình, " / "thị xã Nghĩa Lộ, " just before: an address as it was, not a current unit. */
const OLD_ADDRESS_BEFORE = /(huyện|thị xã|quận|thị trấn|thành phố)\s+[\p{Lu}][\p{L}\p{M}]*(?:\s+[\p{Lu}\d][\p{L}\p{M}\d]*){0,3}\s*,\s*$/u;

export const agencyProvinceMerged: Rule = {
  id: 'KH803',
  alias: 'agency-province-merged',
  category: 'agency',
  defaultSeverity: 'error',
  fixable: true,
  description: t(
    'Tên tỉnh đã sáp nhập vào tỉnh khác tại ngày của kế hoạch ("tỉnh Hà Giang" sau 01/7/2025)',
    'A province that had been merged into another at the plan\'s date ("tỉnh Hà Giang" after 1 July 2025)',
  ),
  rationale: t(
    'Nghị quyết 202/2025/QH15 sắp xếp 63 tỉnh, thành phố thành 34; chính quyền các tỉnh mới hoạt động từ 01/7/2025 ' +
      '(ví dụ Hà Giang vào Tuyên Quang, Bắc Kạn vào Thái Nguyên, Yên Bái vào Lào Cai, Long An vào Tây Ninh). Kế hoạch ban hành sau đó ' +
      'phải gọi tên tỉnh mới. Chỉ kiểm tra mẫu "tỉnh X"; địa chỉ cũ, trích dẫn văn bản trước đó và tên ghi "(cũ)" không bị báo.',
    'Resolution 202/2025/QH15 merged 63 provinces and cities into 34, with the new provincial governments from 1 July 2025 ' +
      '(e.g. Hà Giang into Tuyên Quang, Bắc Kạn into Thái Nguyên, Yên Bái into Lào Cai, Long An into Tây Ninh). A plan dated after that must ' +
      'name the new province. Only "tỉnh X" is checked; old addresses, citations of earlier documents and names marked "(cũ)" are not flagged.',
  ),
  check(ctx) {
    const today = isoOf(ctx.planDate);
    const provinces = loadProvinces();
    const { tokens } = docAgencies(ctx);
    const text = ctx.doc.text;
    for (const m of provinces.scan(text, tokens)) {
      const p = m.province;
      if (!p.until || !p.mergedInto || today <= p.until) continue;
      const cutover = dayAfter(p.until);
      // History: a cited document (or its title), "(cũ)", or a clause about the merger itself ("trước sáp nhập").
      if (isHistorical(ctx.doc, m, cutover) || inReformContext(text, m)) continue;
      if (OLD_ADDRESS_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start))) continue;
      const written = text.slice(m.start, m.end).replace(/\s+/g, ' ');
      const kind = p.mergedIntoKind ?? 'tỉnh';
      const newName = `${kind} ${p.mergedInto}`;
      const word = text.slice(m.start, m.nameStart).trim();
      // Keep the case of "tỉnh"/"Tỉnh"/"TỈNH" for the kind word and the whole when in capitals.
      const replacement = matchCase(written, matchCase(word, kind) + ' ' + p.mergedInto);
      ctx.report({
        span: m,
        message: t(
          `"${written}" không còn tại ngày của kế hoạch (${viDate(today)}): từ ${viDate(cutover)} thuộc ${newName}.`,
          `"${written}" no longer exists at the plan's date (${today}): since ${cutover} it is part of ${newName}.`,
        ),
        fixes: [{ title: t(`Thay bằng "${newName}"`, `Replace with "${newName}"`), edits: [{ start: m.start, end: m.end, text: replacement }], preferred: false }],
      });
    }
  },
};
