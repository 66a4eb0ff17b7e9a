// KH805: one agency named two ways in the same plan — "Sở KH&ĐT" here, "Sở Kế hoạch và Đầu tư"
// there — or a merged body named both by its new name and by its old parts ("Cục Lâm nghiệp và
// Kiểm lâm" and "Cục Lâm nghiệp và Cục Kiểm lâm"). Nghị định 30/2020/NĐ-CP asks for consistent
// wording; readers should not wonder whether two names are two bodies. Short forms that are
// the convention (UBND, HĐND) and the "Nơi nhận" block, where short forms are normal, are left out.

import type { Fix, Rule } from '../rule';
import { t } from '../i18n';
import type { AgencyMention } from '../registry/agencies';
import { docAgencies, inFormalBlock, isoOf, oneLine } from './agency-common';

/** A token of two or more capitals ("KH", "ĐT", "MTTQ") in a name not written all in capitals, or "&". */
function isShortForm(written: string): boolean | undefined {
  const upper = written.toUpperCase();
  if (upper === written) return undefined; // a heading in capitals: can't tell
  if (written.includes('&')) return true;
  // Two capitals in a row ("KH", "MTTQ", "VN"): capitals only start words in a full name.
  const lower = written.toLowerCase();
  for (let i = 0; i + 1 < written.length; i++) {
    if (written[i] !== lower[i] && written[i + 1] !== lower[i + 1]) return true;
  }
  return false;
}

export const agencyInconsistentName: Rule = {
  id: 'KH805',
  alias: 'agency-inconsistent-name',
  category: 'agency',
  defaultSeverity: 'information',
  fixable: true,
  description: t(
    'Một cơ quan được gọi bằng hai cách trong cùng kế hoạch',
    'One agency named two ways in the same plan',
  ),
  rationale: t(
    'Viết "Sở KH&ĐT" ở chỗ này và "Sở Kế hoạch và Đầu tư" ở chỗ khác, hoặc gọi một cơ quan đã hợp nhất bằng cả tên mới lẫn tên các cơ quan cũ ' +
      '("Cục Lâm nghiệp và Kiểm lâm" và "Cục Lâm nghiệp và Cục Kiểm lâm"), khiến người đọc không rõ đó là một hay hai cơ quan. ' +
      'Sửa: dùng một tên thống nhất (tên đầy đủ). Chữ viết tắt thông dụng (UBND, HĐND) và khối "Nơi nhận" không bị báo.',
    'Writing "Sở KH&ĐT" in one place and "Sở Kế hoạch và Đầu tư" in another, or naming a merged body both by its new name and by its old parts, ' +
      'leaves the reader unsure whether one body or two is meant. Fix: use one name (the full one). Conventional short forms (UBND, HĐND) and ' +
      'the recipients block are not flagged.',
  ),
  check(ctx) {
    const { mentions, registry } = docAgencies(ctx);
    const doc = ctx.doc;
    const today = isoOf(ctx.planDate);
    const byId = new Map<string, AgencyMention[]>();
    for (const m of mentions) {
      if (inFormalBlock(doc, m.start)) continue;
      let list = byId.get(m.record.id);
      if (!list) byId.set(m.record.id, (list = []));
      list.push(m);
    }

    const ks = ctx.config.rules?.['KH801'] ?? ctx.config.rules?.['agency-defunct'];
    const defunctRuleOn = !(ks === 'off' || (Array.isArray(ks) && ks[0] === 'off'));

    // 1. Full name and short form of the same agency.
    for (const list of byId.values()) {
      const r = list[0].record;
      if (r.conventionalShortForm || list.length < 2) continue;
      // A body that no longer exists at the plan's date is KH801's: renaming it to its successor
      // settles the naming too.
      if (r.until && today > r.until && defunctRuleOn) continue;
      const full = list.filter((m) => isShortForm(m.text) === false);
      const short = list.filter((m) => isShortForm(m.text) === true);
      if (full.length === 0 || short.length === 0) continue;
      // The less used style is the odd one out; on a tie the short form yields to the full name.
      const [keep, odd] = short.length <= full.length ? [full, short] : [short, full];
      const target = mostCommon(keep.map((m) => oneLine(m.text)));
      const first = odd[0];
      const fixes: Fix[] = [{
        title: t(`Dùng thống nhất "${target}"`, `Use "${target}" throughout`),
        edits: odd.map((m) => ({ start: m.start, end: m.end, text: target })),
        // Replaces the drafter's words with other words: offered, never applied by "fix all".
        preferred: false,
      }];
      ctx.report({
        span: first,
        message: t(
          `"${oneLine(first.text)}" và "${target}" là cùng một cơ quan (${r.name}); dùng một tên thống nhất trong kế hoạch.`,
          `"${oneLine(first.text)}" and "${target}" are the same agency (${r.name}); use one name throughout the plan.`,
        ),
        related: [{ message: t(`Cũng được gọi là "${target}"`, `Also named "${target}"`), span: keep[0] }],
        fixes,
      });
    }

    // 2. A merged body named both by its new name and by its predecessor. When the old name is
    //    already wrong at the plan's date KH801 reports that span; one finding per span is enough.
    for (const list of byId.values()) {
      const r = list[0].record;
      if (!r.until || (today > r.until && defunctRuleOn)) continue;
      const successors = registry.successorsOf(r);
      // Only a body the merger created ("Cục Lâm nghiệp và Kiểm lâm"): before the change "Sở Kế hoạch
      // và Đầu tư" and "Sở Tài chính" were simply two departments.
      if (successors.length !== 1 || !successors[0].record.from) continue;
      const newer = byId.get(successors[0].record.id);
      if (!newer) continue;
      const m = list[0];
      ctx.report({
        span: m,
        message: t(
          `"${oneLine(m.text)}" đã hợp nhất thành "${successors[0].record.name}", tên cũng được dùng trong kế hoạch; dùng một tên thống nhất.`,
          `"${oneLine(m.text)}" was merged into "${successors[0].record.name}", which the plan also names; use one name throughout.`,
        ),
        related: [{ message: t(`Tên mới: "${oneLine(newer[0].text)}"`, `New name: "${oneLine(newer[0].text)}"`), span: newer[0] }],
        fixes: [{ title: t(`Thay bằng "${successors[0].record.name}"`, `Replace with "${successors[0].record.name}"`), edits: [{ start: m.start, end: m.end, text: successors[0].record.name }], preferred: false }],
      });
    }
  },
};

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  let best = values[0];
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}
