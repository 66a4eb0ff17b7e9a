// The language server: maps the core's model and findings to LSP. It takes its connection as a
// parameter (no module-level connection), so tests wire it to a client over in-memory streams.

import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Text, type Ymd } from './core';
import { findProjectFileAsync, PROJECT_FILE, type ProjectConfig } from './projectConfig';
import { ProjectConfigs } from './workspace/projectConfigs';
import { readFileLimited } from './fileRead';
import type { Analysis } from './features/analysis';
import { INDEXED_FILE, isIndexable, WorkspaceIndex, type IndexOptions } from './workspace/index';
import { FIX_ALL_KIND, isActionData, RENUMBER_KIND, type ProjectFileTarget } from './features/codeActions';
import type { CitationSummary } from './features/completion';
import { diagnosticsFor } from './features/diagnostics';
import { LEGEND } from './features/semanticTokens';
import { ParentRules } from './workspace/parents';
import { DEFAULT_SETTINGS, lintConfigFor, normalizeSettings, type KehoachSettings } from './workspace/settings';
import { CheckScheduler } from './scheduler';
import { AnalysisCache } from './analysisCache';
import { dependentsOf } from './dependents';
import { SharedRuns } from './sharedAnalyses';
import { packageRoot } from './packageRoot';
import { PLAN_DOCUMENTS } from './planDocuments';
import { IdleCollector } from './idleGc';
import { buildAnalysis, registryCache, type CheckInput, type ParentFiles } from './buildAnalysis';
import { answer, type AnswerOf, type ModelRequest, type ParamsOf } from './modelRequests';
import { AnalysisWorker, type WorkerCheck } from './analysisWorkerClient';

export const COMMAND_FIX_ALL = 'kehoach.server.fixAll';
export const COMMAND_RENUMBER = 'kehoach.server.renumber';
/**
 * The Markdown coverage report and assignment matrix of a plan. The client's own commands are
 * "kehoach.coverageReport" / "kehoach.agencyMatrix"; the server advertises "kehoach.server.*"
 * because vscode-languageclient registers every advertised command in VS Code, which would clash
 * with the client's. Both spellings are accepted (other editors may call the short one).
 */
export const COMMAND_COVERAGE_REPORT = 'kehoach.server.coverageReport';
export const COMMAND_AGENCY_MATRIX = 'kehoach.server.agencyMatrix';
const COVERAGE_COMMANDS = [COMMAND_COVERAGE_REPORT, 'kehoach.coverageReport'];
const MATRIX_COMMANDS = [COMMAND_AGENCY_MATRIX, 'kehoach.agencyMatrix'];
/** The plan date and parent coverage for the client's status bar (features/planStatus.ts). */
export const COMMAND_PLAN_STATUS = 'kehoach.server.planStatus';

export interface ServerOptions {
  /** The extension's folder, where docs/rules/<id>.md live (defaults to the package root). */
  extensionRoot?: string;
  /** Pin "today" for plans without a date (tests). */
  today?: Ymd;
  /** Limits of the workspace index (tests and the benchmark). */
  index?: IndexOptions;
  /** Documents of at least this many characters are checked in the analysis worker (default WORKER_FROM_CHARS; tests lower it). */
  workerFromChars?: number;
}

/**
 * From this size a document is checked in the analysis worker (analysisWorker.ts), off the main
 * thread: its check would hold up requests on other documents for more than ~100 ms (a warm check
 * costs ~0.3 ms per KB on the bench machine). Smaller plans are checked here, without the copy.
 */
export const WORKER_FROM_CHARS = 256 * 1024;

/**
 * What the client tells the server in initializationOptions. `workspaceTrusted: false` (VS Code's
 * Restricted Mode) keeps `.kehoach.json` and parent discovery off until the notification
 * WORKSPACE_TRUSTED arrives; absent means trusted (editors without a trust model).
 */
export interface InitOptions {
  settings?: unknown;
  workspaceTrusted?: boolean;
}

/** Client → server: the user trusted the workspace. */
export const WORKSPACE_TRUSTED = 'kehoach/workspaceTrusted';

export interface KehoachServer {
  documents: TextDocuments<TextDocument>;
  /** Which workspace file carries which directive number (parents of plans). */
  workspaceIndex: WorkspaceIndex;
  /** Resolves when the scans of the workspace folders so far have finished. */
  indexed(): Promise<void>;
  /** How long the last check of a document took, in ms (tests and the benchmark). */
  checkCostMs(uri: string): number;
  dispose(): void;
}

