// KH408: a citation whose number was left blank ("Nghị quyết số /NQ-CP ngày 01 tháng 01 năm 2025",
// the appendix header of 03/NQ-CP): a template placeholder that survived signing. A draft whose
// own number is still blank may name itself that way; that is left alone. When the blank
// citation is the document naming itself ("Kèm theo …") and the header's number has the same type
// and issuer, the fix fills in the header's number.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { isSelfReference } from './citation-common';

export const citationBlankNumber: Rule = {
  id: 'KH408',
  alias: 'citation-blank-number',
  category: 'citation',
  defaultSeverity: 'error',
  fixable: true,
  description: t('Số của văn bản được trích dẫn để trống ("số /NQ-CP")', 'Cited document number left blank ("số /NQ-CP")'),
  rationale: t(
    'Số văn bản để trống là chỗ chờ điền của bản dự thảo còn sót lại khi ban hành. Điền số văn bản; nếu là chính văn bản này (phụ lục "Kèm theo …"), ' +
      'dùng số ở phần đầu văn bản.',
    'A blank number is a drafting placeholder left in the issued text. Fill it in; if it is this very document (an appendix "Kèm theo …"), ' +
      'use the number in the header.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    const own = doc.header.number;
    for (const c of doc.citations) {
      const n = c.number;
      if (n.number !== '') continue;
      const self = isSelfReference(c, doc);
      // A draft names itself before it has a number ("Kèm theo Kế hoạch số    /KH-UBND" under
      // "Số:    /KH-UBND"): the number is given at signing, so that is not a slip yet.
      if (self && (!own || own.number === '')) continue;
      const fillable = self && own && own.number !== '' && own.type.toUpperCase() === n.type.toUpperCase() && own.issuer.toUpperCase() === n.issuer.toUpperCase();
      const raw = n.raw.trim();
      const what = c.typeWord ? `${c.typeWord.value.replace(/\s+/g, ' ')} số ${raw}` : raw;
      // Replace the blank (the spaces between "số" and "/") with one space and the number.
      const slash = doc.text.indexOf('/', n.start);
      let blankStart = Math.min(n.start, slash);
      while (blankStart > 0 && (doc.text[blankStart - 1] === ' ' || doc.text[blankStart - 1] === '\t')) blankStart--;
      ctx.report({
        span: { start: c.typeWord ? c.typeWord.start : n.start, end: n.end },
        message: fillable && own
          ? t(`Số văn bản để trống: "${what}" — đây là chính văn bản này, số ${own.raw.replace(/\s+/g, '')}`, `Number left blank: "${what}" — this is this very document, number ${own.raw.replace(/\s+/g, '')}`)
          : t(`Số văn bản để trống: "${what}"`, `Number left blank: "${what}"`),
        ...(fillable && own && slash > 0 && slash < n.end
          ? { fixes: [{ title: t(`Điền số ${own.number}`, `Fill in number ${own.number}`), edits: [{ start: blankStart, end: slash, text: ` ${own.number}` }], preferred: true }] }
          : {}),
      });
    }
  },
};
