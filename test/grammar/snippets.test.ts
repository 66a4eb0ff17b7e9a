// Snippets: each body, expanded with its defaults (first choice, empty tab stops), must read as
// a correct plan fragment, and the whole-plan skeleton must be a plan the checker accepts.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkPlan, parsePlan, defaultConfig } from '../../server/src/core';
import { ROOT } from '../helpers';

interface Snippet {
  scope?: string;
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const FILE = path.join(ROOT, 'snippets', 'kehoach.code-snippets');
const TODAY = { year: 2026, month: 11, day: 22 };

/**
 * Expand a snippet body the way VS Code inserts it before the user types: placeholders take their
 * default, choices their first option, bare tab stops and variables nothing. Follows the snippet
 * grammar (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar).
 */
export function expandSnippet(body: string): string {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };
  // Text until one of `stops` (unescaped) at this nesting level.
  const text = (stops: string): string => {
    let out = '';
    while (i < body.length && !stops.includes(body[i])) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (c === '$') out += dollar();
      else {
        out += c;
        i++;
      }
    }
    return out;
  };
  const dollar = (): string => {
    i++; // $
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    if (body[i] !== '{') return '$';
    i++;
    const name = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i)) ?? fail('tab stop without a number or name');
    i += name[0].length;
    if (body[i] === '}') {
      i++;
      return '';
    }
    if (body[i] === ':') {
      i++;
      const inner = text('}');
      if (body[i] !== '}') fail('unclosed placeholder');
      i++;
      return inner;
    }
    if (body[i] === '|') {
      i++;
      const options: string[] = [];
      let cur = '';
      while (i < body.length && !(body[i] === '|' && body[i + 1] === '}')) {
        if (body[i] === '\\' && i + 1 < body.length && ',|\\$}'.includes(body[i + 1])) {
          cur += body[i + 1];
          i += 2;
        } else if (body[i] === ',') {
          options.push(cur);
          cur = '';
          i++;
        } else cur += body[i++];
      }
      if (i >= body.length) fail('unclosed choice');
      options.push(cur);
      i += 2;
      return options[0];
    }
    return fail('unknown snippet syntax');
  };
  const out = text('');
  return out;
}

function choicesOf(body: string): string[][] {
  const lists: string[][] = [];
  const re = /\$\{\d+\|((?:\\.|[^|\\])*)\|\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) lists.push(m[1].split(/(?<!\\),/).map((s) => s.replace(/\\(.)/g, '$1')));
  return lists;
}

const snippets = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, Snippet>;
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const findByPrefix = (p: string) => Object.entries(snippets).find(([, s]) => ([] as string[]).concat(s.prefix).includes(p));

