// KH401: the shape of a số/ký hiệu must match its issuer's kind. State bodies write
// "số/TYPE-ISSUER" (94/NQ-CP, 33/CT-TTg); Party bodies "số-TYPE/ISSUER" (43-NQ/TW, 55-CTr/TU).
// "94-NQ/CP" (147/KH-UBND) is a Party shape on a Government resolution; "43/NQ-TW" the reverse.
// The fix keeps the number, type and issuer as written and only swaps the separators.
// A symbol in the right shape with a stray space inside ("227/QĐ- TTg", "75/KH- UBND") is the
// same defect of form: a symbol is written without spaces; the fix removes them.

import type { Citation, DocumentNumber } from '../model';
import type { RelatedPlace, Rule, RuleContext } from '../rule';
import { t } from '../i18n';
import { canonicalIssuer, canonicalType, isPartyIssuer, isStateIssuer } from '../parse/citation-symbol';
import { shownSymbol, symbolKey } from './citation-common';

const PARTY_RAW = /^(\d+)\s*[-–]\s*([^\s/]+)\s*\/\s*(\S+)$/u;
const STATE_RAW = /^(\d+)\s*\/\s*([^\s\-–/]+)\s*[-–]\s*(\S+)$/u;

const STRAY_SPACE = /[ \t][/\-–]|[/\-–][ \t]/;

/** "227/QĐ- TTg" → "227/QĐ-TTg": spaces around the separators of a symbol whose shape is right. */
function reportStraySpace(ctx: RuleContext, c: Citation): void {
  const n = c.number;
  // Only spaces at a separator: "BCSĐ UBND" in a joint issuer is two words of one name.
  if (n.number === '' || !STRAY_SPACE.test(n.raw)) return;
  const fixed = n.raw.replace(/[ \t]*([/\-–])[ \t]*/g, '$1');
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
function expectedForm(n: DocumentNumber): 'state' | 'party' | undefined {
  if (n.number === '' || n.type === 'CV' || n.type === '') return undefined;
  if (n.form === 'party' && isStateIssuer(n.issuer)) return 'state';
  if (n.form === 'state' && n.year === undefined && isPartyIssuer(n.issuer)) return 'party';
  return undefined;
}

/** The finding for a symbol in the other shape, with the fix that swaps its separators. */
function reportWrongForm(ctx: RuleContext, n: DocumentNumber, form: 'state' | 'party', related: RelatedPlace[]): void {
  const pm = form === 'state' ? PARTY_RAW.exec(n.raw) : STATE_RAW.exec(n.raw);
  const fixed = pm ? (form === 'state' ? `${pm[1]}/${pm[2]}-${pm[3]}` : `${pm[1]}-${pm[2]}/${pm[3]}`) : undefined;
  const shown = shownSymbol(n);
  const kind = form === 'state'
    ? { vi: `văn bản Nhà nước (${n.issuer}) ghi dạng số/Loại-Cơ quan`, en: `a State document (${n.issuer}) is written number/TYPE-ISSUER` }
    : { vi: `văn bản của Đảng (${n.issuer}) ghi dạng số-Loại/Cơ quan`, en: `a Party document (${n.issuer}) is written number-TYPE/ISSUER` };
  ctx.report({
    span: n,
    message: fixed
      ? t(`Ký hiệu "${shown}" viết sai kiểu: ${kind.vi} → "${fixed}"`, `Symbol "${shown}" in the wrong shape: ${kind.en} → "${fixed}"`)
      : t(`Ký hiệu "${shown}" viết sai kiểu: ${kind.vi}`, `Symbol "${shown}" in the wrong shape: ${kind.en}`),
    ...(fixed ? { fixes: [{ title: t(`Sửa thành "${fixed}"`, `Change to "${fixed}"`), edits: [{ start: n.start, end: n.end, text: fixed }], preferred: true }] } : {}),
    ...(related.length ? { related } : {}),
  });
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
      if (expectedForm(c.number) === undefined && c.number.number !== '' && !good.has(symbolKey(c.number))) good.set(symbolKey(c.number), c);
    }
    for (const c of cits) {
      const form = expectedForm(c.number);
      if (!form) {
        reportStraySpace(ctx, c);
        continue;
      }
      const other = good.get(symbolKey(c.number));
      const related: RelatedPlace[] = other
        ? [{ message: t(`Viết đúng ở đây: "${shownSymbol(other.number)}"`, `Written correctly here: "${shownSymbol(other.number)}"`), span: other.number }]
        : [];
      reportWrongForm(ctx, c.number, form, related);
    }
    // The plan's own number: "Số: 2705-KH/UBND" for a People's Committee is "2705/KH-UBND".
    const own = ctx.doc.header.number;
    const ownType = own && canonicalType(own.type);
    if (own && ownType) {
      const n = { ...own, type: ownType, issuer: canonicalIssuer(own.issuer) };
      const form = expectedForm(n);
      if (form) reportWrongForm(ctx, n, form, []);
    }
  },
};
