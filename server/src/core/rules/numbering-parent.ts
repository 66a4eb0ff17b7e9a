// KH103: a sub-number carries its parent's number: "2.3." sits under "2.", "2.3.1." under "2.3.".
// ND30 does not define 1.1. numbering, but where it is used the prefix must match.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { shown } from './numbering-common';

export const numberingParent: Rule = {
  id: 'KH103',
  alias: 'numbering-parent',
  category: 'numbering',
  defaultSeverity: 'warning',
  fixable: true,
  description: t('Số thứ tự nhiều cấp (2.3.) không khớp với mục cha', 'A multi-level number (2.3.) does not match its parent item'),
  rationale: t(
    'Mục đánh số "2.3." phải nằm dưới khoản "2." (và "2.3.1." dưới "2.3."). Khi tiền tố không khớp, người đọc và các văn bản dẫn chiếu sẽ tìm sai chỗ. ' +
      'Sửa: đổi tiền tố theo số của mục cha.',
    'An item numbered "2.3." belongs under clause "2." (and "2.3.1." under "2.3."). A prefix that does not match sends readers and references to the wrong place. ' +
      'Fix: change the prefix to the parent\'s number.',
  ),
  check(ctx) {
    const items = ctx.doc.items;
    for (const it of items) {
      const l = it.label;
      if (!l || l.style !== 'decimal' || !l.parts || l.parts.length < 2) continue;
      // nearest ancestor numbered 1. / 1- / 1.1.
      let p = it.parent;
      while (p >= 0) {
        const s = items[p].label?.style;
        if (s === 'arabic' || s === 'arabic-dash' || s === 'decimal') break;
        p = items[p].parent;
      }
      if (p < 0) continue;
      const pl = items[p].label!;
      const parentParts = pl.style === 'decimal' ? pl.parts ?? [] : pl.value !== undefined ? [pl.value] : [];
      const prefix = l.parts.slice(0, -1);
      if (parentParts.length === 0 || parentParts.length !== prefix.length) continue;
      if (prefix.every((v, k) => v === parentParts[k])) continue;
      const wantParts = [...parentParts, l.parts[l.parts.length - 1]];
      const want = l.raw.replace(/\d+(?:\.\d+)+/, wantParts.join('.'));
      ctx.report({
        span: l,
        message: t(
          `Mục "${shown(l)}" nằm dưới mục "${shown(pl)}", số thứ tự phải bắt đầu bằng "${parentParts.join('.')}." ("${want}")`,
          `"${shown(l)}" sits under "${shown(pl)}"; its number should start with "${parentParts.join('.')}." ("${want}")`,
        ),
        related: [{ message: t('Mục cha', 'The parent item'), span: pl }],
        fixes: [{ title: t(`Đổi thành "${want}"`, `Change to "${want}"`), edits: [{ start: l.start, end: l.end, text: want }], preferred: true }],
      });
    }
  },
};
