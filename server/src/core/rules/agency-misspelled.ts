// KH804: a name one syllable away from a known agency — "Sở Giáo dục và Đạo tạo", "Văn phòng
// Tình ủy" (OCR), "Sở Kế hoạch Đầu tư" — which search, the assignment matrix and the other agency
// rules would not recognise. Case is not spelling: "Sở Ngoại Vụ" is the known "Sở Ngoại vụ" and
// is not reported. The head syllable ("Sở", "Ban", "Bộ") must be exact and capitalised, and the
// near-match must cover the whole written name: a longer name is another body, maybe unknown.

import type { Fix, Rule } from '../rule';
import { t } from '../i18n';
import { fuzzyAt, matchCase } from '../registry/agency-names';
import { nameContinues } from '../registry/body-shape';
import { docAgencies, oneLine } from './agency-common';

export const agencyMisspelled: Rule = {
  id: 'KH804',
  alias: 'agency-misspelled',
  category: 'agency',
  defaultSeverity: 'warning',
  fixable: true,
  description: t(
    'Tên cơ quan viết sai một âm tiết so với tên đã biết',
    'An agency name one syllable off a known one',
  ),
  rationale: t(
    'Tên cơ quan viết sai ("Sở Giáo dục và Đạo tạo", "Văn phòng Tình ủy" do OCR) làm văn bản thiếu chuẩn xác và khiến việc tra cứu, tổng hợp ' +
      'phân công theo cơ quan bỏ sót. Quy tắc so sánh theo âm tiết, không phân biệt chữ hoa/thường (viết hoa sai không phải sai chính tả). ' +
      'Sửa: dùng đúng tên cơ quan.',
    'A misspelt agency name ("Đạo tạo" for "Đào tạo", OCR "Tình ủy" for "Tỉnh ủy") reads badly and is missed by search and by the per-agency ' +
      'assignment matrix. Names are compared by syllable, ignoring case (wrong capitals are not a misspelling). Fix: write the agency\'s name.',
  ),
  check(ctx) {
    const { tokens, mentions, registry } = docAgencies(ctx);
    const text = ctx.doc.text;
    let mi = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens.upper[i] || !registry.trie.next.has(tokens.key[i])) continue;
      const at = tokens.start[i];
      while (mi < mentions.length && mentions[mi].end <= at) mi++;
      const inside = mi < mentions.length && mentions[mi].start <= at;
      if (inside) continue;
      const f = fuzzyAt(text, tokens, i, registry.trie);
      if (!f) continue;
      // The written name goes on ("Thường trực Ủy ban KH,CN&MT" against "Thường trực Tỉnh ủy"): a
      // prefix of another body, not one syllable off a known one.
      if (nameContinues(text, tokens, f.last, registry.provinces.keyTokens)) continue;
      // Never across a known name that follows ("Ban Chỉ đạo ... Sở Nội vụ").
      const nextMention = mentions[mi];
      if (nextMention && nextMention.start < f.end) continue;
      // A name has a capital beyond its head ("Sở Giáo dục…", "Văn phòng Tỉnh ủy"); prose in lower case is not one.
      let capitals = 0;
      for (let k = i + 1; k < tokens.length && tokens.start[k] < f.end; k++) if (tokens.upper[k]) capitals++;
      if (capitals === 0) continue;
      const written = oneLine(text.slice(f.start, f.end));
      const single = f.candidates.length === 1;
      const fixes: Fix[] = f.candidates.map((c) => ({
        title: t(`Sửa thành "${c.display}"`, `Change to "${c.display}"`),
        edits: [{ start: f.start, end: f.end, text: matchCase(text.slice(f.start, f.end), c.display) }],
        preferred: single,
      }));
      const names = f.candidates.map((c) => `"${c.display}"`).join(t(' hoặc ', ' or ').vi);
      ctx.report({
        span: { start: f.start, end: f.end },
        message: t(
          `"${written}" không phải tên cơ quan đã biết; có phải là ${names}?`,
          `"${written}" is not a known agency name; did you mean ${f.candidates.map((c) => `"${c.display}"`).join(' or ')}?`,
        ),
        fixes,
      });
      // Continue after the reported name.
      while (i + 1 < tokens.length && tokens.start[i + 1] < f.end) i++;
    }
  },
};
