// Entry point of the language server process: IPC when VS Code starts it (--node-ipc), or
// stdio (--stdio) for Neovim, Helix and other editors. The transport comes from the arguments.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './server';

export function main(): void {
  const connection = createConnection(ProposedFeatures.all);
  createServer(connection);
  connection.listen();
}

if (require.main === module) main();
