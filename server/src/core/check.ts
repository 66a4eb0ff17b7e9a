// checkPlan: parse once, run every enabled rule, and hand back findings in source offsets.

import type { PlanDocument, Span, Ymd } from './model';
import type { Fix, Report, Rule, Severity } from './rule';
import type { Finding, FindingFix } from './finding';
import type { LintConfig, RuleSetting } from './config';
import { defaultConfig } from './config';
import { localize, t, type Text } from './i18n';
import { splitLines } from './text/lines';
import { parsePlan } from './parse';
import { loadRegistry, type Registry } from './registry/registry';
import { RULES } from './rules';
import { applyEdits, fixKindOf } from './fixes';
import { checkBudget } from './rules/structure-check-budget';
import type { DocxLayout } from './docx/format';
import type { ParentContext } from './parent/context';
import { applyIgnores } from './ignore';
import { ruleApplies } from './rules/applicability';
import { parseIsoDate } from './isoDate';
import { resolvePlanDate, todayYmd, type PlanDateSource } from './planDate';

// What leaves the core, and the ISO date, for the modules that import them from here.
export type { Finding, FindingEdit, FindingFix, FindingRelated } from './finding';
export { parseIsoDate } from './isoDate';
export { resolvePlanDate, todayYmd, type PlanDateSource } from './planDate';

export interface CheckOptions {
  /** Today, for plans without a header date (tests pin it). */
  today?: Ymd;
  /** Extra rules run after the built-in ones. */
  extraRules?: readonly Rule[];
  /** The plan's parent directives (the KH9xx rules run only when given; the server shares one context per parent set). */
  parents?: ParentContext;
  /** A registry already loaded for this config (the server caches one). */
  registry?: Registry;
  /**
   * Time budget for one check, in ms (parse included). Rules are not interrupted, but once the
   * budget is spent the remaining ones are skipped and one KH699 finding says which. The server
   * sets it so typing stays responsive; unset (the core's and the CLI's default) = no limit.
   */
  budgetMs?: number;
  /**
   * Above this many characters (UTF-16 units) nothing is parsed and no rule runs; one KH699
   * finding gives the size. The server passes kehoach.maxFileSizeKB; unset = no limit.
   */
  maxChars?: number;
  /** The Word document's formatting, when the text was read from a .docx (layout rules need it). */
  layout?: DocxLayout;
  /** The plan's absolute path, for `ignore` entries scoped to one file (config.ignore). */
  file?: string;
}

export interface CheckResult {
  doc: PlanDocument;
  findings: Finding[];
  /** The date the plan was judged at, and where that date came from. */
  planDate: Ymd;
  planDateSource: PlanDateSource;
}


/** The effective setting of a rule: by id, then by alias, else its default. */
export function ruleSetting(rule: Rule, config: LintConfig): { severity: Severity | 'off'; options: Record<string, unknown> } {
  const s: RuleSetting | undefined = config.rules[rule.id] ?? config.rules[rule.alias];
  if (s === undefined) return { severity: rule.defaultSeverity, options: {} };
  if (Array.isArray(s)) return { severity: s[0], options: s[1] ?? {} };
  return { severity: s, options: {} };
}

export function checkPlan(source: string, config: LintConfig = defaultConfig(), options: CheckOptions = {}): CheckResult {
  const startedAt = Date.now();
  if (tooLarge(source, options)) return tooLargeResult(source, config, options);
  const doc = parsePlan(source);
  return runRules(doc, config, options, startedAt);
}

function tooLarge(source: string, options: CheckOptions): boolean {
  return options.maxChars !== undefined && options.maxChars >= 0 && source.length > options.maxChars;
}

/** A document too large to check as you type: no parse, no rules, one KH699 finding with the size. */
function tooLargeResult(source: string, config: LintConfig, options: CheckOptions): CheckResult {
  const lines = splitLines(source);
  const doc: PlanDocument = {
    source, text: source, toSourceOffset: (o) => o, lines, header: { start: 0, end: 0 },
    items: [], tables: [], tasks: [], reporting: [], citations: [], dates: [], agencies: [],
  };
  const planDate = parseIsoDate(config.planDate) ?? options.today ?? todayYmd();
  const findings: Finding[] = [];
  const kb = (n: number) => Math.ceil(n / 1024);
  const message = t(
    `Kiểm tra dừng sớm do văn bản quá lớn (${kb(source.length)} KB, giới hạn ${kb(options.maxChars ?? 0)} KB): không kiểm tra khi đang gõ; dùng lệnh kehoach để kiểm tra toàn bộ`,
    `Checking stopped: the document is too large (${kb(source.length)} KB, limit ${kb(options.maxChars ?? 0)} KB) to check as you type; run the kehoach command to check it all`,
  );
  pushBudgetFinding(findings, doc, config, message);
  return { doc, findings, planDate, planDateSource: config.planDate ? 'config' : 'today' };
}

/** The KH699 finding on the first line, unless the user turned KH699 off. */
function pushBudgetFinding(findings: Finding[], doc: PlanDocument, config: LintConfig, message: Text): void {
  const setting = ruleSetting(checkBudget, config);
  if (setting.severity === 'off') return;
  const first = doc.lines[0];
  const end = first ? doc.toSourceOffset(first.end) : 0;
  findings.push(toFinding(checkBudget, setting.severity, { span: { start: 0, end } , message }, config, (s) => ({ start: s.start, end: s.end })));
}

