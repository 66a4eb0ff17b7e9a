// The page of an administrative document as Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I lays it
// out. Each value names the clause it follows (docs/WORD.md, "Writing Word", lists them too).
// Where the decree gives a range, we take the size its own example column (Mục V, "Mẫu chữ và
// chi tiết trình bày thể thức") shows; lengths in twips, sizes in points.

import { cm, mm } from './ooxml';

export const ND30 = {
  /** Mục I.1: A4, 210 × 297 mm; Mục I.2: portrait (landscape allowed for tables). */
  page: { width: mm(210), height: mm(297) },
  /** Mục I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (the lower bounds). */
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) },
  /** Mục I.4: Times New Roman, Unicode (TCVN 6909:2001), black. */
  font: 'Times New Roman',
  /** II.1.a: quốc hiệu in capitals, 12–13, upright, bold. */
  nationalName: 12,
  /** II.1.b: tiêu ngữ 13–14, upright, bold, a solid rule under it as long as the line. */
  motto: 13,
  /** II.2.b: the issuing body (and its parent body, not bold) in capitals, 12–13. */
  issuer: 12,
  /** II.3.c: "Số:" and the ký hiệu, 13, upright. */
  number: 13,
  /** II.4.c: place and date 13–14, italic. */
  placeDate: 13,
  /** II.5.b: the document type in capitals 13–14 bold; the trích yếu 13–14 bold below it. */
  docType: 14,
  subject: 14,
  /** II.6.e: body 13–14, justified, first-line indent 1 cm or 1.27 cm, ≥ 6 pt between paragraphs, single to 1.5 lines. */
  body: 14,
  firstLineIndent: cm(1.27),
  paragraphAfter: 120, // 6 pt
  lineSpacing: 276, // 1.15 lines (240 = single)
  /** II.7.đ: quyền hạn and chức vụ of the signer in capitals 13–14 bold; the name 13–14 bold. */
  signature: 14,
  /** II.9.d (ô 9b): "Nơi nhận:" 12 bold italic; the list 11 upright. */
  recipientsLabel: 12,
  recipients: 11,
  /** I.7: page numbers 13–14, upright, centred in the top margin, none on the first page. */
  pageNumber: 14,
  /** III.1.b: "Phụ lục" and its number 14 bold, centred; its name in capitals 13–14 bold. */
  appendixLabel: 14,
  appendixTitle: 14,
  /** III.1.c: the line tying the appendix to the document, 13–14 italic, centred. */
  appendixReference: 14,
  /** Not set by the decree: appendix tables in 12 pt, as common in issued plans. */
  tableText: 12,
} as const;

/** Width of the text block on a portrait page (165 mm with the margins above). */
export const TEXT_WIDTH = ND30.page.width - ND30.margin.left - ND30.margin.right;
/** … and on a landscape page. */
export const TEXT_WIDTH_LANDSCAPE = ND30.page.height - ND30.margin.left - ND30.margin.right;
