// The one place the server writes `.kehoach.json`: as a workspace edit the editor applies (and can
// undo), read-modify-write of the whole JSON object so the user's other keys stay. Used by "turn a
// rule off", "ignore this finding / this rule in this file" and "add to the project's agencies".

import * as path from 'path';
import { pathToFileURL } from 'url';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex, type IgnoreEntry } from '../core';

/** The project file an action writes: the one that applies, or a new one at the workspace root. */
export interface ProjectFileTarget {
  path: string;
  /** Current content when the file exists. */
  content?: string;
}

type Json = Record<string, unknown>;

/**
 * An edit that rewrites the project file with `change` applied to its object (an empty object when
 * the file does not exist yet). Undefined when the file cannot be read back as a JSON object (never
 * overwrite what we do not understand), when nothing would change, or when a new file is needed and
 * the client cannot create files.
 */
export function projectFileEdit(target: ProjectFileTarget, change: (o: Json) => Json, canCreate: boolean): WorkspaceEdit | undefined {
  const uri = pathToFileURL(target.path).toString();
  if (target.content !== undefined) {
    let obj: unknown;
    try {
      obj = JSON.parse(target.content.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
    const next = JSON.stringify(change(obj as Json), null, 2) + '\n';
    if (next === target.content) return undefined;
    const end = new LineIndex(target.content).positionAt(target.content.length);
    return { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: next }] } };
  }
  if (!canCreate) return undefined;
  const content = JSON.stringify(change({}), null, 2) + '\n';
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
    ],
  };
}

function objectAt(o: Json, key: string): Json {
  const v = o[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

/** `"rules": { "<id>": "off" }`. */
export function ruleOffEdit(target: ProjectFileTarget, ruleId: string, canCreate: boolean): WorkspaceEdit | undefined {
  return projectFileEdit(target, (o) => ({ ...o, rules: { ...objectAt(o, 'rules'), [ruleId]: 'off' } }), canCreate);
}

/** A plan's path as `.kehoach.json` stores it: relative to the project file's folder, with "/". */
export function projectRelative(target: ProjectFileTarget, planFile: string): string {
  return path.relative(path.dirname(target.path), planFile).split(path.sep).join('/');
}

/** Append an `ignore` entry (unless the same one is there already). */
export function ignoreEdit(target: ProjectFileTarget, entry: IgnoreEntry, canCreate: boolean): WorkspaceEdit | undefined {
  return projectFileEdit(target, (o) => {
    const list = Array.isArray(o.ignore) ? (o.ignore as unknown[]) : [];
    const same = (e: unknown) => {
      const x = e as IgnoreEntry | null;
      return !!x && x.rule === entry.rule && x.text === entry.text && x.file === entry.file;
    };
    return list.some(same) ? o : { ...o, ignore: [...list, entry] };
  }, canCreate);
}

/** Add a name to `agencies.list` (the registry extends the built-in list with it, config.agencies). */
export function agencyEdit(target: ProjectFileTarget, name: string, canCreate: boolean): WorkspaceEdit | undefined {
  return projectFileEdit(target, (o) => {
    const agencies = objectAt(o, 'agencies');
    const list = Array.isArray(agencies.list) ? (agencies.list as unknown[]) : [];
    if (list.some((e) => (e as { name?: unknown } | null)?.name === name)) return o;
    return { ...o, agencies: { ...agencies, list: [...list, { name }] } };
  }, canCreate);
}