/** Run the rules over an already-parsed document. */
export function checkParsed(doc: PlanDocument, config: LintConfig, options: CheckOptions = {}): CheckResult {
  if (tooLarge(doc.source, options)) return tooLargeResult(doc.source, config, options);
  return runRules(doc, config, options, Date.now());
}

function runRules(doc: PlanDocument, config: LintConfig, options: CheckOptions, startedAt: number): CheckResult {
  const registry = options.registry ?? loadRegistry(config);
  const { date: planDate, fromHeader, source: planDateSource } = resolvePlanDate(doc, config, options.today);
  const findings: Finding[] = [];
  const rules = options.extraRules ? [...RULES, ...options.extraRules] : RULES;
  const src = (s: Span) => ({ start: doc.toSourceOffset(s.start), end: doc.toSourceOffset(s.end) });
  const budget = options.budgetMs;
  const skipped: string[] = [];
  const kind = doc.kind?.kind;
  for (const rule of rules) {
    const setting = ruleSetting(rule, config);
    if (setting.severity === 'off') continue;
    // A công văn or báo cáo gets the rules that fit it, not the plan's (rules/applicability.ts).
    if (!ruleApplies(rule, kind)) continue;
    // The parent rules need parents: without them they are not run (nor counted as skipped).
    if (rule.category === 'parent' && !options.parents) continue;
    if (budget !== undefined && Date.now() - startedAt > budget) {
      skipped.push(rule.id);
      continue;
    }
    const severity = setting.severity;
    const report = (r: Report) => {
      findings.push(toFinding(rule, r.severity && severity === rule.defaultSeverity ? r.severity : severity, r, config, src));
    };
    try {
      rule.check({ doc, config, planDate, planDateFromHeader: fromHeader, planDateSource, registry, options: setting.options, layout: options.layout, parents: options.parents, report });
    } catch (err) {
      // A rule's bug must not take the others down; say which rule failed.
      findings.push({
        rule: rule.id, alias: rule.alias, category: rule.category, severity: 'hint',
        message: `internal error in rule ${rule.id}: ${(err as Error).message}`,
        messages: { vi: `lỗi nội bộ ở quy tắc ${rule.id}`, en: `internal error in rule ${rule.id}` },
        start: 0, end: 0, fixes: [], related: [],
      });
    }
  }
  if (skipped.length > 0) {
    const ms = Math.round(Date.now() - startedAt);
    const list = skipped.length > 8 ? `${skipped.slice(0, 8).join(', ')}…` : skipped.join(', ');
    pushBudgetFinding(findings, doc, config, t(
      `Kiểm tra dừng sớm do kiểm tra quá lâu (${ms} ms, giới hạn ${budget} ms): ${skipped.length} quy tắc chưa chạy (${list})`,
      `Checking stopped early: it took too long (${ms} ms, limit ${budget} ms); ${skipped.length} rules did not run (${list})`,
    ));
  }
  // Rule ids are ASCII ("KH101"): a plain comparison orders them as localeCompare did, far cheaper.
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  // What the user silenced (.kehoach.json "ignore") is not reported, nor fixed by "fix all".
  const shown = config.ignore?.length ? applyIgnores(findings, config.ignore, { source: doc.source, file: options.file }) : findings;
  return { doc, findings: shown, planDate, planDateSource };
}

function toFinding(rule: Rule, severity: Severity, r: Report, config: LintConfig, src: (s: Span) => Span): Finding {
  const loc = config.locale;
  const range = src(r.span);
  return {
    rule: rule.id,
    alias: rule.alias,
    category: rule.category,
    severity,
    message: localize(r.message, loc),
    messages: r.message,
    start: range.start,
    end: range.end,
    fixes: (r.fixes ?? []).map((f: Fix) => ({
      title: localize(f.title, loc),
      preferred: f.preferred !== false,
      kind: fixKindOf(rule.id, f.kind),
      edits: f.edits.map((e) => ({ ...src(e), text: e.text })),
    })),
    related: (r.related ?? []).map((p) => ({
      message: localize(p.message, loc),
      ...(p.span ? src(p.span) : {}),
      ...(p.file ? { file: p.file } : {}),
    })),
    ...(r.data ? { data: r.data } : {}),
    ...(r.layoutFix ? { layoutFix: { ...r.layoutFix, title: localize(r.layoutFix.title, loc) } } : {}),
  };
}

export interface FixAllOptions extends CheckOptions {
  /** Apply suggestions too (fixes that change what the plan says); off by default. */
  includeSuggestions?: boolean;
}

/** The fix batch fixing applies for a finding: its preferred one, when that kind may be batched. */
export function batchFix(f: Finding, includeSuggestions = false): FindingFix | undefined {
  const fix = f.fixes.find((x) => x.preferred);
  return fix && (fix.kind === 'fix' || includeSuggestions) ? fix : undefined;
}

/**
 * Apply every preferred mechanical fix (and suggestions when asked), re-checking until nothing
 * changes (bounded), as "fix all" does.
 */
export function fixAll(source: string, config: LintConfig = defaultConfig(), options: FixAllOptions = {}): { text: string; applied: number } {
  let text = source;
  let applied = 0;
  for (let pass = 0; pass < 5; pass++) {
    const { findings } = checkPlan(text, config, options);
    const edits = findings.flatMap((f) => batchFix(f, options.includeSuggestions)?.edits ?? []);
    if (edits.length === 0) break;
    const r = applyEdits(text, edits);
    if (r.applied === 0 || r.text === text) break;
    text = r.text;
    applied += r.applied;
  }
  return { text, applied };
}
