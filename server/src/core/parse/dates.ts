import type { DateMention } from '../model';

/** Every date in the text, of every form (full, dd/mm/yyyy, dd/mm, tháng mm/yyyy, Quý I/2021, năm 2025). */
export function findDates(_text: string): DateMention[] {
  return []; // TODO(parser): implement
}
