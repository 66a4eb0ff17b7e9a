// A .docx opened as its derived plan (the kehoach-docx virtual document, client/src/docx.ts): the
// server reads the Word file behind it, so the layout rules (KH10xx) show in the editor as they do
// on the command line — and only while the file still derives the text the editor shows.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { readDocx } from '../../server/src/core/docx';
import { buildDocx, p } from '../docx/build';
import { TestClient } from './harness';

/** The URI VS Code gives the virtual document: the .docx's path + ".kehoach.txt", its URI in the query. */
function virtualUri(file: string): string {
  const url = pathToFileURL(file).toString();
  return `kehoach-docx:${pathToFileURL(file).pathname}.kehoach.txt?${encodeURIComponent(url)}`;
}

/** A short plan on Letter paper with Word's 1-inch margins (a paragraph-level section holds it all). */
function letterPlan(): Uint8Array {
  const lines = ['ỦY BAN NHÂN DÂN TỈNH LÀO CAI', 'Số: 21/KH-UBND', 'KẾ HOẠCH', 'Chuyển đổi số năm 2026', 'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích'];
  const section = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:pPr></w:p>';
  return buildDocx({ body: lines.map((l) => p(l)).join('') + section });
}

describe('lsp: layout findings on a .docx opened as its plan', function () {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('reports paper and margins from the Word file, on the first paragraph, in Vietnamese', async () => {
    const file = path.join(client.workspace, 'ke hoạch.docx');
    const bytes = letterPlan();
    fs.writeFileSync(file, bytes);
    const text = readDocx(bytes).text;
    const uri = virtualUri(file);
    const published = await client.open(uri, text);
    const layout = published.diagnostics.filter((d) => /^KH10\d\d$/.test(String(d.code)));
    assert.deepStrictEqual(layout.map((d) => d.code).sort(), ['KH1001', 'KH1002']);
    for (const d of layout) assert.deepStrictEqual([d.range.start.line, d.range.start.character], [0, 0]);
    assert.match(layout.find((d) => d.code === 'KH1001')!.message, /Khổ giấy 216 × 279 mm, không phải A4/);
  });

  it('says nothing of layout when the text no longer matches the file, or for a plain plan', async () => {
    const file = path.join(client.workspace, 'ke-hoach.docx');
    const bytes = letterPlan();
    fs.writeFileSync(file, bytes);
    const text = readDocx(bytes).text;
    const edited = await client.open(virtualUri(file), text.replace('Chuyển đổi số', 'Chuyển đổi số và'));
    assert.deepStrictEqual(edited.diagnostics.filter((d) => /^KH10\d\d$/.test(String(d.code))), []);
    const plain = await client.open(client.uri('ke-hoach.kehoach.txt'), text);
    assert.deepStrictEqual(plain.diagnostics.filter((d) => /^KH10\d\d$/.test(String(d.code))), []);
  });
});
