// KH102: điểm letters follow the Vietnamese alphabet — a) b) c) d) đ) e) g) h) i) k) … — as the
// text of Nghị định 30/2020/NĐ-CP itself does. "e) f)" after "d)" should be "đ) e)"; f, j, w and z
// are not used.

import type { Rule } from '../rule';
import { t } from '../i18n';
import { letterAt, letterValue } from '../parse/numbering';
import { renumberFix, runsOf, shown, siblingGroups } from './numbering-common';

export const numberingLetterOrder: Rule = {
  id: 'KH102',
  alias: 'numbering-letter-order',
  category: 'numbering',
  defaultSeverity: 'warning',
  fixable: true,
  description: t('Điểm đánh bằng chữ cái không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g…)', 'Points are not lettered in Vietnamese order (a, b, c, d, đ, e, g…)'),
  rationale: t(
    'Điểm được đánh bằng chữ cái tiếng Việt theo thứ tự a), b), c), d), đ), e), g)… như chính Nghị định 30/2020/NĐ-CP; ' +
      'sau d) là đ), không dùng f), j), w), z). Sửa: đánh lại chữ cái của các điểm.',
    'Points are lettered in the Vietnamese alphabet — a), b), c), d), đ), e), g)… as Decree 30/2020/NĐ-CP itself does; ' +
      'đ) follows d), and f), j), w), z) are not used. Fix: reletter the points.',
  ),
  check(ctx) {
    for (const group of siblingGroups(ctx.doc)) {
      if (group[0].label!.style !== 'letter') continue;
      for (const run of runsOf(group)) {
        for (let k = 0; k < run.length; k++) {
          const l = run[k].label!;
          const letter = l.letter ?? '';
          const foreign = letterValue(letter) === undefined;
          const prevLetter = k > 0 ? run[k - 1].label!.letter : undefined;
          const skippedD = letter === 'e' && prevLetter === 'd';
          if (!foreign && !skippedD) continue;
          // the letter this point should carry: the one after the previous point's
          const prevValue = k > 0 ? letterValue(prevLetter ?? '') : 0;
          const want = prevValue !== undefined ? letterAt(prevValue + 1) : undefined;
          const wantText = want ? `${want})` : undefined;
          ctx.report({
            span: l,
            message: foreign
              ? t(
                  `Chữ "${letter}" không dùng để đánh điểm theo thứ tự chữ cái tiếng Việt${wantText ? `; điểm này phải là "${wantText}"` : ''}`,
                  `"${letter}" is not a Vietnamese point letter${wantText ? `; this point should be "${wantText}"` : ''}`,
                )
              : t(`Sau "d)" là "đ)", không phải "${shown(l)}"`, `"đ)" follows "d)", not "${shown(l)}"`),
            fixes: prevValue !== undefined ? renumberFix(run, k, prevValue + 1) : [],
          });
          break; // the fix reletters the rest of the run
        }
      }
    }
  },
};
