// KH301: a reporting duty with no deadline or period: "định kỳ tổng hợp, báo cáo UBND tỉnh theo
// quy định" (DOMAIN.md §3: what reviewers send back). "định kỳ" without saying which period does
// not count. An ad-hoc report ("báo cáo đột xuất khi có yêu cầu") beside a dated one is fine; when
// it is the plan's only reporting duty it is flagged like any other.

import type { OutlineItem, ReportingClause } from '../model';
import type { Rule } from '../rule';
import { t } from '../i18n';
import { isOnDemand } from '../parse/reporting';

function hasTime(c: ReportingClause): boolean {
  const tm = c.time;
  if (!tm) return false;
  if (tm.kind === 'continuous') return false;
  if (tm.kind === 'period' && tm.period === 'regular') return false;
  return true;
}

/** The clause leaves its time to rules outside the plan ("theo quy định", "theo định kỳ"). */
const DEFERS_RE = /(?<![\p{L}])theo\s+(?:quy\s+định|định\s+kỳ|kế\s+hoạch)(?![\p{L}])/iu;
/** A duty given to a named person of the issuing body ("Giao đồng chí …", "Đồng chí Phó Chủ tịch …"): a role inside it. */
const PERSON_RE = /^[\s\-+•*–]*(?:\d+(?:\.\d+)*[.)]\s*|[a-zđ]\)\s*)?(?:Giao\s+)?(?:(?:các\s+)?đồng\s+chí|Đ\/c)(?![\p{L}])/iu;

/**
 * Where the tool cannot be sure the clause is undated, it says so as information, not a warning
 * (issue 11, shape 8): a clause that defers ("theo định kỳ", "theo quy định") and reports only to
 * bodies the same part of the plan already gives a dated regime ("Định kỳ 6 tháng, 1 năm … báo cáo
 * về UBND tỉnh (qua Công an tỉnh)" then "Công an tỉnh … báo cáo UBND tỉnh theo định kỳ": the regime
 * meant is that one), or a role given to a person of the issuing body rather than a duty between
 * bodies. A recipient no dated clause covers ("… báo cáo UBND tỉnh và Bộ Nội vụ theo quy định"
 * after units report to UBND tỉnh by 10/12) keeps the warning.
 */
function unsure(c: ReportingClause, dated: ReadonlyMap<number, ReadonlySet<string>>, items: readonly OutlineItem[], text: string): boolean {
  const line = text.slice(text.lastIndexOf('\n', c.start - 1) + 1, c.end); // the person is named at the line's head
  if (PERSON_RE.test(line)) return true;
  if (!DEFERS_RE.test(c.raw) || !c.recipient) return false;
  const covered = dated.get(topSection(items, c.item));
  return !!covered && bodiesOf(c.recipient.value).every((b) => covered.has(b));
}

/** The bodies of a recipient or via run ("UBND tỉnh và Bộ Nội vụ"), in one spelling. */
function bodiesOf(run: string): string[] {
  return run.split(/\s*(?:,|;|\svà\s)\s*/u).map((b) => b.toLocaleLowerCase('vi').replace(/uỷ/gu, 'ủy').replace(/^ubnd(?=\s)/u, 'ủy ban nhân dân').replace(/\s+/gu, ' ').trim()).filter(Boolean);
}

/** For each top-level section, the bodies its dated reporting clauses report to (or through). */
function datedRecipients(clauses: readonly ReportingClause[], items: readonly OutlineItem[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const c of clauses) {
    if (!hasTime(c)) continue;
    const top = topSection(items, c.item);
    if (top < 0) continue;
    const set = out.get(top) ?? new Set<string>();
    for (const r of [c.recipient, c.via]) if (r) for (const b of bodiesOf(r.value)) set.add(b);
    out.set(top, set);
  }
  return out;
}

/** The top-level section holding an item, or -1 outside the outline (an appendix table). */
function topSection(items: readonly OutlineItem[], i: number): number {
  for (let guard = 0; i >= 0 && items[i].parent >= 0 && guard < 64; guard++) i = items[i].parent;
  return i;
}

function short(s: string, n = 90): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

export const reportingNoDeadline: Rule = {
  id: 'KH301',
  alias: 'reporting-no-deadline',
  category: 'reporting',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Nhiệm vụ báo cáo không có kỳ hoặc thời hạn', 'A reporting duty with no period or deadline'),
  rationale: t(
    'Chế độ báo cáo phải nói rõ kỳ báo cáo (hằng tháng, hằng quý, 6 tháng, hằng năm) và thời hạn gửi (trước ngày …), ví dụ "báo cáo UBND tỉnh ' +
      '(qua Sở Nội vụ) trước ngày 15/12 hằng năm". "Định kỳ báo cáo theo quy định" không cho biết khi nào phải báo cáo.',
    'A reporting duty must state its period (monthly, quarterly, half-yearly, yearly) and its deadline (before …), e.g. "report to the ' +
      'provincial People\'s Committee (via the Department of Home Affairs) before 15/12 each year". "Report periodically as required" says neither.',
  ),
  check(ctx) {
    const clauses = ctx.doc.reporting;
    const anyDated = clauses.some(hasTime);
    const dated = datedRecipients(clauses, ctx.doc.items);
    for (const c of clauses) {
      if (hasTime(c)) continue;
      if (isOnDemand(c) && anyDated) continue;
      const who = c.reporter ? `${c.reporter.name}: ` : '';
      const regular = c.time?.kind === 'period' && c.time.period === 'regular';
      ctx.report({
        span: c,
        ...(unsure(c, dated, ctx.doc.items, ctx.doc.text) ? { severity: 'information' as const } : {}),
        message: regular
          ? t(`${who}báo cáo "định kỳ" nhưng không nói kỳ nào và hạn gửi: "${short(c.raw)}"`, `${who}reports "periodically" without saying which period or deadline: "${short(c.raw)}"`)
          : t(`${who}nhiệm vụ báo cáo chưa có kỳ hoặc thời hạn: "${short(c.raw)}"`, `${who}reporting duty with no period or deadline: "${short(c.raw)}"`),
      });
    }
  },
};
