// KH104: one numbering style among sibling items — "1." and "1-" mixed under one section, or
// "I." beside "II-". Party documents use "1-" throughout a section, State documents "1."; a mix is
// a paste from two drafts.

import type { OutlineItem } from '../model';
import type { Rule } from '../rule';
import { t } from '../i18n';
import { siblingGroups, shown } from './numbering-common';

/** The mark after the number: "." / "-" / ")". */
function markOf(raw: string): string {
  const m = /([.\-–)])\s*$/.exec(raw.replace(/\s+/g, ''));
  return m ? (m[1] === '–' ? '-' : m[1]) : '';
}

export const numberingStyle: Rule = {
  id: 'KH104',
  alias: 'numbering-style',
  category: 'numbering',
  defaultSeverity: 'information',
  fixable: true,
  description: t('Các mục cùng cấp dùng lẫn kiểu đánh số ("1." và "1-")', 'Items at one level mix numbering styles ("1." and "1-")'),
  rationale: t(
    'Các mục cùng cấp phải đánh số cùng một kiểu: văn bản hành chính dùng "1.", văn bản của Đảng thường dùng "1-". ' +
      'Dùng lẫn hai kiểu thường là dấu hiệu ghép từ hai bản thảo. Sửa: dùng kiểu của đa số các mục.',
    'Items at one level take one numbering style: State documents use "1.", Party documents often "1-". ' +
      'A mix usually means two drafts were pasted together. Fix: use the style most siblings use.',
  ),
  check(ctx) {
    for (const group of siblingGroups(ctx.doc)) {
      if (group.length < 2) continue;
      const byMark = new Map<string, OutlineItem[]>();
      for (const it of group) {
        const m = markOf(it.label!.raw);
        if (!byMark.has(m)) byMark.set(m, []);
        byMark.get(m)!.push(it);
      }
      if (byMark.size < 2) continue;
      // the majority style wins; on a tie, the first item's
      const first = markOf(group[0].label!.raw);
      const major = [...byMark.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] === first ? -1 : b[0] === first ? 1 : 0))[0][0];
      const example = byMark.get(major)![0].label!;
      for (const [mark, items] of byMark) {
        if (mark === major) continue;
        for (const it of items) {
          const l = it.label!;
          const want = mark === '' ? l.raw + major : l.raw.replace(/[.\-–)](\s*)$/, `${major}$1`);
          ctx.report({
            span: l,
            message: t(
              `Mục "${shown(l)}" đánh số khác kiểu với các mục cùng cấp (như "${shown(example)}")`,
              `"${shown(l)}" is numbered in another style than its siblings (such as "${shown(example)}")`,
            ),
            related: [{ message: t('Mục cùng cấp theo kiểu chung', 'A sibling in the common style'), span: example }],
            fixes: [{ title: t(`Đổi thành "${want}"`, `Change to "${want}"`), edits: [{ start: l.start, end: l.end, text: want }], preferred: true }],
          });
        }
      }
    }
  },
};