describe('snippets', () => {
  it('the expander follows the snippet grammar', () => {
    assert.strictEqual(expandSnippet('${1:a ${2:b}} $3 ${4|x\\,y,z|} \\$5 $TM_FILENAME ${6}$0'), 'a b  x,y $5  ');
  });

  it('cover the parts of a plan, with Vietnamese descriptions and prefixes with and without diacritics', () => {
    for (const p of ['kehoach', 'mucdich', 'yeucau', 'muctieu', 'nhiemvu', 'giaiphap', 'tochuc', 'kinhphi', 'cancu', 'thuchien', 'noinhan', 'chuky', 'phuluc', 'ngay']) {
      assert.ok(findByPrefix(p), `no snippet with prefix ${p}`);
    }
    const all = Object.values(snippets).flatMap((s) => ([] as string[]).concat(s.prefix));
    assert.strictEqual(new Set(all).size, all.length, 'prefixes are unique');
    assert.ok(all.some((p) => /[ạ-ỹđ]/.test(p)), 'some prefixes have diacritics');
    for (const [name, s] of Object.entries(snippets)) {
      assert.strictEqual(s.scope, 'kehoach', name);
      assert.match(s.description ?? '', /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/, `${name}: Vietnamese description`);
    }
  });

  for (const [name, s] of Object.entries(snippets)) {
    describe(name, () => {
      const body = bodyOf(s);
      const text = expandSnippet(body);

      it('expands to plain text (no leftover snippet syntax) that the checker accepts', () => {
        assert.doesNotMatch(text, /\$\{|\$\d/);
        const r = checkPlan(text, defaultConfig(), { today: TODAY });
        assert.ok(!r.findings.some((f) => /internal error/.test(f.message)), 'no rule fails on it');
        // Fragments lack a header and sections, so structure, lead and reporting rules may speak;
        // but what the snippet itself writes (numbers, dates, citations, agencies, spacing) must be right.
        const own = r.findings.filter((f) => ['numbering', 'citation', 'date', 'agency', 'encoding'].includes(f.category));
        assert.deepStrictEqual(own.map((f) => `${f.rule} ${f.message}`), []);
      });

      it('every choice is a correct value too', () => {
        for (const list of choicesOf(body)) {
          for (const option of list) {
            const r = checkPlan(option, defaultConfig(), { today: TODAY });
            const own = r.findings.filter((f) => ['date', 'agency', 'encoding'].includes(f.category));
            assert.deepStrictEqual(own.map((f) => `${f.rule} ${f.message}`), [], option);
          }
        }
      });
    });
  }

  it('dates follow ND30 (leading zero for days below 10 and for months 1 and 2 only)', () => {
    for (const s of Object.values(snippets)) {
      const text = expandSnippet(bodyOf(s));
      for (const m of text.matchAll(/ngày (\d+) tháng (\d+) năm \d{4}/g)) {
        const [day, month] = [m[1], m[2]];
        assert.strictEqual(day, +day < 10 ? `0${+day}` : `${+day}`, m[0]);
        assert.strictEqual(month, +month <= 2 ? `0${+month}` : `${+month}`, m[0]);
      }
    }
  });

  it('Nơi nhận lines start with "- " and end with ";", the last is "- Lưu: VT, ..."', () => {
    const [, s] = findByPrefix('noinhan')!;
    const lines = expandSnippet(bodyOf(s)).split('\n').filter((l) => l.trim());
    assert.strictEqual(lines[0], 'Nơi nhận:');
    const items = lines.slice(1);
    for (const l of items.slice(0, -1)) assert.match(l, /^- .+;$/);
    assert.match(items[items.length - 1], /^- Lưu: VT, .+\.$/);
  });

  // These read the parser's model: they pass once the parser understands tasks and reporting.
  it('the task snippet gives a task with one lead, coordinators and a time', () => {
    const [, s] = findByPrefix('nhiemvu')!;
    const doc = parsePlan(`II. NHIỆM VỤ, GIẢI PHÁP\n${expandSnippet(bodyOf(s))}`);
    assert.strictEqual(doc.tasks.length, 1);
    const task = doc.tasks[0];
    assert.strictEqual(task.lead?.name, 'Sở Nội vụ');
    assert.strictEqual(task.extraLeads.length, 0);
    assert.ok(task.coordinators.length > 0, 'coordinators');
    assert.ok(task.time, 'time');
  });

  it('the organisation snippet gives dated reporting clauses', () => {
    const [, s] = findByPrefix('tochuc')!;
    const doc = parsePlan(expandSnippet(bodyOf(s)));
    const dated = doc.reporting.filter((r) => r.time);
    assert.ok(dated.length >= 2, `dated reporting clauses: ${dated.length}`);
  });

  it('the whole-plan skeleton is a plan with no structure findings', () => {
    const [, s] = findByPrefix('kehoach')!;
    const text = expandSnippet(bodyOf(s));
    const r = checkPlan(text, defaultConfig(), { today: TODAY });
    assert.deepStrictEqual(r.doc.header.date && [r.doc.header.date.year, r.doc.header.date.month, r.doc.header.date.day], [2026, 1, 5]);
    assert.strictEqual(r.doc.header.docType?.value, 'KẾ HOẠCH');
    const roots = r.doc.items.filter((it) => it.parent === -1).map((it) => it.sectionKind);
    assert.deepStrictEqual(roots, ['purpose-requirements', 'tasks', 'organization']);
    assert.ok(r.doc.recipients, 'Nơi nhận');
    assert.ok(r.doc.signature, 'signature');
    assert.deepStrictEqual(r.findings.filter((f) => f.category === 'structure').map((f) => `${f.rule} ${f.message}`), []);
  });

  it('the whole-plan skeleton raises no findings at all', () => {
    const [, s] = findByPrefix('kehoach')!;
    const r = checkPlan(expandSnippet(bodyOf(s)), defaultConfig(), { today: TODAY });
    assert.deepStrictEqual(r.findings.map((f) => `${f.rule} ${f.message}`), []);
  });
});
