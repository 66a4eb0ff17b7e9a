// KH601: a Kế hoạch states its purpose and requirements (Mục đích, yêu cầu) and how it is carried
// out (Tổ chức thực hiện). Resolutions and action programmes have other layouts; the rule only
// speaks for documents whose type line is KẾ HOẠCH.

import type { SectionKind } from '../model';
import type { Rule } from '../rule';
import { t } from '../i18n';

const NEEDED: { kinds: SectionKind[]; vi: string; en: string }[] = [
  // "QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU" (the layout of QĐ 282/QĐ-TTg's reform plans) states the purpose as objectives.
  { kinds: ['purpose', 'purpose-requirements', 'objectives'], vi: 'Mục đích', en: 'Purpose (Mục đích)' },
  { kinds: ['requirements', 'purpose-requirements'], vi: 'Yêu cầu', en: 'Requirements (Yêu cầu)' },
  { kinds: ['organization'], vi: 'Tổ chức thực hiện', en: 'Implementation (Tổ chức thực hiện)' },
];

export const structureSections: Rule = {
  id: 'KH601',
  alias: 'structure-sections',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Kế hoạch thiếu phần Mục đích, Yêu cầu hoặc Tổ chức thực hiện', 'The plan lacks a Purpose, Requirements or Implementation section'),
  rationale: t(
    'Một kế hoạch nêu rõ mục đích, yêu cầu, các nhiệm vụ và phần tổ chức thực hiện (ai chủ trì, ai tổng hợp, khi nào báo cáo). ' +
      'Thiếu phần Tổ chức thực hiện thì không ai chịu trách nhiệm theo dõi, đôn đốc. Sửa: bổ sung phần còn thiếu.',
    'A plan states its purpose and requirements, its tasks, and how it is carried out (who leads, who consolidates, when results are reported). ' +
      'Without an implementation section nobody is accountable for follow-up. Fix: add the missing section.',
  ),
  check(ctx) {
    const doc = ctx.doc;
    if (doc.header.docType?.value !== 'KẾ HOẠCH') return;
    const end = doc.appendix?.start ?? doc.text.length;
    const sections = doc.items.filter((i) => i.depth <= 1 && i.start < end && i.sectionKind);
    const present = new Set(sections.map((i) => i.sectionKind!));
    // "MỤC TIÊU, YÊU CẦU": one heading, two parts.
    if (sections.some((i) => /yêu cầu/iu.test(i.title.value))) present.add('requirements');
    // a plan with no numbered sections at all is not one we can judge
    if (!doc.items.some((i) => i.depth === 0 && i.start < end)) return;
    const missing = NEEDED.filter((n) => !n.kinds.some((k) => present.has(k)));
    if (missing.length === 0) return;
    ctx.report({
      span: doc.header.docType,
      message: t(
        `Kế hoạch thiếu phần: ${missing.map((m) => m.vi).join(', ')}`,
        `The plan has no section: ${missing.map((m) => m.en).join(', ')}`,
      ),
    });
  },
};
