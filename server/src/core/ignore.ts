// Suppressions the user asked for ("Bỏ qua cảnh báo này", "Bỏ qua quy tắc này trong tệp"), kept
// in `.kehoach.json` `ignore`, never in the plan's text: the plan becomes the Word document.
// An entry names a rule and, optionally, a file and the quoted text of the finding's range, so it
// survives edits elsewhere and lapses when the quoted words themselves change. Pure: findings and
// entries in, findings out.

import type { Finding } from './finding';

export interface IgnoreEntry {
  /** Rule id ("KH804") or alias ("agency-misspelled"). */
  rule: string;
  /** The words the finding covered; absent = every finding of the rule (in `file`, or everywhere). */
  text?: string;
  /**
   * The plan it applies to. In `.kehoach.json` a path relative to that file's folder; once read
   * (projectConfig) an absolute path. Absent = every plan under the project file.
   */
  file?: string;
}

/**
 * Validate an untrusted `ignore` value (from `.kehoach.json`): keep the well-formed entries, say
 * what was dropped. The one place that knows the shape (the config validator calls it).
 */
export function parseIgnoreList(raw: unknown): { entries: IgnoreEntry[]; problems: string[] } {
  const entries: IgnoreEntry[] = [];
  const problems: string[] = [];
  if (!Array.isArray(raw)) return { entries, problems: ['"ignore" must be an array of {"rule", "text"?, "file"?}'] };
  raw.forEach((e, i) => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) return void problems.push(`"ignore"[${i}] must be an object`);
    const o = e as Record<string, unknown>;
    if (typeof o.rule !== 'string' || !o.rule.trim()) return void problems.push(`"ignore"[${i}].rule must name a rule ("KH804")`);
    if (o.text !== undefined && typeof o.text !== 'string') return void problems.push(`"ignore"[${i}].text must be a string`);
    if (o.file !== undefined && (typeof o.file !== 'string' || !o.file.trim())) return void problems.push(`"ignore"[${i}].file must be a path`);
    const entry: IgnoreEntry = { rule: o.rule.trim() };
    if (typeof o.text === 'string') entry.text = o.text;
    if (typeof o.file === 'string') entry.file = o.file;
    entries.push(entry);
  });
  return { entries, problems };
}

/** Quotes compare without regard to line breaks, spacing or Unicode composition (a re-wrapped line is the same words). */
function sameWords(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Below this many characters a quote is ambiguous (a lone ";" or "94-NQ/CP" occurs many times). */
const SHORT_QUOTE = 16;

/**
 * The words an ignore entry quotes for a finding: its range; a short range with up to three words
 * either side on its line (so ignoring one " ;" does not ignore them all); a finding without width
 * (a missing line, a gap), the line it sits on. At most 300 characters: enough to be specific.
 */
export function findingQuote(source: string, f: { start: number; end: number }): string {
  const lineStart = source.lastIndexOf('\n', Math.max(0, f.start - 1)) + 1;
  const nl = source.indexOf('\n', f.end);
  const lineEnd = nl < 0 ? source.length : nl;
  const own = source.slice(f.start, f.end);
  if (!own.trim()) return sameWords(source.slice(lineStart, lineEnd)).slice(0, 300);
  if (sameWords(own).length >= SHORT_QUOTE) return sameWords(own).slice(0, 300);
  const before = /(?:\S+\s+){0,3}\S*$/u.exec(source.slice(Math.max(lineStart, f.start - 80), f.start))?.[0] ?? '';
  const after = /^\S*(?:\s+\S+){0,3}/u.exec(source.slice(f.end, Math.min(lineEnd, f.end + 80)))?.[0] ?? '';
  return sameWords(before + own + after).slice(0, 300);
}

/** Paths compare with forward slashes (a project file written on Windows works elsewhere). */
function samePath(a: string, b: string): boolean {
  return a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}

/** The findings no entry silences. `file` is the plan's absolute path (undefined for an unsaved text). */
export function applyIgnores<F extends Pick<Finding, 'rule' | 'alias' | 'start' | 'end'>>(
  findings: readonly F[],
  entries: readonly IgnoreEntry[] | undefined,
  plan: { source: string; file?: string },
): F[] {
  if (!entries || entries.length === 0) return [...findings];
  const applicable = entries.filter((e) => e.file === undefined || (plan.file !== undefined && samePath(e.file, plan.file)));
  if (applicable.length === 0) return [...findings];
  return findings.filter((f) => {
    const mine = applicable.filter((e) => e.rule === f.rule || e.rule === f.alias);
    if (mine.length === 0) return true;
    if (mine.some((e) => e.text === undefined)) return false;
    const quote = findingQuote(plan.source, f);
    return !mine.some((e) => sameWords(e.text!).slice(0, 300) === quote);
  });
}
