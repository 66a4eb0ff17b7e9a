// The client's own messages: Vietnamese unless the user set kehoach.locale to "en" (the server
// makes the same choice). VS Code's display language is not followed: it has no Vietnamese one.

import * as vscode from 'vscode';

export function t(vi: string, en: string): string {
  return vscode.workspace.getConfiguration('kehoach').get<string>('locale', 'auto') === 'en' ? en : vi;
}
