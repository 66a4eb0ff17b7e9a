// The walkthrough and the editor defaults a new user meets: each step's page exists and is
// Vietnamese first, each command it links to is one the extension contributes (or the shared Word
// commands), and plans wrap long pasted lines.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsText = (s: string) => s.replace(/^%(.+)%$/, (_, k: string) => nls[k] ?? s);
/** Built by the Word engineers under these shared ids. */
const WORD_COMMANDS = ['kehoach.exportDocx', 'kehoach.reviewDocx'];

describe('walkthrough and editor defaults', () => {
  const walkthroughs = pkg.contributes.walkthroughs as { id: string; title: string; steps: { id: string; title: string; description: string; media: { markdown: string }; completionEvents?: string[] }[] }[];
  const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command);

  it('has one walkthrough whose steps open the sample, insert the skeleton, compare with the parent, export and review', () => {
    assert.strictEqual(walkthroughs.length, 1);
    const steps = walkthroughs[0].steps;
    const linked = steps.flatMap((s) => [...nlsText(s.description).matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]));
    for (const c of ['kehoach.openSamplePlan', 'kehoach.newPlan', 'kehoach.coverageReport', ...WORD_COMMANDS]) assert.ok(linked.includes(c), c);
    for (const c of linked) assert.ok(contributed.includes(c) || WORD_COMMANDS.includes(c), `${c} is contributed`);
    for (const s of steps) for (const e of s.completionEvents ?? []) assert.ok(linked.includes(e.replace(/^onCommand:/, '')), e);
  });

  it('each step has a Vietnamese-first Markdown page in docs/walkthrough', () => {
    for (const s of walkthroughs[0].steps) {
      const file = path.join(ROOT, s.media.markdown);
      assert.ok(file.startsWith(path.join(ROOT, 'docs', 'walkthrough')), file);
      const md = fs.readFileSync(file, 'utf8');
      const heading = /^# (.+)$/m.exec(md)?.[1];
      assert.strictEqual(heading, nlsText(s.title), `${s.media.markdown} is titled as its step`);
      // Vietnamese first: the English summary (in italics) comes last.
      const english = md.lastIndexOf('\n---\n');
      assert.ok(english > md.length / 2, `${s.media.markdown}: English after the Vietnamese`);
      assert.match(md.slice(0, english), /[ăâđêôơư]/);
    }
  });

  it('the sample the first step opens is packaged, and the skeleton snippet the second inserts exists', () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'examples', 'ke-hoach-mau.kehoach.txt')));
    const ux = fs.readFileSync(path.join(ROOT, 'client', 'src', 'ux.ts'), 'utf8');
    const name = /SKELETON_SNIPPET = '([^']+)'/.exec(ux)?.[1];
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'kehoach.code-snippets'), 'utf8'));
    assert.ok(name && snippets[name], `snippet "${name}"`);
    const ignored = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    assert.ok(!/^(examples|docs)\b/m.test(ignored), 'examples/ and docs/ are packaged');
  });

  it('plans wrap long lines by default (pasted paragraphs are one line each)', () => {
    assert.strictEqual(pkg.contributes.configurationDefaults['[kehoach]']['editor.wordWrap'], 'on');
  });
});
