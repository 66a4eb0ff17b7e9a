// KH802: the district level after 1 July 2025. Local government has two levels since then,
// tỉnh and xã (xã, phường, đặc khu) — Nghị quyết 203/2025/QH15, Luật 72/2025/QH15 — so
// "UBND huyện", "UBND các huyện, thành phố", "cấp huyện" and "thị trấn" name bodies and units that
// no longer exist. The UBND/HĐND forms get a preferred fix to the commune level, which took over
// the district's local work; a bare "cấp huyện" in prose may mean something else, so its fix is
// offered but not applied by fix-all. A named district ("UBND huyện Yên Sơn") has no single
// successor (its communes were regrouped), so it gets no fix.

import type { Fix, Rule } from '../rule';
import type { Span } from '../model';
import { t } from '../i18n';
import { agencyKey, joinable, matchCase, tokenIndexAt } from '../registry/agency-names';
import { dayAfter, docAgencies, inReformContext, isHistorical, isoOf, oneLine, overlapsAny, viDate } from './agency-common';

const LOCAL_END = '2025-06-30';

const PREFIXES: [string, string][] = [
  ['ubnd', 'UBND'],
  ['ủy ban nhân dân', 'Ủy ban nhân dân'],
  ['hđnd', 'HĐND'],
  ['hội đồng nhân dân', 'Hội đồng nhân dân'],
];

/** The commune-level form of a district-level (or "thị trấn") name, in the same register. */
export function communeForm(written: string): { text: string; named: boolean } | undefined {
  const key = agencyKey(written);
  const p = PREFIXES.find(([k]) => key === k || key.startsWith(k + ' '));
  if (!p) return undefined;
  const rest = key.slice(p[0].length).trim();
  const words = rest.split(' ');
  let tail: string;
  if (words.includes('thị') && words.includes('trấn') && !words.includes('huyện')) {
    // "các xã, phường, thị trấn" → "các xã, phường"; "thị trấn" alone → "cấp xã"
    const kept = rest.replace(/\bthị trấn\b/u, '').trim();
    tail = kept === '' || kept === 'các' ? 'cấp xã' : kept === 'các xã phường' || kept === 'xã phường' ? 'các xã, phường' : kept === 'các xã' ? 'các xã' : 'cấp xã';
  } else if (rest === 'huyện' || rest === 'cấp huyện') tail = 'cấp xã';
  else tail = 'các xã, phường';
  return { text: matchCase(written, `${p[1]} ${tail}`), named: false };
}

