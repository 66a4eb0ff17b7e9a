// The CLI's one argument parser (server/src/cli/args.ts, over node:util parseArgs) and the
// messages each subcommand gives for bad usage.

import * as assert from 'assert';
import { readArgs } from '../../server/src/cli/args';
import { main } from '../../server/src/cli/main';

const SPEC = { format: { type: 'string', short: 'f' }, parent: { type: 'string', short: 'p', multiple: true }, fix: { type: 'boolean' } } as const;

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(argv, { out: () => undefined, err: (s) => (err += s) });
  return { code, err };
}

describe('CLI arguments', () => {
  it('reads long, inline and short forms, repeated options and positionals (a lone "-" and after "--")', () => {
    const r = readArgs(['a.txt', '--format=json', '-p', 'x.txt', '--parent', 'y.txt', '--fix', '-', '--', '--not-an-option'], SPEC);
    assert.ok(typeof r !== 'string');
    assert.deepStrictEqual({ ...r.values }, { format: 'json', parent: ['x.txt', 'y.txt'], fix: true });
    assert.deepStrictEqual(r.positionals, ['a.txt', '-', '--not-an-option']);
  });

  it('says what is wrong, Vietnamese first: unknown option, missing value, a value given to a switch', () => {
    assert.strictEqual(readArgs(['--bogus'], SPEC), 'tùy chọn không rõ: --bogus (unknown option)');
    assert.strictEqual(readArgs(['-x'], SPEC), 'tùy chọn không rõ: -x (unknown option)');
    assert.strictEqual(readArgs(['a.txt', '--format'], SPEC), '--format cần một giá trị (needs a value)');
    assert.strictEqual(readArgs(['-f'], SPEC), '--format cần một giá trị (needs a value)');
    assert.strictEqual(readArgs(['--fix=yes'], SPEC), '--fix không nhận giá trị (takes no value)');
  });

  it('every subcommand answers bad usage with exit 2 and the problem', async () => {
    for (const [argv, problem] of [
      [['check', '--date', '2026-13-01', 'a.txt'], /ngày không hợp lệ: 2026-13-01/],
      [['check', '--format', 'xml', 'a.txt'], /định dạng không hợp lệ: xml/],
      [['check', '--fix-type', 'suggestion', 'a.txt'], /--fix-type cần --fix/],
      [['coverage', 'a.txt', 'b.txt'], /chỉ một kế hoạch mỗi lần/],
      [['agencies', '--date'], /--date cần một giá trị/],
      [['export', '--output'], /--output cần một giá trị/],
      [['import', '--bogus', 'x.docx'], /tùy chọn không rõ: --bogus/],
      [['rules', '--bogus'], /tùy chọn không rõ: --bogus/],
    ] as const) {
      const r = await run([...argv]);
      assert.strictEqual(r.code, 2, argv.join(' '));
      assert.match(r.err, problem, argv.join(' '));
    }
  });
});
