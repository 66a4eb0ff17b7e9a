// KH801: an agency that does not exist at the plan's date. From 1 March 2025 provincial
// departments and ministries were merged (Nghị định 45/2025/NĐ-CP; Nghị quyết 176/2025/QH15):
// a plan drafted after that which assigns work to "Sở Kế hoạch và Đầu tư" assigns it to nobody.
// Local levels (UBND huyện, thị trấn) are KH802's. Bodies named in a citation of an earlier
// document, or marked "(cũ)", are history and stay quiet.

import type { Fix, Rule } from '../rule';
import { t } from '../i18n';
import { matchCase } from '../registry/agency-names';
import { dayAfter, docAgencies, isHistorical, isoOf, oneLine, viDate } from './agency-common';

export const agencyDefunct: Rule = {
  id: 'KH801',
  alias: 'agency-defunct',
  category: 'agency',
  defaultSeverity: 'error',
  fixable: true,
  description: t(
    'Cơ quan không còn tồn tại (hoặc chưa thành lập) tại ngày của kế hoạch',
    'An agency that no longer exists (or does not exist yet) at the plan\'s date',
  ),
  rationale: t(
    'Từ 01/3/2025 các sở, bộ được sắp xếp lại (Nghị định 45/2025/NĐ-CP; Nghị quyết 176/2025/QH15): Sở Kế hoạch và Đầu tư hợp nhất vào Sở Tài chính, ' +
      'Sở Giao thông vận tải vào Sở Xây dựng, Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ, Sở Nông nghiệp và PTNT với Sở Tài nguyên và Môi trường thành ' +
      'Sở Nông nghiệp và Môi trường; Sở Lao động - Thương binh và Xã hội và Ban Dân tộc được chia nhiệm vụ cho nhiều cơ quan. Giao việc cho cơ quan đã giải thể là giao cho không ai. ' +
      'Sửa: thay bằng cơ quan kế thừa (khi nhiệm vụ bị chia, chọn cơ quan theo nội dung nhiệm vụ). Kế hoạch ban hành trước ngày sắp xếp, hoặc trích dẫn văn bản cũ, không bị báo.',
    'From 1 March 2025 departments and ministries were merged (Decree 45/2025/NĐ-CP; Resolution 176/2025/QH15): Planning and Investment into Finance, ' +
      'Transport into Construction, Information and Communications into Science and Technology, Agriculture and Natural Resources into Agriculture and Environment; ' +
      'Labour-Invalids-Social Affairs and the Ethnic Minorities Committee had their functions split. Work assigned to a dissolved body is assigned to nobody. ' +
      'Fix: name the successor (for split bodies, the one whose functions the task concerns). Plans dated before the change, and citations of old documents, are not flagged.',
  ),
  check(ctx) {
    const { mentions, registry } = docAgencies(ctx);
    const today = isoOf(ctx.planDate);
    const planDay = viDate(today);
    for (const m of mentions) {
      const r = m.record;
      // Local government levels are KH802's (one finding per span).
      if (r.level === 'district' || r.level === 'commune') continue;
      const written = oneLine(m.text);
      if (r.from && today < r.from && !r.optional) {
        ctx.report({
          span: m,
          severity: 'warning',
          message: t(
            `"${written}" chưa được thành lập tại ngày của kế hoạch (${planDay}); cơ quan này có từ ${viDate(r.from)}. Kiểm tra lại ngày của kế hoạch hoặc tên cơ quan.`,
            `"${written}" did not exist yet at the plan's date (${today}); it exists from ${r.from}. Check the plan's date or the agency's name.`,
          ),
        });
        continue;
      }
      if (!r.until || today <= r.until) continue;
      if (isHistorical(ctx.doc, m, dayAfter(r.until))) continue;
      const successors = registry.successorsOf(r);
      const since = viDate(dayAfter(r.until));
      const split = successors.length > 1;
      const fixes: Fix[] = successors.map((s) => ({
        title: s.functions
          ? t(`Thay bằng "${s.record.name}" (${s.functions})`, `Replace with "${s.record.name}" (${s.functions})`)
          : t(`Thay bằng "${s.record.name}"`, `Replace with "${s.record.name}"`),
        edits: [{ start: m.start, end: m.end, text: matchCase(m.text, s.record.name) }],
        // Renaming who is assigned is the drafter's decision (and a split body has no single
        // successor): a quick fix to pick, never part of "fix all", which must not replace words.
        preferred: false,
      }));
      let vi: string;
      let en: string;
      if (successors.length === 0) {
        vi = `"${written}" không còn tồn tại tại ngày của kế hoạch (${planDay}); đã giải thể từ ${since}.`;
        en = `"${written}" no longer exists at the plan's date (${today}); dissolved from ${dayAfter(r.until)}.`;
      } else if (!split) {
        vi = `"${written}" không còn tồn tại tại ngày của kế hoạch (${planDay}): từ ${since} nhiệm vụ thuộc ${successors[0].record.name}.`;
        en = `"${written}" no longer exists at the plan's date (${today}): from ${dayAfter(r.until)} its work belongs to ${successors[0].record.name}.`;
      } else {
        const listVi = successors.map((s) => (s.functions ? `${s.record.name} (${s.functions})` : s.record.name)).join('; ');
        vi = `"${written}" không còn tồn tại tại ngày của kế hoạch (${planDay}): từ ${since} nhiệm vụ được chia cho ${listVi}. Chọn cơ quan theo nội dung nhiệm vụ.`;
        en = `"${written}" no longer exists at the plan's date (${today}): from ${dayAfter(r.until)} its work is split between ${listVi}. Choose by the task's subject.`;
      }
      ctx.report({ span: m, message: t(vi, en), fixes });
    }
  },
};
