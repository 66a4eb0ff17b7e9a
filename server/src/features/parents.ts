// The editor side of parent coverage (issue 4) and the assignment matrix (issue 5): links and
// go-to-definition from a plan's citation of its parent to the parent's header, from a plan item
// to the parent task it carries out; a hover with that task and a word diff; the Markdown reports
// the two commands open.

import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { DocumentLink, Location, Range } from 'vscode-languageserver';
import { LineIndex, t, type PlanDocument, type Span } from '../core';
import {
  citedParents,
  formatReport,
  numberKey,
  wordDiff,
  type ParentDoc,
  type PlanMatch,
  type TaskCoverage,
} from '../core/parent';
import type { ParentLink } from '../core/parent/context';
import { loadAgencyRegistry } from '../core/registry/agencies';
import { buildAssignmentMatrix, formatMatrixMarkdown } from '../core/assignmentMatrix';
import { modelRange, msg, type Analysis } from './analysis';

const lineIndexes = new WeakMap<PlanDocument, LineIndex>();

function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** A span of a parent document (model offsets) as a location in its file. */
export function parentLocation(parent: ParentDoc, span: Span): Location | undefined {
  if (!parent.path) return undefined;
  const doc = parent.doc;
  let li = lineIndexes.get(doc);
  if (!li) lineIndexes.set(doc, (li = new LineIndex(doc.source)));
  const range: Range = { start: li.positionAt(doc.toSourceOffset(span.start)), end: li.positionAt(doc.toSourceOffset(span.end)) };
  return { uri: pathToFileURL(parent.path).toString(), range };
}

/** The plan's links to its parents (coverage computed once per plan and shared with the rules). */
export function parentLinks(a: Analysis): ParentLink[] {
  if (!a.result || !a.parentContext) return [];
  return a.parentContext.links(a.result.doc);
}

/**
 * Every mention of a parent's number in the plan (the trích yếu, the preamble, the closing
 * "Trên đây là Kế hoạch thực hiện Nghị quyết số 34-NQ/TU"), with the parent it resolves to.
 */
function citationsWithParents(a: Analysis): { span: Span; link: ParentLink }[] {
  const links = parentLinks(a);
  const doc = a.result?.doc;
  if (!links.length || !doc) return [];
  const byKey = new Map<string, ParentLink>();
  for (const l of links) {
    if (l.key) byKey.set(l.key.key, l);
    for (const c of l.miscited) if (!byKey.has(c.key)) byKey.set(c.key, l);
  }
  const out = new Map<number, { span: Span; link: ParentLink }>();
  for (const c of citedParents(doc)) {
    const link = byKey.get(c.key);
    if (link) out.set(c.number.start, { span: { start: c.number.start, end: c.number.end }, link });
  }
  for (const c of doc.citations) {
    const link = byKey.get(numberKey(c.number));
    if (link && !out.has(c.number.start)) out.set(c.number.start, { span: { start: c.number.start, end: c.number.end }, link });
  }
  return [...out.values()].sort((x, y) => x.span.start - y.span.start);
}

export function documentLinks(a: Analysis): DocumentLink[] {
  const doc = a.result?.doc;
  if (!doc) return [];
  const out: DocumentLink[] = [];
  for (const { span, link } of citationsWithParents(a)) {
    const target = link.key ? parentLocation(link.parent, link.key.span) : undefined;
    if (!target) continue;
    // VS Code opens "file#L<line>,<column>" at that position.
    const uri = `${target.uri}#L${target.range.start.line + 1},${target.range.start.character + 1}`;
    out.push({
      range: modelRange(a, doc, span),
      target: uri,
      tooltip: msg(a, t(`Mở văn bản cấp trên ${link.key?.symbol ?? ''}`, `Open the parent directive ${link.key?.symbol ?? ''}`)),
    });
  }
  return out;
}

/** A plan item under the cursor and the parent tasks it carries out (best first). */
export interface ItemMatch {
  span: Span;
  tasks: { link: ParentLink; coverage: TaskCoverage; match: PlanMatch }[];
}