export const agencyDistrictLevel: Rule = {
  id: 'KH802',
  alias: 'agency-district-level',
  category: 'agency',
  defaultSeverity: 'error',
  fixable: true,
  description: t(
    'Giao việc cho cấp huyện (UBND huyện, "cấp huyện", thị trấn) sau ngày 01/7/2025',
    'Work given to the district level (UBND huyện, "cấp huyện", thị trấn) after 1 July 2025',
  ),
  rationale: t(
    'Từ 01/7/2025 chính quyền địa phương có hai cấp: tỉnh và xã (xã, phường, đặc khu); cấp huyện kết thúc hoạt động và không còn thị trấn ' +
      '(Nghị quyết 203/2025/QH15; Luật Tổ chức chính quyền địa phương số 72/2025/QH15). Kế hoạch ban hành sau ngày đó không thể giao việc cho "UBND huyện". ' +
      'Sửa: giao cho UBND cấp xã (các xã, phường) hoặc cơ quan cấp tỉnh tiếp nhận nhiệm vụ.',
    'Since 1 July 2025 local government has two levels, province and commune (xã, phường, đặc khu); the district level ended and there are no more ' +
      'townships (Resolution 203/2025/QH15; Law 72/2025/QH15 on local government). A plan dated after that cannot assign work to "UBND huyện". ' +
      'Fix: assign it to the commune-level People\'s Committees or to the provincial body that took the task over.',
  ),
  check(ctx) {
    const today = isoOf(ctx.planDate);
    if (today <= LOCAL_END) return;
    const { mentions, tokens } = docAgencies(ctx);
    const text = ctx.doc.text;
    const since = viDate(dayAfter(LOCAL_END));
    const planDay = viDate(today);
    const cutover = dayAfter(LOCAL_END);
    const found: Span[] = [];

    for (const m of mentions) {
      const r = m.record;
      if (!(r.level === 'district' || r.level === 'commune') || !r.until || today <= r.until) continue;
      if (isHistorical(ctx.doc, m, cutover) || inReformContext(text, m)) continue;
      const written = oneLine(m.text);
      const form = communeForm(m.text);
      // "UBND huyện Yên Sơn": a named district, regrouped into several communes.
      const next = tokenIndexAt(tokens, m.end);
      const named = next < tokens.length && !!tokens.upper[next] && agencyKey(m.text).endsWith('huyện') && joinable(text, m.end, tokens.start[next]) && !/[,\n-]/.test(text.slice(m.end, tokens.start[next]));
      const thiTran = r.id === 'ubnd-xa-thi-tran';
      const fixes: Fix[] = form && !named
        ? [{ title: t(`Thay bằng "${oneLine(form.text)}"`, `Replace with "${oneLine(form.text)}"`), edits: [{ start: m.start, end: m.end, text: form.text }], preferred: false }]
        : [];
      const vi = thiTran
        ? `"${written}": từ ${since} không còn thị trấn; cấp xã gồm xã, phường, đặc khu (ngày của kế hoạch: ${planDay}).`
        : named
          ? `"${written}" ở đây là một huyện cụ thể: từ ${since} không còn cấp huyện, các xã của huyện đã được sắp xếp lại (ngày của kế hoạch: ${planDay}). Giao cho UBND các xã, phường tương ứng hoặc cơ quan cấp tỉnh.`
          : `"${written}": từ ${since} không còn cấp huyện (chính quyền địa phương hai cấp: tỉnh và xã); tại ngày của kế hoạch (${planDay}) không thể giao việc cho cơ quan này.`;
      const en = thiTran
        ? `"${written}": since ${cutover} there are no townships; the commune level is xã, phường and đặc khu (plan date: ${today}).`
        : named
          ? `"${written}" names one district: since ${cutover} there is no district level and its communes were regrouped (plan date: ${today}). Assign the work to the communes concerned or to a provincial body.`
          : `"${written}": since ${cutover} there is no district level (two-level local government: province and commune); at the plan's date (${today}) no work can be assigned to it.`;
      ctx.report({ span: m, message: t(vi, en), fixes });
      found.push(m);
    }

    // "cấp huyện" in prose ("các cơ quan cấp huyện", "từ tỉnh đến cấp huyện").
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens.key[i] !== 'cấp' || tokens.key[i + 1] !== 'huyện' || !/^[ \t]+$/.test(text.slice(tokens.end[i], tokens.start[i + 1]))) continue;
      const span = { start: tokens.start[i], end: tokens.end[i + 1] };
      if (overlapsAny(mentions, span) || overlapsAny(found, span)) continue;
      if (isHistorical(ctx.doc, span, cutover) || inReformContext(text, span)) continue;
      const written = text.slice(span.start, span.end);
      const fixes: Fix[] = [];
      const after = /^,?\s*(và\s+)?cấp xã/iu.exec(text.slice(span.end, span.end + 16));
      const before = /cấp xã\s*(,|và)\s*$/iu.exec(text.slice(Math.max(0, span.start - 12), span.start));
      if (after) {
        // "cấp huyện, cấp xã" → "cấp xã": the district simply drops out of the list.
        const end = span.end + after[0].length - 'cấp xã'.length;
        fixes.push({ title: t(`Bỏ "${oneLine(text.slice(span.start, end))}"`, `Remove "${oneLine(text.slice(span.start, end))}"`), edits: [{ start: span.start, end, text: '' }], preferred: false });
      } else if (before) {
        const start = span.start - before[0].length + 'cấp xã'.length;
        fixes.push({ title: t(`Bỏ "${oneLine(text.slice(start, span.end))}"`, `Remove "${oneLine(text.slice(start, span.end))}"`), edits: [{ start, end: span.end, text: '' }], preferred: false });
      } else {
        fixes.push({ title: t('Thay bằng "cấp xã"', 'Replace with "cấp xã"'), edits: [{ ...span, text: matchCase(written, 'cấp xã') }], preferred: false });
      }
      ctx.report({
        span,
        // In prose "cấp huyện" may name the past on purpose; less certain than "UBND huyện".
        severity: 'warning',
        message: t(
          `"${written}": từ ${since} không còn cấp huyện (chính quyền địa phương hai cấp: tỉnh và xã); ngày của kế hoạch: ${planDay}.`,
          `"${written}": since ${cutover} there is no district level (two-level local government: province and commune); plan date: ${today}.`,
        ),
        fixes,
      });
      i++;
    }
  },
};
