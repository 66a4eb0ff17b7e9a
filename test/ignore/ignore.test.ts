// Suppressions (.kehoach.json "ignore") on a real plan: an ignored finding stays ignored after
// edits elsewhere, comes back when its own words change, never changes the plan's text; and
// `kehoach check` honours them unless --no-ignore.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { applyIgnores, checkPlan, defaultConfig, findingQuote, fixAll, mergeConfig, parseIgnoreList, validateConfigObject, type Finding, type LintConfig } from '../../server/src/core';
import { readCorpus } from '../helpers';

const PLAN = 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt';
const FILE = '/plans/147.kehoach.txt';

function checkAt(text: string, ignore: LintConfig['ignore'], file: string | undefined): Finding[] {
  return checkPlan(text, mergeConfig(defaultConfig(), { ignore }), { file }).findings;
}
const check = (text: string, ignore: LintConfig['ignore']) => checkAt(text, ignore, FILE);

const key = (f: Finding, text: string) => `${f.rule} ${findingQuote(text, f)}`;

describe('ignore: silencing findings in .kehoach.json', function () {
  this.timeout(30000);
  const text = readCorpus(PLAN);
  const all = checkPlan(text).findings;
  // A finding with words of its own (not the first line), and one rule with several findings.
  const target = all.find((f) => f.end - f.start > 3 && f.start > 200)!;
  const quote = findingQuote(text, target);

  it('an entry silences exactly the finding it quotes (same rule, same words, same file)', () => {
    assert.ok(target, 'the 147 plan has findings');
    const after = check(text, [{ rule: target.rule, text: quote, file: FILE }]);
    assert.ok(!after.some((f) => key(f, text) === key(target, text)), 'the quoted finding is gone');
    // Everything else stays (findings of other rules, or of this rule on other words).
    const others = all.filter((f) => key(f, text) !== key(target, text));
    assert.deepStrictEqual(after.map((f) => key(f, text)), others.map((f) => key(f, text)));
    // The alias names the rule as well as the id.
    assert.strictEqual(check(text, [{ rule: target.alias, text: quote, file: FILE }]).length, after.length);
  });

  it('stays ignored after unrelated edits that move it (a paragraph added above, the line re-wrapped)', () => {
    const entry = [{ rule: target.rule, text: quote, file: FILE }];
    const insertAt = text.lastIndexOf('\n', target.start - 1) + 1;
    const edited = text.slice(0, insertAt) + 'Nội dung bổ sung ở đoạn trên, không liên quan.\n\n' + text.slice(insertAt);
    const before = checkPlan(edited).findings;
    assert.ok(before.some((f) => key(f, edited) === key(target, text)), 'the finding is still raised in the edited text');
    const after = check(edited, entry);
    assert.ok(!after.some((f) => key(f, edited) === key(target, text)), 'and still silenced after the edit');
    assert.strictEqual(after.length, before.length - before.filter((f) => key(f, edited) === key(target, text)).length);
  });

  it('comes back when the words it quoted change (a short range: the words beside it; a long one: its own)', () => {
    // Short: "94-NQ/CP" is quoted with the words around it; one of them changes.
    const short = all.find((f) => f.rule === 'KH401')!;
    const lineEnd = text.indexOf('\n', short.end);
    const shortEdited = text.slice(0, short.end) + ' mới' + text.slice(short.end);
    // Long: the collective lead "Các sở, ban, ngành liên quan" becomes "… có liên quan".
    const long = all.find((f) => f.rule === 'KH202')!;
    const at = text.indexOf('liên quan', long.start);
    assert.ok(short && long && lineEnd > short.end && at > 0 && at < long.end);
    const longEdited = text.slice(0, at) + 'có ' + text.slice(at);
    for (const [f, edited] of [[short, shortEdited], [long, longEdited]] as const) {
      const entry = [{ rule: f.rule, text: findingQuote(text, f), file: FILE }];
      assert.ok(!check(text, entry).some((g) => g.rule === f.rule && g.start === f.start), `${f.rule} ignored before the change`);
      const back = check(edited, entry).filter((g) => g.rule === f.rule && g.start === f.start);
      assert.strictEqual(back.length, 1, `${f.rule} raised again once its words changed`);
    }
  });

  it('is scoped: another file, or a rule-wide entry for this file only', () => {
    assert.strictEqual(check(text, [{ rule: target.rule, text: quote, file: '/plans/other.kehoach.txt' }]).length, all.length);
    const ruleWide = check(text, [{ rule: target.rule, file: FILE }]);
    assert.ok(!ruleWide.some((f) => f.rule === target.rule));
    assert.strictEqual(ruleWide.length, all.filter((f) => f.rule !== target.rule).length);
    // An unsaved plan (no path) is reached only by entries without a file.
    assert.strictEqual(checkAt(text, [{ rule: target.rule, file: FILE }], undefined).length, all.length);
    assert.strictEqual(checkAt(text, [{ rule: target.rule }], undefined).length, ruleWide.length);
  });

  it('never modifies the plan: checking returns its text untouched, and fix all skips ignored fixes', () => {
    const fixable = all.find((f) => f.fixes.some((x) => x.preferred) && f.start > 0)!;
    assert.ok(fixable, 'a fixable finding');
    const config = mergeConfig(defaultConfig(), { ignore: [{ rule: fixable.rule, file: FILE }] });
    const r = checkPlan(text, config, { file: FILE });
    assert.strictEqual(r.doc.source, text);
    const fixed = fixAll(text, config, { file: FILE }).text;
    const unfixed = fixAll(text).text;
    assert.notStrictEqual(fixed, unfixed, 'the ignored rule’s fixes are not applied');
    assert.ok(!checkPlan(fixed, config, { file: FILE }).findings.some((f) => f.rule === fixable.rule));
  });

  it('pure: applyIgnores leaves its input alone', () => {
    const copy = all.map((f) => ({ ...f }));
    applyIgnores(all, [{ rule: target.rule }], { source: text });
    assert.deepStrictEqual(all, copy);
  });

  it('validates entries from an untrusted file, keeping the good ones', () => {
    const r = parseIgnoreList([{ rule: 'KH804', text: 'x', file: 'a.txt' }, { text: 'no rule' }, 'KH101', { rule: 'KH101', file: 3 }]);
    assert.deepStrictEqual(r.entries, [{ rule: 'KH804', text: 'x', file: 'a.txt' }]);
    assert.strictEqual(r.problems.length, 3);
    assert.deepStrictEqual(parseIgnoreList({ rule: 'KH101' }).entries, []);
    const v = validateConfigObject({ ignore: [{ rule: 'KH101' }], agencies: { list: [{ name: 'Ban Quản lý dự án' }, { aliases: [] }] } });
    assert.deepStrictEqual(v.config.ignore, [{ rule: 'KH101' }]);
    assert.deepStrictEqual(v.config.agencies, { list: [{ name: 'Ban Quản lý dự án' }] });
    assert.strictEqual(v.problems.length, 1);
  });

  describe('kehoach check', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-ignore-'));
      fs.mkdirSync(path.join(dir, 'plans'));
      fs.writeFileSync(path.join(dir, 'plans', '147.kehoach.txt'), text);
      // Relative to the project file's folder, as the editor's quick fix writes it.
      fs.writeFileSync(path.join(dir, '.kehoach.json'), JSON.stringify({ ignore: [{ rule: target.rule, text: quote, file: 'plans/147.kehoach.txt' }] }, null, 2));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function run(args: string[]): Promise<{ code: number; out: string }> {
      let out = '';
      const code = await main(args, { out: (s) => (out += s), err: () => undefined });
      return { code, out };
    }

    it('honours the ignore entries; --no-ignore shows all', async () => {
      const file = path.join(dir, 'plans', '147.kehoach.txt');
      const count = (out: string) => (JSON.parse(out) as { files: { findings: { rule: string }[] }[] }).files[0].findings.length;
      const honoured = await run(['check', '--no-parents', '--format', 'json', file]);
      const everything = await run(['check', '--no-parents', '--no-ignore', '--format', 'json', file]);
      const silenced = all.filter((f) => key(f, text) === key(target, text)).length;
      assert.ok(silenced >= 1);
      assert.strictEqual(count(everything.out), count(honoured.out) + silenced);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), text, 'the plan is not touched');
    });
  });
});
