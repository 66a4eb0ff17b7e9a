// KH405: the first citation of a document gives its date (ND30, Phụ lục I, II.6.b: type, number and
// symbol, date, issuer and subject; later mentions may be short). Only the first mention of each
// document is checked; a document quoted inside another one's subject ("… về tiếp tục thực hiện
// Nghị quyết số 24-NQ/TW …") is a title, not a citation the plan makes, and legal normative
// documents carry their year in the symbol (30/2020/NĐ-CP), so both are left alone.

import type { Citation } from '../model';
import type { Rule } from '../rule';
import { t } from '../i18n';
import { isSelfReference, nestedCitations, shownSymbol, symbolKey } from './citation-common';

export const citationMissingDate: Rule = {
  id: 'KH405',
  alias: 'citation-missing-date',
  category: 'citation',
  defaultSeverity: 'information',
  fixable: false,
  description: t('Lần trích dẫn đầu tiên thiếu ngày ban hành', 'First citation of a document without its date'),
  rationale: t(
    'Lần đầu viện dẫn, phải ghi đầy đủ tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu (NĐ 30/2020/NĐ-CP, Phụ lục I, II.6.b); ' +
      'các lần sau có thể ghi gọn.',
    'The first reference gives the type, number and symbol, date, issuer and subject (Decree 30/2020, Appendix I, II.6.b); later ones may be short.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    const nested = nestedCitations(doc);
    const seen = new Map<string, Citation>();
    const dated = new Set<string>();
    // The first two dated citations of each document, for "the date is given later" (a find over
    // all citations per finding would be quadratic).
    const datedOf = new Map<string, Citation[]>();
    for (const o of doc.citations) {
      if (!o.date) continue;
      const k = symbolKey(o.number);
      const list = datedOf.get(k);
      if (!list) datedOf.set(k, [o]);
      else if (list.length < 2) list.push(o);
    }
    for (const c of doc.citations) {
      if (c.number.number === '' || isSelfReference(c, doc)) continue;
      const key = symbolKey(c.number);
      // A date given earlier, even inside another citation's subject, identifies the document.
      const hadDate = dated.has(key);
      if (c.date) dated.add(key);
      if (nested.has(c) || seen.has(key)) continue;
      seen.set(key, c);
      if (c.date || hadDate || c.number.year !== undefined) continue;
      // A line that is only "Nghị quyết số 57-NQ/TW" is a document's title, not a citation.
      if (isTitleLine(doc.text, c)) continue;
      const later = datedOf.get(key)?.find((o) => o !== c);
      const what = c.typeWord ? `${c.typeWord.value.replace(/\s+/g, ' ')} số ${shownSymbol(c.number)}` : shownSymbol(c.number);
      ctx.report({
        span: { start: c.start, end: c.number.end },
        message: t(
          `Lần trích dẫn đầu tiên "${what}" thiếu ngày ban hành`,
          `First citation "${what}" gives no date`,
        ),
        ...(later && later.date ? { related: [{ message: t('Ngày được ghi ở lần trích dẫn sau', 'The date is given in a later citation'), span: later.date }] } : {}),
      });
    }
  },
};

function isTitleLine(text: string, c: Citation): boolean {
  // Walk only over blanks to the line's ends: searching for the newline itself is quadratic on a
  // text of one long line.
  for (let i = c.start - 1; i >= 0 && text[i] !== '\n'; i--) if (!/\s/.test(text[i])) return false;
  for (let i = c.end; i < text.length && text[i] !== '\n'; i++) if (!/\s/.test(text[i])) return false;
  return true;
}
