// What a layout finding (KH10xx) says to change in the Word document, as data: the reviewer's
// copy applies the parts Word can record as tracked formatting changes (core/docx/fixLayout.ts),
// and every finding's comment carries the title. Formatting only: a fix never touches the text.

import type { Text } from '../i18n';

/** Run formatting to set (sizes in points). */
export interface RunSet {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  font?: string;
}

/** Paragraph formatting to set (twips). */
export interface ParagraphSet {
  jc?: 'both' | 'center';
  firstLine?: number;
  after?: number;
}

/** Section (page) formatting to set (twips). */
export interface SectionSet {
  width?: number;
  height?: number;
  margin?: { top?: number; bottom?: number; left?: number; right?: number };
}

export interface LayoutFix<T = Text> {
  /** What to do, in words (Word's menus): shown with every finding, applied or not. */
  title: T;
  /** Runs of paragraph `paragraph` (ordinal) overlapping [from, to) of its text. */
  runs?: { paragraph: number; from: number; to: number; set: RunSet }[];
  paragraphs?: { paragraph: number; set: ParagraphSet }[];
  /** Sections by index in the layout's order. */
  sections?: { section: number; set: SectionSet }[];
}

/** Whether the reviewer's copy can apply any of it (otherwise it is advice only). */
export function appliable(fix: LayoutFix<unknown>): boolean {
  return !!(fix.runs?.length || fix.paragraphs?.length || fix.sections?.length);
}
