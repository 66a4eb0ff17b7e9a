// KH406: a plan cannot cite a document dated after its own date (DOMAIN.md §5). The 134/KH-UBND
// plan of 26/3/2026 cites "Quyết định số 1955/QĐ-UBND ngày 19/6/2026". The plan naming itself
// ("Kèm theo …") is KH404's business.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { compareYmd } from '../parse/dates';
import { formatYmd, isSelfReference, shownSymbol, ymdOf } from './citation-common';

export const citationFutureDate: Rule = {
  id: 'KH406',
  alias: 'citation-future-date',
  category: 'citation',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Văn bản được trích dẫn có ngày sau ngày ban hành kế hoạch', 'A cited document dated after the plan itself'),
  rationale: t(
    'Kế hoạch chỉ có thể căn cứ hoặc viện dẫn văn bản đã ban hành trước nó. Ngày sau ngày kế hoạch thường là gõ nhầm năm hoặc tháng — đối chiếu với văn bản gốc.',
    'A plan can only rely on documents issued before it. A date after the plan\'s own is usually a typo in the year or month — check the original.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    const plan = ctx.planDate;
    // An inferred date is the latest date the preamble cites: a lower bound, not the plan's date.
    if (ctx.planDateSource === 'inferred') return;
    for (const c of doc.citations) {
      const ymd = ymdOf(c);
      if (!ymd || !c.date || compareYmd(ymd, plan) <= 0 || isSelfReference(c, doc)) continue;
      const what = c.typeWord ? `${c.typeWord.value.replace(/\s+/g, ' ')} số ${shownSymbol(c.number)}` : shownSymbol(c.number);
      const header = ctx.planDateFromHeader ? doc.header.date : undefined;
      ctx.report({
        span: c.date,
        message: t(
          `${what} ghi ngày ${formatYmd(ymd)}, sau ngày ban hành kế hoạch (${formatYmd(plan)})`,
          `${what} is dated ${formatYmd(ymd)}, after the plan's own date (${formatYmd(plan)})`,
        ),
        ...(header ? { related: [{ message: t('Ngày ban hành kế hoạch', 'The plan\'s date'), span: header }] } : {}),
      });
    }
  },
};
