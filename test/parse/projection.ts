// A readable projection of the parsed model for parser goldens: header fields, items as
// "depth label title" lines, tables as rows. Long texts are cut so diffs stay readable.

import type { PlanDocument, Span } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text/lines';

const cut = (s: string, n = 80) => (s.length > n ? s.slice(0, n) + '…' : s);

export interface ModelProjection {
  header: Record<string, string | null>;
  preamble: string | null;
  items: string[];
  recipients: string | null;
  signature: string | null;
  appendix: string | null;
  tables: { layout: string; title: string | null; columns: string[]; rows: string[] }[];
}

export function project(doc: PlanDocument): ModelProjection {
  const idx = new LineIndex(doc.text);
  const where = (s: Span | undefined) => {
    if (!s) return null;
    const a = idx.positionAt(s.start), b = idx.positionAt(s.end);
    return `${a.line + 1}:${a.character}-${b.line + 1}:${b.character}`;
  };
  const h = doc.header;
  const d = h.date;
  return {
    header: {
      issuer: h.issuer?.value ?? null,
      number: h.number ? `${h.number.raw} [${h.number.form}] number=${h.number.number} type=${h.number.type} issuer=${h.number.issuer}` : null,
      place: h.place?.value ?? null,
      date: d ? `${d.year}-${d.month}-${d.day}${d.nd30Form === false ? ' (not ND30 form)' : ''}` : null,
      docType: h.docType?.value ?? null,
      subject: h.subject ? cut(h.subject.value, 120) : null,
    },
    preamble: doc.preamble ? `${where(doc.preamble)} ${cut(doc.text.slice(doc.preamble.start, doc.preamble.end).replace(/\s+/g, ' '), 60)}` : null,
    items: doc.items.map((it) => {
      const kind = it.sectionKind ? ` {${it.sectionKind}}` : '';
      const body = it.body.end > it.body.start ? ` | body ${where(it.body)}` : '';
      return `${'  '.repeat(it.depth)}${it.label?.raw ?? '?'} ${cut(it.title.value)}${kind}${body}`;
    }),
    recipients: where(doc.recipients),
    signature: doc.signature ? `${where(doc.signature)} ${cut(doc.text.slice(doc.signature.start, doc.signature.end).replace(/\s+/g, ' '), 80)}` : null,
    appendix: doc.appendix ? `${where(doc.appendix)} ${cut(doc.text.slice(doc.appendix.start, doc.appendix.end).split(/\r?\n/)[0].trim(), 60)}` : null,
    tables: doc.tables.map((t) => ({
      layout: t.layout,
      title: t.title ? cut(t.title.value, 60) : null,
      columns: t.columns.map((c) => `${c.role}: ${c.header}`),
      rows: t.rows.map((r) => {
        const parts = r.cells.map((c, i) => (t.columns[i].role === 'index' ? null : c.text ? `${t.columns[i].role}=${cut(c.text.replace(/\n/g, ' / '), 40)}` : null)).filter((x) => x);
        const pre = r.group ? 'GROUP ' : '';
        const cont = r.continues !== undefined ? ` (continues row ${r.continues})` : '';
        return `${pre}[${r.index?.value ?? '-'}]${cont} ${parts.join(' | ')}`;
      }),
    })),
  };
}
