// `kehoach check` output formats on a real plan: compiler-style text, JSON with LSP ranges,
// and SARIF 2.1.0 whose results point at the same places.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { LineIndex, RULES } from '../../server/src/core';
import { CORPUS } from '../helpers';

async function run(args: string[], cwd?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const prev = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  } finally {
    process.chdir(prev);
  }
}

const PLAN = path.join(CORPUS, 'tuyenquang_147-kh-ubnd_2024_thuc-hien-43-nq-tw.txt');

describe('CLI output formats', function () {
  this.timeout(30000);

  it('text: file:line:col severity rule message, one per finding, and a summary', async () => {
    const r = await run(['check', PLAN]);
    const lines = r.out.trim().split('\n');
    const findings = lines.slice(0, -1);
    assert.ok(findings.length > 0, 'the 147 plan has known mistakes');
    for (const l of findings) assert.match(l, /^.+:\d+:\d+ (error|warning|information|hint) KH\d{3,4}\/[a-z-]+ .+$/);
    assert.match(lines[lines.length - 1], /1 tệp, \d+ lỗi, \d+ cảnh báo/);
    assert.strictEqual(r.code, r.out.includes(' error KH') ? 1 : 0);
  });

  it('json: files → findings with rule, alias, category, severity, message, LSP range and fixes', async () => {
    const r = await run(['check', '--format', 'json', PLAN]);
    const json = JSON.parse(r.out) as { files: { path: string; findings: Record<string, unknown>[] }[] };
    assert.strictEqual(json.files.length, 1);
    const text = fs.readFileSync(PLAN, 'utf8');
    const index = new LineIndex(text);
    for (const f of json.files[0].findings) {
      for (const k of ['rule', 'alias', 'category', 'severity', 'message', 'range', 'fixes']) assert.ok(k in f, `missing ${k}`);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity as string));
      const range = f.range as { start: { line: number; character: number }; end: { line: number; character: number } };
      const start = index.offsetAt(range.start);
      const end = index.offsetAt(range.end);
      assert.ok(start <= end && end <= text.length);
    }
    // a finding with a fix carries LSP text edits
    const withFix = json.files[0].findings.find((f) => (f.fixes as unknown[]).length > 0) as { fixes: { edits: { range: unknown; newText: string }[] }[] } | undefined;
    assert.ok(withFix, 'expected at least one fixable finding (space before ";")');
    assert.ok(withFix.fixes[0].edits[0].range && typeof withFix.fixes[0].edits[0].newText === 'string');
  });

  it('sarif: a valid 2.1.0 log whose results match the JSON findings', async () => {
    const [sarifRun, jsonRun] = await Promise.all([run(['check', '--format', 'sarif', PLAN]), run(['check', '--format', 'json', PLAN])]);
    const sarif = JSON.parse(sarifRun.out);
    assert.strictEqual(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const runObj = sarif.runs[0];
    assert.strictEqual(runObj.tool.driver.name, 'kehoach');
    const ruleIds = runObj.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.deepStrictEqual(ruleIds.slice(0, RULES.length), RULES.map((r) => r.id));
    const json = JSON.parse(jsonRun.out);
    assert.strictEqual(runObj.results.length, json.files[0].findings.length);
    runObj.results.forEach((res: any, i: number) => {
      const f = json.files[0].findings[i];
      assert.strictEqual(res.ruleId, f.rule);
      assert.strictEqual(runObj.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const region = res.locations[0].physicalLocation.region;
      assert.strictEqual(region.startLine, f.range.start.line + 1);
      assert.strictEqual(region.startColumn, f.range.start.character + 1);
    });
  });

  it('finds .kehoach.json by walking up and applies its rule settings and date', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-cfg-'));
    const sub = path.join(dir, 'a', 'b');
    fs.mkdirSync(sub, { recursive: true });
    const plan = path.join(sub, 'plan.kehoach.txt');
    fs.copyFileSync(PLAN, plan);
    const before = JSON.parse((await run(['check', '--format', 'json', plan])).out).files[0].findings as { rule: string }[];
    assert.ok(before.length > 0);
    const silenced = before[0].rule;
    fs.writeFileSync(path.join(dir, '.kehoach.json'), JSON.stringify({ rules: { [silenced]: 'off' } }));
    const after = JSON.parse((await run(['check', '--format', 'json', plan])).out).files[0].findings as { rule: string }[];
    assert.ok(!after.some((f) => f.rule === silenced), `${silenced} still reported`);
    fs.writeFileSync(path.join(dir, '.kehoach.json'), '{ not json');
    const bad = await run(['check', plan]);
    assert.match(bad.err, /not valid JSON/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--locale en gives English messages', async () => {
    const vi = JSON.parse((await run(['check', '--format', 'json', PLAN])).out).files[0].findings[0].message;
    const en = JSON.parse((await run(['check', '--format', 'json', '--locale', 'en', PLAN])).out).files[0].findings[0].message;
    assert.notStrictEqual(vi, en);
  });
});