export function createServer(connection: Connection, options: ServerOptions = {}): KehoachServer {
  const extensionRoot = options.extensionRoot ?? packageRoot();
  const documents = new TextDocuments(PLAN_DOCUMENTS);

  let capabilities: ClientCapabilities = {};
  let hasConfigurationCapability = false;
  let globalSettings: KehoachSettings = DEFAULT_SETTINGS;
  let workspaceFolders: string[] = [];
  /** Bumped whenever settings or a project file change: cached analyses of older generations are stale. */
  let generation = 0;

  const settingsCache = new Map<string, Promise<KehoachSettings>>();
  let trusted = true;
  const projectConfigs = new ProjectConfigs({
    folders: () => workspaceFolders,
    trusted: () => trusted,
    locale: () => (globalSettings.locale === 'en' ? 'en' : 'vi'),
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined),
    maxParentBytes: () => globalSettings.maxFileSizeKB * 1024,
  });
  const registryFor = registryCache();
  const analyses = new AnalysisCache();
  const debounceOf = new Map<string, number>();
  const idleGc = new IdleCollector();
  const scheduler = new CheckScheduler({
    debounceMs: (uri) => debounceOf.get(uri) ?? globalSettings.debounceMs,
    run: async (uri) => {
      idleGc.busy();
      try {
        return await validate(uri);
      } finally {
        idleGc.checked();
      }
    },
    blocking: (uri) => !offThread(uri),
  });
  const reportedProblems = new Set<string>();
  const workspaceIndex = new WorkspaceIndex(options.index);
  const parentRules = new ParentRules(openParent, workspaceIndex);
  let scanning: Promise<void> = Promise.resolve();
  let disposed = false;
  let markInitialized: () => void = () => undefined;
  const initializedOnce = new Promise<void>((resolve) => (markInitialized = resolve));

  function reportProblem(p: string): void {
    if (reportedProblems.has(p)) return;
    reportedProblems.add(p);
    // A request: a client that cannot show it answers with an error, which is not ours to crash on.
    Promise.resolve(connection.window.showWarningMessage(`Kế hoạch: ${p}`) as unknown).catch(() => undefined);
  }

  const log = (what: string, err: unknown) => {
    try {
      connection.console.error(`kehoach: ${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    } catch {
      // the connection may be gone
    }
  };

  /** Run a handler so that a bug or a bad request answers with a fallback instead of crashing the server. */
  function guard<P, R>(name: string, fallback: R, fn: (p: P) => R | Promise<R>): (p: P) => Promise<R> {
    return async (p: P) => {
      try {
        return await fn(p);
      } catch (err) {
        log(name, err);
        return fallback;
      }
    };
  }

  // -------------------------------------------------------------------------------------------
  // Configuration

  function getSettings(uri: string): Promise<KehoachSettings> {
    if (!hasConfigurationCapability) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kehoach' })
        .then(normalizeSettings, (err) => {
          log('workspace/configuration', err);
          return DEFAULT_SETTINGS;
        });
      settingsCache.set(uri, s);
    }
    return s;
  }

  function filePathOf(uri: string): string | undefined {
    // A .docx opened as its derived plan (client/src/docx.ts): the .docx's own path, so its
    // folder's project file and parents apply.
    const docx = /^kehoach-docx:(\/[^?#]*)\.kehoach\.txt(?:[?#]|$)/.exec(uri);
    if (docx) uri = `file://${docx[1]}`;
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  function projectConfigFor(uri: string): Promise<ProjectConfig | undefined> {
    return projectConfigs.forFile(filePathOf(uri));
  }

  // -------------------------------------------------------------------------------------------
  // Analysis: one per (document version, configuration generation)

  /** What a check of the document's current version reads: its text, settings and configuration. */
  async function checkInput(doc: TextDocument, settings: KehoachSettings): Promise<CheckInput> {
    const project = await projectConfigFor(doc.uri);
    const warnings = project?.problems.filter((p) => p.severity === 'warning').length ?? 0;
    return {
      uri: doc.uri,
      version: doc.version,
      text: doc.getText(),
      settings,
      config: lintConfigFor(settings, project),
      ...(project ? { project: { path: project.path, warnings } } : {}),
      file: filePathOf(doc.uri),
      today: options.today,
    };
  }

  /** The checks' dependencies on this thread; the worker has its own but asks parentFiles of us. */
  const checkDeps = { registryFor, parentFiles, parentRules, log };

  async function build(doc: TextDocument, settings: KehoachSettings): Promise<Analysis> {
    const started = performance.now();
    return buildAnalysis(await checkInput(doc, settings), checkDeps, started);
  }

  /**
   * The parent files for the directive keys a plan cites: named in the configuration, or found in
   * the workspace index; undefined in Restricted Mode (no parent discovery until trusted).
   */
  async function parentFiles(citedKeys: string[], input: CheckInput): Promise<ParentFiles | undefined> {
    if (!trusted) return undefined;
    const paths = await parentRules.filesForKeys(citedKeys, input.file, input.config);
    const notes: Text[] = [];
    if (workspaceIndex.truncated && citedKeys.some((k) => workspaceIndex.filesFor(k).length === 0)) {
      notes.push(t(
        `Chỉ tìm văn bản cấp trên trong ${workspaceIndex.limit} tệp đầu của thư mục làm việc: văn bản được trích dẫn nằm ngoài số đó sẽ không được tìm thấy (khai báo trong "parents" của .kehoach.json)`,
        `Parents are searched in the first ${workspaceIndex.limit} files of the workspace only: a cited directive beyond them is not found (list it in "parents" of .kehoach.json)`,
      ));
    }
    return { paths, notes };
  }

  /** Plans that read a parent file, or cite a key that moved to or from it, are checked again. */
  function recheckDependents(file: string | undefined, keys: readonly (string | undefined)[], except?: string): void {
    for (const uri of dependentsOf(analyses.footprints(), { file, keyBefore: keys[0], keyAfter: keys[1] }, except)) {
      analyses.invalidate(uri);
      checkedInWorker.delete(uri);
      schedule(uri);
    }
  }

  /** Index folders; then plans checked before the index was ready are checked again. */
  function scanFolders(folders: readonly string[]): void {
    if (!folders.length) return;
    const previous = scanning;
    scanning = previous
      .then(() => workspaceIndex.scan(folders, () => disposed))
      .then(
        () => {
          if (!disposed && workspaceIndex.truncated) {
            reportProblem(`chỉ lập chỉ mục ${workspaceIndex.limit} tệp đầu của thư mục làm việc; văn bản cấp trên nằm ngoài số đó sẽ không được tìm thấy — khai báo chúng trong "parents" của .kehoach.json (only the first ${workspaceIndex.limit} files of the workspace are indexed; parents beyond them are not found — list them in "parents" of .kehoach.json)`);
          }
          if (disposed || workspaceIndex.size === 0) return;
          // Only when a checked plan cites a number the index now knows (or a check is running).
          const resolvable = [...analyses.footprints()].some(([, print]) => print.citedKeys.some((k) => workspaceIndex.filesFor(k).length > 0));
          if (!resolvable && inFlight.size === 0 && inWorker.size === 0) return;
          generation++;
          revalidateAll();
        },
        (err) => log('indexing the workspace', err),
      );
  }

  /** A parent directive open in the editor: its text is newer than the file on disk. */
  function openParent(file: string): { version: number; text: string } | undefined {
    const doc = documents.get(pathToFileURL(file).toString());
    return doc ? { version: doc.version, text: doc.getText() } : undefined;
  }

  /** One analysis in flight per document version: validation and feature requests share it. */
  const inFlight = new SharedRuns<Analysis | undefined>();

  // Large documents are checked in the analysis worker, which keeps their models and answers the
  // requests about them; the main thread keeps their diagnostics' footprint only.
  const workerFromChars = options.workerFromChars ?? WORKER_FROM_CHARS;
  const worker = new AnalysisWorker({
    extensionRoot,
    parentFiles: async (uri, keys) => {
      const doc = documents.get(uri);
      const files = doc ? await parentFiles(keys, await checkInput(doc, await getSettings(uri))) : undefined;
      const open = (files?.paths ?? []).flatMap((p) => {
        const o = openParent(p);
        return o ? [{ path: p, ...o }] : [];
      });
      return { files, open };
    },
    log: (text) => log('analysis worker', text),
  });
  /** Checks sent to the worker, numbered in the order they started: a later one read newer state. */
  const inWorker = new SharedRuns<(WorkerCheck & { seq: number }) | undefined>();
  let workerSeq = 0;
  /** The version and generation the worker last checked per document. */
  const checkedInWorker = new Map<string, { version: number; gen: number }>();
  /** The number of the newest check whose diagnostics were published, per document in the worker. */
  const publishedFromWorker = new Map<string, number>();

  function offThread(uri: string): boolean {
    const doc = documents.get(uri);
    return worker.available && !!doc && doc.getText().length >= workerFromChars;
  }

  /** Check the current version in the worker (once per version and generation); undefined when it went stale. */
  function checkInWorker(uri: string): Promise<(WorkerCheck & { seq: number }) | undefined> {
    const doc = documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    return inWorker.run(uri, doc.version, generation, async () => {
      const gen = generation;
      const seq = ++workerSeq;
      // The main thread's model of a smaller version is of no more use.
      analyses.invalidate(uri);
      const settings = await getSettings(uri);
      debounceOf.set(uri, settings.debounceMs);
      const current = documents.get(uri);
      if (!current) return undefined;
      const checked = await worker.check(await checkInput(current, settings));
      if (checked && gen === generation) {
        analyses.setFootprint(uri, checked.footprint);
        checkedInWorker.set(uri, { version: checked.version, gen });
      }
      return checked && { ...checked, seq };
    });
  }

  /** A request answered from the document's analysis, here or in the worker (undefined: none). */
  async function ask<K extends ModelRequest>(name: K, uri: string, params: ParamsOf<K>): Promise<AnswerOf<K> | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    if (offThread(uri)) {
      const done = checkedInWorker.get(uri);
      // (a check dropped as stale is answered from the newer one that superseded it)
      if (!done || done.version !== doc.version || done.gen !== generation) await checkInWorker(uri);
      return worker.ask(name, uri, doc.version, params);
    }
    const a = await analyze(uri);
    return a ? answer(name, a, params) : undefined;
  }

  /** The document left the worker (closed, or now small): the worker forgets it. */
  function leaveWorker(uri: string): void {
    checkedInWorker.delete(uri);
    publishedFromWorker.delete(uri);
    inWorker.forget(uri);
    worker.forget(uri);
  }

  function analyze(uri: string): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    if (worker.holds(uri)) leaveWorker(uri);
    const cached = analyses.get(uri, generation, doc.version);
    if (cached) return Promise.resolve(cached);
    return inFlight.run(uri, doc.version, generation, () => analyzeNow(uri));
  }

  async function analyzeNow(uri: string): Promise<Analysis | undefined> {
    const gen = generation;
    const settings = await getSettings(uri);
    debounceOf.set(uri, settings.debounceMs);
    const current = documents.get(uri);
    if (!current) return undefined;
    const again = analyses.get(uri, generation, current.version);
    if (again) return again;
    const analysis = await build(current, settings);
    if (gen === generation) analyses.set(uri, gen, analysis);
    return analysis;
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics: the newest version, when the scheduler says (scheduler.ts); cleared on close

  function schedule(uri: string): void {
    scheduler.touch(uri);
  }

  /** Check the newest version and publish its diagnostics; resolves with the check's cost in ms. */
  async function validate(uri: string): Promise<number | undefined> {
    try {
      if (offThread(uri)) {
        // Edits go on being taken in while the worker checks: the result is published even when
        // the user typed on meanwhile (the newest checked version, as a check on this thread
        // publishes while edits wait in the queue), and the scheduler checks the newer text next.
        const c = await checkInWorker(uri);
        if (!c || !documents.get(uri) || c.seq <= (publishedFromWorker.get(uri) ?? 0)) return c?.checkMs;
        publishedFromWorker.set(uri, c.seq);
        await connection.sendDiagnostics({ uri, version: c.version, diagnostics: c.diagnostics });
        return c.checkMs;
      }
      const a = await analyze(uri);
      const now = documents.get(uri);
      // A newer edit arrived (or the document closed) while we worked: the scheduler checks it next.
      if (!a || !now || now.version !== a.version) return a?.checkMs;
      await connection.sendDiagnostics({ uri, version: a.version, diagnostics: diagnosticsFor(a, extensionRoot) });
      return a.checkMs;
    } catch (err) {
      log(`validating ${uri}`, err);
      return undefined;
    }
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) schedule(doc.uri);
  }

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => {
    schedule(e.document.uri);
    // Plans that read this document as a parent directive are checked against its new text (the
    // editor's text wins over the disk), and so are plans citing a number its header gained or lost.
    const file = filePathOf(e.document.uri);
    if (!file) return;
    const moved = workspaceIndex.setOpenText(file, e.document.getText());
    recheckDependents(file, [moved.before, moved.after], e.document.uri);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    scheduler.forget(uri);
    analyses.delete(uri);
    inFlight.forget(uri);
    leaveWorker(uri);
    settingsCache.delete(uri);
    debounceOf.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    // The file on disk counts again for the plans that read it as a parent.
    const file = filePathOf(uri);
    if (file) {
      const moved = workspaceIndex.closeText(file);
      recheckDependents(file, [moved.before, moved.after], uri);
    }
  });

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    // params.locale (VS Code's display language) is not used: messages are Vietnamese unless
    // kehoach.locale or .kehoach.json says "en" (VS Code has no Vietnamese display language).
    hasConfigurationCapability = !!capabilities.workspace?.configuration;
    const folders: WorkspaceFolder[] = params.workspaceFolders ?? [];
    workspaceFolders = folders.map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
    if (!workspaceFolders.length && params.rootUri) {
      const root = filePathOf(params.rootUri);
      if (root) workspaceFolders = [root];
    }
    const init = params.initializationOptions as InitOptions | undefined;
    if (init && init.settings) globalSettings = normalizeSettings(init.settings);
    if (init && init.workspaceTrusted === false) trusted = false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, RENUMBER_KIND],
          resolveProvider: true,
        },
        executeCommandProvider: { commands: [COMMAND_FIX_ALL, COMMAND_RENUMBER, COMMAND_COVERAGE_REPORT, COMMAND_AGENCY_MATRIX, COMMAND_PLAN_STATUS] },
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Kế hoạch' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: LEGEND, full: true, range: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kehoach-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability && capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kehoach' }).catch((e) => log('register', e));
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // The project file, and the texts that may be parent directives (the workspace index).
          watchers: [{ globPattern: `**/${PROJECT_FILE}` }, { globPattern: '**/*.txt' }, { globPattern: '**/*.md' }, { globPattern: '**/*.docx' }],
        })
        .catch((e) => log('register', e));
    }
    if (capabilities.workspace?.workspaceFolders) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => filePathOf(f.uri)));
          workspaceFolders = workspaceFolders.filter((f) => !removed.has(f));
          for (const f of removed) if (f) workspaceIndex.removeFolder(f);
          const added: string[] = [];
          for (const f of e.added) {
            const p = filePathOf(f.uri);
            if (p) {
              workspaceFolders.push(p);
              added.push(p);
            }
          }
          scanFolders(added);
        });
      } catch (err) {
        log('workspace folders', err);
      }
    }
    // Restricted Mode: the workspace is not indexed until it is trusted.
    if (trusted) scanFolders(workspaceFolders);
    markInitialized();
  });

  connection.onNotification(
    WORKSPACE_TRUSTED,
    guard(WORKSPACE_TRUSTED, undefined, () => {
      if (trusted) return;
      trusted = true;
      projectConfigs.clear();
      scanFolders(workspaceFolders);
      generation++;
      revalidateAll();
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, (change) => {
      settingsCache.clear();
      if (!hasConfigurationCapability) {
        const s = (change?.settings as { kehoach?: unknown } | undefined)?.kehoach;
        globalSettings = normalizeSettings(s);
      }
      generation++;
      revalidateAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, async (change) => {
      const changes = (change?.changes ?? []).filter((c) => typeof c?.uri === 'string');
      if (changes.some((c) => c.uri.endsWith(PROJECT_FILE))) {
        projectConfigs.clear();
        reportedProblems.clear();
        generation++;
        revalidateAll();
      }
      // Texts that may be parent directives: keep the index and the plans that read them current.
      for (const c of changes) {
        const file = INDEXED_FILE.test(c.uri) ? filePathOf(c.uri) : undefined;
        // Files the index holds are followed wherever they are; others only inside the workspace.
        if (!trusted || !file || (workspaceIndex.keyOf(file) === undefined && !isIndexable(file, workspaceFolders))) continue;
        const moved = c.type === FileChangeType.Deleted ? workspaceIndex.remove(file) : await workspaceIndex.refreshFile(file);
        recheckDependents(file, [moved.before, moved.after]);
      }
    }),
  );

  connection.onShutdown(() => dispose());

  // -------------------------------------------------------------------------------------------
  // Features

  async function projectFileTarget(uri: string): Promise<ProjectFileTarget | undefined> {
    // Restricted Mode: the actions do not write a workspace config.
    const file = trusted ? filePathOf(uri) : undefined;
    if (!file) return undefined;
    const dir = path.dirname(file);
    const folder = workspaceFolders
      .filter((f) => dir === f || dir.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
      .sort((x, y) => y.length - x.length)[0];
    const found = await findProjectFileAsync(dir);
    const inside = found && (!folder || found.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
    const target = inside ? found : path.join(folder ?? dir, PROJECT_FILE);
    const read = await readFileLimited(target, { maxBytes: 1024 * 1024 });
    if (read.ok) return { path: target, content: read.bytes.toString('utf8') };
    // A target that exists but cannot be read (a FIFO, too large) is never overwritten.
    return read.failure === 'missing' ? { path: target } : undefined;
  }

  const actionEnv = async (uri: string) => ({
    today: options.today,
    projectFile: await projectFileTarget(uri),
    canCreateFiles:
      !!capabilities.workspace?.workspaceEdit?.documentChanges &&
      !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    canResolve: !!capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
  });

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], async (params) => {
      const uri = params.textDocument.uri;
      if (!documents.get(uri)) return [];
      return (await ask('codeAction', uri, { params, env: await actionEnv(uri) })) ?? [];
    }),
  );

  connection.onCodeActionResolve(
    guard('codeAction/resolve', undefined as unknown as CodeAction, async (action: CodeAction) => {
      if (!isActionData(action.data)) return action;
      return (await ask('codeActionResolve', action.data.uri, { action, today: options.today })) ?? action;
    }),
  );

  connection.onExecuteCommand(
    guard('executeCommand', null as unknown, async (params) => {
      const arg = params.arguments?.[0] as string | { uri?: string } | undefined;
      const uri = typeof arg === 'string' ? arg : arg?.uri;
      if (!uri) return null;
      if (COVERAGE_COMMANDS.includes(params.command)) return (await ask('coverageReport', uri, undefined)) ?? null;
      if (MATRIX_COMMANDS.includes(params.command)) return (await ask('agencyMatrix', uri, undefined)) ?? null;
      if (params.command === COMMAND_PLAN_STATUS) return (await ask('planStatus', uri, undefined)) ?? null;
      if (params.command === COMMAND_FIX_ALL || params.command === COMMAND_RENUMBER) {
        const version = documents.get(uri)?.version;
        const fix = await ask('fixAll', uri, { today: options.today, numbering: params.command === COMMAND_RENUMBER });
        if (!fix) return null;
        if (!fix.edits.length) return { applied: false, edits: 0 };
        const r = await connection.workspace.applyEdit({ label: fix.label, edit: { documentChanges: [{ textDocument: { uri, version: version! }, edits: fix.edits }] } });
        return { applied: r.applied, edits: fix.edits.length };
      }
      return null;
    }),
  );

  connection.onDocumentSymbol(guard('documentSymbol', [], async (params) => (await ask('documentSymbol', params.textDocument.uri, undefined)) ?? []));

  connection.onFoldingRanges(guard('foldingRange', [], async (params) => (await ask('foldingRange', params.textDocument.uri, undefined)) ?? []));

  connection.onHover(guard('hover', null, async (params) => (await ask('hover', params.textDocument.uri, { position: params.position })) ?? null));

  connection.onDefinition(guard('definition', [] as Location[], async (params) => (await ask('definition', params.textDocument.uri, { position: params.position })) ?? []));

  connection.onDocumentLinks(guard('documentLink', [], async (params) => (await ask('documentLink', params.textDocument.uri, undefined)) ?? []));

  connection.onCompletion(
    guard('completion', [], async (params) => {
      const uri = params.textDocument.uri;
      // Citations other open plans already make (from their last analysis: no re-check here).
      const others: CitationSummary[] = [];
      for (const [other, print] of analyses.footprints()) {
        if (other === uri) continue;
        others.push(...print.citations);
        if (others.length > 2000) break;
      }
      return (await ask('completion', uri, { position: params.position, others })) ?? [];
    }),
  );

  connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, async (params) => (await ask('semanticTokens', params.textDocument.uri, undefined)) ?? { data: [] }));

  documents.listen(connection);

  function dispose(): void {
    disposed = true;
    scheduler.dispose();
    idleGc.dispose();
    worker.dispose();
    analyses.clear();
  }

  /** After `initialized`, until no scan is running (a scan may queue another). */
  async function indexed(): Promise<void> {
    await initializedOnce;
    let current: Promise<void>;
    do {
      current = scanning;
      await current;
    } while (current !== scanning);
  }

  return { documents, workspaceIndex, indexed, checkCostMs: (uri) => scheduler.costOf(uri), dispose };
}
