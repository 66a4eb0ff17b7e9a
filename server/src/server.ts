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
import { checkParsed, LineIndex, loadRegistry, parsePlan, t, type LintConfig, type Registry, type Text, type Ymd } from './core';
import { findProjectFileAsync, PROJECT_FILE, type ProjectConfig } from './projectConfig';
import { ProjectConfigs } from './workspace/projectConfigs';
import { capParents } from './parentResolver';
import { readFileLimited } from './fileRead';
import { msg, offsetOf, toModelOffset, type Analysis } from './features/analysis';
import { citedParents } from './core/parent';
import { agencyMatrixMarkdown, coverageMarkdown, definition, documentLinks } from './features/parents';
import { INDEXED_FILE, isIndexable, WorkspaceIndex, type IndexOptions } from './workspace/index';
import { codeActions, fixAllEdits, FIX_ALL_KIND, isActionData, RENUMBER_KIND, resolveAction, type ProjectFileTarget } from './features/codeActions';
import { completion, type CitationSummary } from './features/completion';
import { diagnosticsFor } from './features/diagnostics';
import { hover } from './features/hover';
import { planStatus } from './features/planStatus';
import { documentSymbols, foldingRanges } from './features/outline';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { ParentRules, type ParentSet } from './workspace/parents';
import { DEFAULT_SETTINGS, lintConfigFor, normalizeSettings, type KehoachSettings } from './workspace/settings';
import { CheckScheduler } from './scheduler';
import { AnalysisCache } from './analysisCache';
import { dependentsOf } from './dependents';
import { SharedRuns } from './sharedAnalyses';
import { packageRoot } from './packageRoot';
import { docxLayoutFor } from './workspace/docxLayout';

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
}

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
  const documents = new TextDocuments(TextDocument);

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
  const registryCache = new Map<string, Registry>();
  const analyses = new AnalysisCache();
  const debounceOf = new Map<string, number>();
  const scheduler = new CheckScheduler({
    debounceMs: (uri) => debounceOf.get(uri) ?? globalSettings.debounceMs,
    run: validate,
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

  function registryFor(config: LintConfig): Registry {
    const key = JSON.stringify([config.province ?? '', config.agencies ?? null, config.directives ?? []]);
    let r = registryCache.get(key);
    if (!r) {
      r = loadRegistry(config);
      if (registryCache.size > 16) registryCache.clear();
      registryCache.set(key, r);
    }
    return r;
  }

  // -------------------------------------------------------------------------------------------
  // Analysis: one per (document version, configuration generation)

  async function build(doc: TextDocument, settings: KehoachSettings): Promise<Analysis> {
    const started = performance.now();
    const text = doc.getText();
    const version = doc.version;
    const project = await projectConfigFor(doc.uri);
    const config = lintConfigFor(settings, project);
    const registry = registryFor(config);
    const a: Analysis = {
      uri: doc.uri,
      version,
      text,
      lines: new LineIndex(text),
      config,
      locale: config.locale,
      registry,
      maxFileSizeKB: settings.maxFileSizeKB,
      fixAllSuggestions: settings.fixAllIncludeSuggestions,
    };
    // The config's own problems are underlined in .kehoach.json; the plan says where to look.
    const configProblems = project?.problems.filter((p) => p.severity === 'warning').length ?? 0;
    if (configProblems && project?.path) {
      a.notes = [t(
        `${project.path}: ${configProblems} vấn đề, phần sai bị bỏ qua (xem bảng Problems)`,
        `${project.path}: ${configProblems} problems; the faulty parts are ignored (see the Problems panel)`,
      )];
    }
    // Bytes, not characters: the limit is what the user sees on disk.
    const sizeKB = Buffer.byteLength(text, 'utf8') / 1024;
    if (sizeKB > settings.maxFileSizeKB) {
      a.tooLargeKB = Math.ceil(sizeKB);
      return a;
    }
    try {
      const plan = parsePlan(text);
      const parents = await parentsOf(plan, doc.uri, config, a, settings);
      a.parentContext = parents.context;
      a.result = checkParsed(plan, config, {
        registry,
        today: options.today,
        budgetMs: settings.timeBudgetMs,
        file: filePathOf(doc.uri),
        ...(parents.context ? { parents: parents.context } : {}),
        layout: await docxLayoutFor(doc.uri, text), // a .docx opened as its plan: its formatting, for KH10xx
      });
    } catch (err) {
      log(`checking ${doc.uri}`, err);
    }
    a.checkMs = performance.now() - started;
    return a;
  }

  /**
   * The parents of a plan: files named in the configuration, and the workspace files whose header
   * carries a number the plan cites ("Thực hiện Nghị quyết số 34-NQ/TU"). Records on the analysis
   * what it depends on, so a change to a parent (or a new file with a cited number) re-checks it.
   */
  async function parentsOf(plan: ReturnType<typeof parsePlan>, uri: string, config: LintConfig, a: Analysis, settings: KehoachSettings): Promise<ParentSet> {
    try {
      const file = filePathOf(uri);
      const citedKeys = [...new Set(citedParents(plan).map((c) => c.key))];
      a.citedKeys = citedKeys;
      // Restricted Mode: no parent discovery until the workspace is trusted (the config is not read either).
      if (!trusted) return {};
      const { files: paths, note: capped } = capParents(await parentRules.filesFor(plan, file, config));
      const notes: Text[] = capped ? [capped] : [];
      if (workspaceIndex.truncated && citedKeys.some((k) => workspaceIndex.filesFor(k).length === 0)) {
        notes.push(t(
          `Chỉ tìm văn bản cấp trên trong ${workspaceIndex.limit} tệp đầu của thư mục làm việc: văn bản được trích dẫn nằm ngoài số đó sẽ không được tìm thấy (khai báo trong "parents" của .kehoach.json)`,
          `Parents are searched in the first ${workspaceIndex.limit} files of the workspace only: a cited directive beyond them is not found (list it in "parents" of .kehoach.json)`,
        ));
      }
      a.parentPaths = paths;
      const unreadable = (p: string, reason: string) => notes.push(t(`Không đọc được văn bản cấp trên ${p}: ${reason}`, `Cannot read the parent ${p}: ${reason}`));
      const set = await parentRules.setFor(paths, unreadable, { maxBytes: settings.maxFileSizeKB * 1024 });
      if (notes.length) a.notes = [...(a.notes ?? []), ...notes];
      return set;
    } catch (err) {
      log('parent directives', err);
      return {};
    }
  }

  /** Plans that read a parent file, or cite a key that moved to or from it, are checked again. */
  function recheckDependents(file: string | undefined, keys: readonly (string | undefined)[], except?: string): void {
    for (const uri of dependentsOf(analyses.footprints(), { file, keyBefore: keys[0], keyAfter: keys[1] }, except)) {
      analyses.invalidate(uri);
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
          if (!resolvable && inFlight.size === 0) return;
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

  function analyze(uri: string): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
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
      const a = await analyze(params.textDocument.uri);
      return a ? codeActions(a, params, await actionEnv(a.uri)) : [];
    }),
  );

  connection.onCodeActionResolve(
    guard('codeAction/resolve', undefined as unknown as CodeAction, async (action: CodeAction) => {
      if (!isActionData(action.data)) return action;
      const a = await analyze(action.data.uri);
      return a ? resolveAction(action, a, { today: options.today }) : action;
    }),
  );

  connection.onExecuteCommand(
    guard('executeCommand', null as unknown, async (params) => {
      const arg = params.arguments?.[0] as string | { uri?: string } | undefined;
      const uri = typeof arg === 'string' ? arg : arg?.uri;
      if (!uri) return null;
      const a = await analyze(uri);
      if (a && COVERAGE_COMMANDS.includes(params.command)) return coverageMarkdown(a);
      if (a && MATRIX_COMMANDS.includes(params.command)) return agencyMatrixMarkdown(a);
      if (a && params.command === COMMAND_PLAN_STATUS) return planStatus(a);
      if (!a || !a.result) return null;
      if (params.command === COMMAND_FIX_ALL || params.command === COMMAND_RENUMBER) {
        const numbering = params.command === COMMAND_RENUMBER;
        const edits = fixAllEdits(a, { today: options.today }, numbering);
        if (!edits.length) return { applied: false, edits: 0 };
        const label = numbering ? msg(a, t('Đánh số lại', 'Renumber')) : msg(a, t('Sửa tất cả', 'Fix all'));
        const r = await connection.workspace.applyEdit({ label, edit: { documentChanges: [{ textDocument: { uri, version: a.version }, edits }] } });
        return { applied: r.applied, edits: edits.length };
      }
      return null;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (params) => {
      const a = await analyze(params.textDocument.uri);
      return a ? documentSymbols(a) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', [], async (params) => {
      const a = await analyze(params.textDocument.uri);
      return a ? foldingRanges(a) : [];
    }),
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const a = await analyze(params.textDocument.uri);
      return a ? hover(a, params.position) : null;
    }),
  );

  connection.onDefinition(
    guard('definition', [] as Location[], async (params) => {
      const a = await analyze(params.textDocument.uri);
      if (!a?.result) return [];
      return definition(a, toModelOffset(a.result.doc, offsetOf(a, params.position)));
    }),
  );

  connection.onDocumentLinks(
    guard('documentLink', [], async (params) => {
      const a = await analyze(params.textDocument.uri);
      return a ? documentLinks(a) : [];
    }),
  );

  connection.onCompletion(
    guard('completion', [], async (params) => {
      const a = await analyze(params.textDocument.uri);
      if (!a) return [];
      // Citations other open plans already make (from their last analysis: no re-check here).
      const others: CitationSummary[] = [];
      for (const [uri, print] of analyses.footprints()) {
        if (uri === a.uri) continue;
        others.push(...print.citations);
        if (others.length > 2000) break;
      }
      return completion(a, params.position, others);
    }),
  );

  connection.languages.semanticTokens.on(
    guard('semanticTokens', { data: [] }, async (params) => {
      const a = await analyze(params.textDocument.uri);
      return a ? semanticTokens(a) : { data: [] };
    }),
  );

  documents.listen(connection);

  function dispose(): void {
    disposed = true;
    scheduler.dispose();
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
