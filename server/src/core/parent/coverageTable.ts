// The coverage report: parent task → plan items → lead agency → deadline → status, as text,
// Markdown, CSV and JSON. Pure formatters over a CoverageResult.

import type { Locale } from '../i18n';
import { formatYmd } from './deadline';
import type { CoverageResult, CoverageStatus, TaskCoverage } from './match';

export type ReportFormat = 'text' | 'markdown' | 'csv' | 'json';

export interface ReportRow {
  parentTask: string;
  kind: string;
  content: string;
  parentDeadline: string;
  planItems: string;
  lead: string;
  deadline: string;
  status: CoverageStatus;
  score: number;
}

const STATUS: Record<CoverageStatus, { vi: string; en: string }> = {
  covered: { vi: 'đã cụ thể hóa', en: 'covered' },
  partial: { vi: 'một phần', en: 'partial' },
  uncovered: { vi: 'chưa cụ thể hóa', en: 'uncovered' },
};

const HEAD = {
  vi: ['Nhiệm vụ cấp trên', 'Nội dung', 'Thời hạn cấp trên', 'Mục trong kế hoạch', 'Cơ quan chủ trì', 'Thời hạn', 'Tình trạng'],
  en: ['Parent task', 'Content', 'Parent deadline', 'Plan items', 'Lead agency', 'Deadline', 'Status'],
};

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export function reportRows(result: CoverageResult, locale: Locale = 'vi'): ReportRow[] {
  return result.tasks.map((c: TaskCoverage) => ({
    parentTask: c.task.label,
    kind: c.task.kind,
    content: oneLine(c.task.text, 400),
    parentDeadline: c.task.deadline ? formatYmd(c.task.deadline.date) : '',
    planItems: c.note === 'plan' && c.matches.length === 0 ? (locale === 'en' ? '(this plan)' : '(kế hoạch này)') : c.matches.map((m) => m.label).join(', '),
    lead: [...new Set(c.matches.map((m) => m.lead).filter((x): x is string => !!x))].join('; '),
    deadline: [...new Set(c.matches.map((m) => (m.deadline ? formatYmd(m.deadline.date) : '')).filter((x) => x))].join('; '),
    status: c.status,
    score: c.score,
  }));
}

function summary(result: CoverageResult, locale: Locale): string {
  const n = result.tasks.length;
  const count = (s: CoverageStatus) => result.tasks.filter((c) => c.status === s).length;
  const parent = result.parentKey?.symbol ?? '?';
  return locale === 'en'
    ? `${parent}: ${n} tasks — ${count('covered')} covered, ${count('partial')} partial, ${count('uncovered')} uncovered`
    : `${parent}: ${n} nhiệm vụ — ${count('covered')} đã cụ thể hóa, ${count('partial')} một phần, ${count('uncovered')} chưa cụ thể hóa`;
}

function cells(r: ReportRow, locale: Locale, contentMax: number): string[] {
  return [r.parentTask, oneLine(r.content, contentMax), r.parentDeadline, r.planItems, r.lead, r.deadline, STATUS[r.status][locale]];
}

export function formatText(result: CoverageResult, locale: Locale = 'vi'): string {
  const rows = reportRows(result, locale);
  const lines = [summary(result, locale), ''];
  for (const r of rows) {
    const c = cells(r, locale, 70);
    lines.push(`[${c[6]}] ${c[0]} ${c[1]}`);
    if (c[2]) lines.push(`    ${locale === 'en' ? 'parent deadline' : 'thời hạn cấp trên'}: ${c[2]}`);
    if (c[3]) lines.push(`    → ${c[3]}${c[4] ? ` — ${c[4]}` : ''}${c[5] ? ` — ${c[5]}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(result: CoverageResult, locale: Locale = 'vi'): string {
  const head = HEAD[locale];
  const lines = [`**${summary(result, locale)}**`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of reportRows(result, locale)) lines.push(`| ${cells(r, locale, 120).map(mdCell).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** RFC 4180: quote every field, double the quotes; CRLF line ends so spreadsheets read it. */
const csvField = (s: string | number) => `"${String(s).replace(/"/g, '""')}"`;

export function formatCsv(result: CoverageResult, locale: Locale = 'vi'): string {
  const head = [...HEAD[locale], locale === 'en' ? 'Score' : 'Điểm'];
  const lines = [head.map(csvField).join(',')];
  for (const r of reportRows(result, locale)) lines.push([...cells(r, locale, 100000), r.score].map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function formatJson(results: CoverageResult | CoverageResult[]): string {
  const list = Array.isArray(results) ? results : [results];
  return JSON.stringify(
    list.map((r) => ({
      parent: r.parentKey ? { symbol: r.parentKey.symbol, date: r.parentKey.date } : null,
      plan: r.planKey ? { symbol: r.planKey.symbol, date: r.planKey.date } : null,
      planLevel: r.planLevel ?? null,
      thresholds: r.thresholds,
      tasks: r.tasks.map((c) => ({
        label: c.task.label,
        kind: c.task.kind,
        line: c.task.line,
        text: c.task.text,
        lead: c.task.lead ?? null,
        deadline: c.task.deadline?.date ?? null,
        status: c.status,
        score: c.score,
        note: c.note ?? null,
        matches: c.matches.map((m) => ({ label: m.label, line: m.line, item: m.item ?? null, task: m.task ?? null, score: m.score, lead: m.lead ?? null, deadline: m.deadline?.date ?? null, text: m.text })),
      })),
    })),
    null,
    2,
  ) + '\n';
}

export function formatReport(results: CoverageResult[], format: ReportFormat, locale: Locale = 'vi'): string {
  if (format === 'json') return formatJson(results);
  const f = format === 'markdown' ? formatMarkdown : format === 'csv' ? formatCsv : formatText;
  if (format === 'csv') {
    // One CSV: a header once, rows of every parent (the parent symbol is in the first column's label).
    return results.map((r, i) => (i === 0 ? f(r, locale) : f(r, locale).split('\r\n').slice(1).join('\r\n'))).join('');
  }
  return results.map((r) => f(r, locale)).join('\n');
}
