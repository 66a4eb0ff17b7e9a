// Generates docs/rules/<id>.md and the rule list in README.md from the rule registry, so the
// documentation cannot drift from the code. `npm run docs` writes; the docs test checks.

import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../core/rules';
import type { RuleMeta } from '../core/rule';
import { fixKindOf } from '../core/fixes';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const README_START = '<!-- rules:start -->';
export const README_END = '<!-- rules:end -->';

const SEVERITY_VI: Record<string, string> = { error: 'lỗi', warning: 'cảnh báo', information: 'thông tin', hint: 'gợi ý' };

/** All rule metadata (the one list, rules/index.ts), by number. */
export function allRuleMeta(): RuleMeta[] {
  const metas: RuleMeta[] = [...RULES];
  // By number: KH1001 (layout) after KH905, not between KH100 and KH101.
  return metas.sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)) || a.id.localeCompare(b.id));
}

/** Whether a rule's fixes are mechanical (batch fixing applies them) or suggestions (one by one). */
function fixCell(r: RuleMeta): string {
  if (!r.fixable) return 'không (no)';
  return fixKindOf(r.id) === 'fix'
    ? 'sửa máy móc: `--fix` và “Sửa tất cả” áp dụng (mechanical fix: applied by `--fix` and fix all)'
    : 'gợi ý: làm đổi nội dung, người soạn xác nhận từng cái; chỉ áp dụng hàng loạt với `--fix-type suggestion` (suggestion: changes what the plan says; offered one by one)';
}

export function rulePage(r: RuleMeta): string {
  const lines = [
    `# ${r.id} \`${r.alias}\``,
    '',
    `**${r.description.vi}**`,
    '',
    `*${r.description.en}*`,
    '',
    `| | |`,
    `|---|---|`,
    `| Nhóm (category) | \`${r.category}\` |`,
    `| Mức mặc định (default severity) | ${SEVERITY_VI[r.defaultSeverity]} (\`${r.defaultSeverity}\`) |`,
    `| Sửa tự động (fixable) | ${fixCell(r)} |`,
    '',
  ];
  if (r.rationale) lines.push('## Vì sao', '', r.rationale.vi, '', '## Why', '', r.rationale.en, '');
  lines.push(
    '## Tắt hoặc đổi mức (configure)',
    '',
    '```json',
    `{ "rules": { "${r.alias}": "off" } }`,
    '```',
    '',
    `Trong \`.kehoach.json\` hoặc thiết lập \`kehoach.rules\`; dùng \`${r.id}\` hoặc \`${r.alias}\`.`,
    '',
  );
  return lines.join('\n');
}

export function readmeRuleList(): string {
  const rows = allRuleMeta().map(
    (r) => `| [${r.id}](docs/rules/${r.id}.md) | \`${r.alias}\` | ${r.category} | ${r.defaultSeverity} | ${!r.fixable ? '' : fixKindOf(r.id) === 'fix' ? 'sửa' : 'gợi ý'} | ${r.description.vi} |`,
  );
  return [README_START, '| Mã | Bí danh (alias) | Nhóm | Mức | Sửa | Kiểm tra gì |', '|---|---|---|---|---|---|', ...rows, README_END].join('\n');
}

export function generate(write: boolean): string[] {
  const stale: string[] = [];
  const dir = path.join(ROOT, 'docs', 'rules');
  if (write) fs.mkdirSync(dir, { recursive: true });
  for (const r of allRuleMeta()) {
    const file = path.join(dir, `${r.id}.md`);
    const page = rulePage(r);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current !== page) {
      stale.push(path.relative(ROOT, file));
      if (write) fs.writeFileSync(file, page);
    }
  }
  const readmePath = path.join(ROOT, 'README.md');
  const readme = fs.existsSync(readmePath) ? fs.readFileSync(readmePath, 'utf8') : '';
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a >= 0 && b > a) {
    const next = readme.slice(0, a) + readmeRuleList() + readme.slice(b + README_END.length);
    if (next !== readme) {
      stale.push('README.md');
      if (write) fs.writeFileSync(readmePath, next);
    }
  } else stale.push('README.md (no rule list markers)');
  return stale;
}

if (require.main === module) {
  const stale = generate(true);
  process.stdout.write(stale.length ? `updated: ${stale.join(', ')}\n` : 'docs are current\n');
}
