import type { DateMention, Span, TimeExpression } from '../model';

/**
 * Read a time or deadline in a stretch of text ("Hằng năm", "Quý I/2021", "trước ngày 15/8/2024",
 * "trong tháng 01/2026", "2024-2025", "Thường xuyên"). `dates` are the document's dates (model
 * offsets); `contextYear` resolves dates written without a year.
 */
export function parseTimeExpression(_text: string, _span: Span, _dates: readonly DateMention[], _contextYear?: number): TimeExpression | undefined {
  return undefined; // TODO(parser): implement
}
