// KH301: a reporting duty with no deadline or period: "định kỳ tổng hợp, báo cáo UBND tỉnh theo
// quy định" (DOMAIN.md §3: what reviewers send back). "định kỳ" without saying which period does
// not count. An ad-hoc report ("báo cáo đột xuất khi có yêu cầu") beside a dated one is fine; when
// it is the plan's only reporting duty it is flagged like any other.

import type { ReportingClause } from '../model';
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
    for (const c of clauses) {
      if (hasTime(c)) continue;
      if (isOnDemand(c) && anyDated) continue;
      const who = c.reporter ? `${c.reporter.name}: ` : '';
      const regular = c.time?.kind === 'period' && c.time.period === 'regular';
      ctx.report({
        span: c,
        message: regular
          ? t(`${who}báo cáo "định kỳ" nhưng không nói kỳ nào và hạn gửi: "${short(c.raw)}"`, `${who}reports "periodically" without saying which period or deadline: "${short(c.raw)}"`)
          : t(`${who}nhiệm vụ báo cáo chưa có kỳ hoặc thời hạn: "${short(c.raw)}"`, `${who}reporting duty with no period or deadline: "${short(c.raw)}"`),
      });
    }
  },
};