/** The innermost matched plan item containing a model offset, with every parent task it matches. */
export function itemMatchAt(a: Analysis, m: number): ItemMatch | undefined {
  let best: Span | undefined;
  const hits: { link: ParentLink; coverage: TaskCoverage; match: PlanMatch }[] = [];
  for (const link of parentLinks(a)) {
    for (const coverage of link.coverage.tasks) {
      for (const match of coverage.matches) {
        if (match.score <= 0 || m < match.start || m > match.end) continue;
        hits.push({ link, coverage, match });
        if (!best || match.end - match.start < best.end - best.start) best = { start: match.start, end: match.end };
      }
    }
  }
  if (!best) return undefined;
  const span = best;
  const tasks = hits.filter((h) => h.match.start === span.start && h.match.end === span.end).sort((x, y) => y.match.score - x.match.score);
  return { span, tasks };
}

export function definition(a: Analysis, m: number): Location[] {
  for (const { span, link } of citationsWithParents(a)) {
    if (m < span.start || m > span.end) continue;
    const loc = link.key ? parentLocation(link.parent, link.key.span) : undefined;
    return loc ? [loc] : [];
  }
  const item = itemMatchAt(a, m);
  if (!item) return [];
  const out: Location[] = [];
  for (const h of item.tasks) {
    const loc = parentLocation(h.link.parent, h.coverage.task);
    if (loc) out.push(loc);
  }
  return out;
}

// -- Hover

const MD_SPECIAL = /[\\`*_~[\]<>#|]/g;
const mdEscape = (s: string) => s.replace(MD_SPECIAL, '\\$&');

/** Leading label ("6.", "II.", "a)", "-", "(1)") and line breaks: the diff compares the words. */
function plainText(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim().replace(/^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|\(\d+\)|[a-zđ]\)|[-+•*])\s+/u, '');
  return one.length > max ? one.slice(0, max) + '…' : one;
}

/** Wrap a diff chunk in a Markdown mark, keeping its outer spaces outside (else the mark breaks). */
function mark(text: string, delim: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${delim}${mdEscape(m[2])}${delim}${m[3]}` : text;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const wordCount = (s: string) => (s.match(WORD_RE) ?? []).length;

/** A long dropped passage: its first words and an ellipsis (the hover is not the place for all of it). */
function shorten(s: string, maxWords: number): string {
  let n = 0;
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(s)) !== null) {
    if (++n > maxWords) return s.slice(0, m.index).trimEnd() + ' …';
  }
  return s;
}

type Segment = { eq: string } | { del: string; ins: string };

/**
 * A syllable diff reads as noise when every other word changes ("~~tạo~~**giảm** ~~thuận lợi~~**hồ**").
 * Equal runs of one or two words between changes are folded into the change around them, so the
 * hover shows whole phrases dropped and added, and the kept wording stands out.
 */
export function diffSegments(parentText: string, planText: string): Segment[] {
  const segs: Segment[] = [];
  for (const p of wordDiff(parentText, planText)) {
    const last = segs[segs.length - 1];
    if (p.op === 0) segs.push({ eq: p.text });
    else if (last && !('eq' in last)) {
      if (p.op < 0) last.del += p.text;
      else last.ins += p.text;
    } else segs.push(p.op < 0 ? { del: p.text, ins: '' } : { del: '', ins: p.text });
  }
  for (let i = 1; i + 1 < segs.length; ) {
    const [before, eq, after] = [segs[i - 1], segs[i], segs[i + 1]];
    if ('eq' in eq && !('eq' in before) && !('eq' in after) && wordCount(eq.eq) <= 2) {
      before.del += eq.eq + after.del;
      before.ins += eq.eq + after.ins;
      segs.splice(i, 2);
    } else i++;
  }
  return segs;
}

/** The parent task's words against the plan item's: ~~dropped~~, **added**, the rest kept. */
export function diffMarkdown(parentText: string, planText: string): string {
  return diffSegments(parentText, planText)
    .map((s) => {
      if ('eq' in s) return mdEscape(s.eq);
      const del = s.del.trim() ? mark(shorten(s.del, 25), '~~') : '';
      const ins = s.ins.trim() ? mark(s.ins, '**') : '';
      return del && ins ? `${del.trimEnd()} ${ins.trimStart()}` : del || ins;
    })
    .join('');
}

