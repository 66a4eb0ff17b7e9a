// KH699: not a check of the plan but of the checker — when a document is too large to check as
// the user types (CheckOptions.maxChars) or the rules overrun their time budget
// (CheckOptions.budgetMs), check.ts reports one information finding under this rule instead of
// silently dropping rules. A rule object so it has an id, docs and a setting ("off" hides it).

import type { Rule } from '../rule';
import { t } from '../i18n';

export const checkBudget: Rule = {
  id: 'KH699',
  alias: 'check-budget',
  category: 'structure',
  defaultSeverity: 'information',
  fixable: false,
  description: t(
    'Kiểm tra dừng sớm do văn bản quá lớn hoặc kiểm tra quá lâu',
    'Checking stopped early because the document is too large or checking took too long',
  ),
  rationale: t(
    'Trình soạn thảo kiểm tra văn bản mỗi khi gõ; với văn bản rất lớn, máy chủ giới hạn kích thước (kehoach.maxFileSizeKB) ' +
      'và thời gian kiểm tra để không làm chậm việc soạn thảo. Khi đó một số quy tắc không chạy. ' +
      'Dùng lệnh `kehoach` trên dòng lệnh (không giới hạn) để kiểm tra toàn bộ.',
    'The editor checks the document as you type; for very large documents the server limits the size ' +
      '(kehoach.maxFileSizeKB) and the checking time so typing stays responsive, and some rules do not run. ' +
      'Run the `kehoach` command line (no limits) to check everything.',
  ),
  // check.ts emits this rule's finding itself; there is nothing to find in the text.
  check() {},
};
