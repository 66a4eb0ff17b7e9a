// parsePlan: text in, typed PlanDocument out. Each step is its own module, run in this order
// because later steps read what earlier ones found (citations read dates, tasks read the outline…).

import type { PlanDocument } from '../model';
import { normalizeText } from '../text/normalize';
import { looksLikeMarkdown, markdownView } from '../text/markdown';
import { splitLines } from '../text/lines';
import { findDates } from './dates';
import { findCitations } from './citations';
import { parseHeader } from './header';
import { detectDocKind } from './doc-kind';
import { parseOutline } from './outline';
import { parseTables } from './tables';
import { extractTasks } from './tasks';
import { findReportingClauses } from './reporting';

export function parsePlan(source: string): PlanDocument {
  // A Markdown plan is read through its plain-text view; offsets map back through both steps.
  const md = looksLikeMarkdown(source) ? markdownView(source) : undefined;
  const norm = normalizeText(md ? md.text : source);
  const text = norm.text;
  const toSourceOffset = md ? (o: number) => md.toSource(norm.toSource(o)) : norm.toSource;
  const lines = splitLines(text);
  const doc: PlanDocument = {
    source,
    text,
    toSourceOffset,
    lines,
    header: { start: 0, end: 0 },
    items: [],
    tables: [],
    tasks: [],
    reporting: [],
    citations: [],
    dates: [],
    agencies: [],
  };
  doc.dates = findDates(text);
  doc.header = parseHeader(doc);
  doc.kind = detectDocKind(doc);
  const outline = parseOutline(doc);
  doc.items = outline.items;
  doc.preamble = outline.preamble;
  doc.recipients = outline.recipients;
  doc.signature = outline.signature;
  doc.appendix = outline.appendix;
  doc.tables = parseTables(doc);
  doc.citations = findCitations(doc);
  const tasks = extractTasks(doc);
  doc.tasks = tasks.tasks;
  doc.agencies = tasks.agencies;
  doc.reporting = findReportingClauses(doc);
  return doc;
}