const STATUS = {
  covered: t('đã cụ thể hóa', 'covered'),
  partial: t('cụ thể hóa một phần', 'partly covered'),
  uncovered: t('chưa cụ thể hóa', 'uncovered'),
};

/** Hover text for a plan item matched to parent tasks, or undefined. */
export function parentHover(a: Analysis, m: number): { text: string; span: Span } | undefined {
  const doc = a.result?.doc;
  if (!doc) return undefined;
  const item = itemMatchAt(a, m);
  if (!item || !item.tasks.length) return undefined;
  const planText = plainText(doc.text.slice(item.span.start, item.span.end), 600);
  const parts: string[] = [];
  for (const [i, h] of item.tasks.slice(0, 3).entries()) {
    const task = h.coverage.task;
    const symbol = h.link.key?.symbol ?? h.link.citation?.symbol ?? '';
    const word = h.link.citation?.typeWord ?? '';
    const pct = Math.round(h.match.score * 100);
    const parentText = plainText(task.text, 600);
    const heading = [
      `**${msg(a, t(`Thực hiện nhiệm vụ ${task.label} của ${word} ${symbol}`.replace(/\s+/g, ' '), `Carries out task ${task.label} of ${word} ${symbol}`.replace(/\s+/g, ' ')))}**` +
        ` — ${msg(a, t('mức khớp', 'match'))} ${pct}% (${msg(a, STATUS[h.coverage.status])})`,
      '',
      `> ${mdEscape(plainText(task.text, i === 0 ? 400 : 160))}`,
    ];
    // The diff for the best match only: the others are listed so the reader knows they exist.
    if (i === 0) {
      heading.push(
        '',
        `${msg(a, t('Điều chỉnh so với văn bản cấp trên', 'Adapted from the parent'))} (~~${msg(a, t('bỏ', 'dropped'))}~~, **${msg(a, t('thêm', 'added'))}**):`,
        '',
        diffMarkdown(parentText, planText),
      );
    }
    parts.push(heading.join('\n'));
  }
  return { text: parts.join('\n\n---\n\n'), span: item.span };
}

// -- Reports for the commands

/** The coverage report of the plan against each parent found, in Markdown. */
export function coverageMarkdown(a: Analysis): string {
  const doc = a.result?.doc;
  const links = parentLinks(a);
  const title = `# ${msg(a, t('Đối chiếu với văn bản cấp trên', 'Coverage of the parent directives'))}`;
  if (!doc || !links.length) {
    const cited = doc ? [...new Set(citedParents(doc).map((c) => c.symbol))] : [];
    const why = cited.length
      ? msg(a, t(
          `Kế hoạch trích dẫn ${cited.join(', ')} nhưng không tìm thấy tệp nào trong thư mục làm việc có số, ký hiệu đó. Mở văn bản cấp trên trong thư mục làm việc hoặc khai báo "parents" trong .kehoach.json.`,
          `The plan cites ${cited.join(', ')} but no workspace file carries that number. Put the parent directive in the workspace or list it in .kehoach.json "parents".`,
        ))
      : msg(a, t('Kế hoạch không trích dẫn văn bản cấp trên nào ("Thực hiện Nghị quyết số …").', 'The plan cites no parent directive ("Thực hiện Nghị quyết số …").'));
    return `${title}\n\n${why}\n`;
  }
  const plan = filePathOf(a.uri);
  const where = (p: string | undefined) => (p && plan ? path.relative(path.dirname(plan), p) : p ?? '');
  const sources = links.map((l) => `- ${l.key?.symbol ?? '?'}: \`${where(l.parent.path)}\``).join('\n');
  return `${title}\n\n${sources}\n\n${formatReport(links.map((l) => l.coverage), 'markdown', a.locale)}`;
}

/** The assignment matrix (who leads and supports what) of the plan, in Markdown. */
export function agencyMatrixMarkdown(a: Analysis): string {
  const result = a.result;
  if (!result) return `# ${msg(a, t('Bảng phân công nhiệm vụ', 'Assignment matrix'))}\n\n${msg(a, t('Văn bản quá lớn, chưa được kiểm tra.', 'The document is too large to check.'))}\n`;
  return formatMatrixMarkdown(buildAssignmentMatrix(result.doc, loadAgencyRegistry(a.config), result.planDate));
}
