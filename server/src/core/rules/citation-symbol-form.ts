// KH401: the shape of a số/ký hiệu must match its issuer's kind. State bodies write
// "số/TYPE-ISSUER" (94/NQ-CP, 33/CT-TTg); Party bodies "số-TYPE/ISSUER" (43-NQ/TW, 55-CTr/TU).
// "94-NQ/CP" (147/KH-UBND) is a Party shape on a Government resolution; "43/NQ-TW" the reverse.
// The fix keeps the number, type and issuer as written and only swaps the separators.
// A symbol in the right shape with a stray space inside ("227/QĐ- TTg", "75/KH- UBND") is the
// same defect of form: a symbol is written without spaces; the fix removes them.

import type { Citation } from '../model';
import type { RelatedPlace, Rule, RuleContext } from '../rule';
import { t } from '../i18n';
import { isPartyIssuer, isStateIssuer } from '../parse/citation-symbol';
import { shownSymbol, symbolKey } from './citation-common';

const PARTY_RAW = /^(\d+)\s*[-–]\s*([^\s/]+)\s*\/\s*(\S+)$/u;
const STATE_RAW = /^(\d+)\s*\/\s*([^\s\-–/]+)\s*[-–]\s*(\S+)$/u;

/** "227/QĐ- TTg" → "227/QĐ-TTg": spaces around the separators of a symbol whose shape is right. */
function reportStraySpace(ctx: RuleContext, c: Citation): void {
  const n = c.number;
  if (n.number === '' || !/[ \t]/.test(n.raw)) return;
  const fixed = n.raw.replace(/[ \t]+/g, '');
  ctx.report({
    span: n,
    message: t(
      `Ký hiệu "${n.raw}" có dấu cách thừa: ký hiệu văn bản viết liền → "${fixed}"`,
      `Symbol "${n.raw}" has a stray space: a symbol is written without spaces → "${fixed}"`,
    ),
    fixes: [{ title: t(`Sửa thành "${fixed}"`, `Change to "${fixed}"`), edits: [{ start: n.start, end: n.end, text: fixed }], preferred: true }],
  });
}

/** The form the issuer calls for, when the written one is the other. */
function expectedForm(c: Citation): 'state' | 'party' | undefined {
  const n = c.number;
  if (n.number === '' || n.type === 'CV' || n.type === '') return undefined;
  if (n.form === 'party' && isStateIssuer(n.issuer)) return 'state';
  if (n.form === 'state' && n.year === undefined && isPartyIssuer(n.issuer)) return 'party';
  return undefined;
}

export const citationSymbolForm: Rule = {
  id: 'KH401',
  alias: 'citation-symbol-form',
  category: 'citation',
  defaultSeverity: 'warning',
  fixable: true,
  description: t(
    'Ký hiệu văn bản viết sai kiểu: văn bản Nhà nước "94/NQ-CP", văn bản của Đảng "43-NQ/TW"',
    'Document symbol in the wrong shape: State "94/NQ-CP", Party "43-NQ/TW"',
  ),
  rationale: t(
    'Văn bản của cơ quan Nhà nước ghi số/ký hiệu dạng "số/Loại-Cơ quan" (94/NQ-CP, 33/CT-TTg; NĐ 30/2020/NĐ-CP); văn bản của Đảng ' +
      'ghi "số-Loại/Cơ quan" (43-NQ/TW, 55-CTr/TU; Hướng dẫn 36-HD/VPTW). Viết lẫn hai kiểu ("94-NQ/CP") làm sai ký hiệu văn bản được trích dẫn.',
    'State documents are numbered "number/TYPE-ISSUER" (94/NQ-CP, 33/CT-TTg; Decree 30/2020/NĐ-CP); Party documents "number-TYPE/ISSUER" ' +
      '(43-NQ/TW, 55-CTr/TU; Guide 36-HD/VPTW). Mixing the two ("94-NQ/CP") misstates the cited symbol.',
  ),
  check(ctx) {
    const cits = ctx.doc.citations;
    // The first occurrence written in the right shape, per document, for "related".
    const good = new Map<string, Citation>();
    for (const c of cits) {
      if (expectedForm(c) === undefined && c.number.number !== '' && !good.has(symbolKey(c.number))) good.set(symbolKey(c.number), c);
    }
    for (const c of cits) {
      const form = expectedForm(c);
      if (!form) {
        reportStraySpace(ctx, c);
        continue;
      }
      const n = c.number;
      const raw = n.raw;
      const pm = form === 'state' ? PARTY_RAW.exec(raw) : STATE_RAW.exec(raw);
      const fixed = pm ? (form === 'state' ? `${pm[1]}/${pm[2]}-${pm[3]}` : `${pm[1]}-${pm[2]}/${pm[3]}`) : undefined;
      const shown = shownSymbol(n);
      const kind = form === 'state'
        ? { vi: `văn bản Nhà nước (${n.issuer}) ghi dạng số/Loại-Cơ quan`, en: `a State document (${n.issuer}) is written number/TYPE-ISSUER` }
        : { vi: `văn bản của Đảng (${n.issuer}) ghi dạng số-Loại/Cơ quan`, en: `a Party document (${n.issuer}) is written number-TYPE/ISSUER` };
      const related: RelatedPlace[] = [];
      const other = good.get(symbolKey(n));
      if (other) related.push({ message: t(`Viết đúng ở đây: "${shownSymbol(other.number)}"`, `Written correctly here: "${shownSymbol(other.number)}"`), span: other.number });
      ctx.report({
        span: n,
        message: fixed
          ? t(`Ký hiệu "${shown}" viết sai kiểu: ${kind.vi} → "${fixed}"`, `Symbol "${shown}" in the wrong shape: ${kind.en} → "${fixed}"`)
          : t(`Ký hiệu "${shown}" viết sai kiểu: ${kind.vi}`, `Symbol "${shown}" in the wrong shape: ${kind.en}`),
        ...(fixed ? { fixes: [{ title: t(`Sửa thành "${fixed}"`, `Change to "${fixed}"`), edits: [{ start: n.start, end: n.end, text: fixed }], preferred: true }] } : {}),
        ...(related.length ? { related } : {}),
      });
    }
  },
};
