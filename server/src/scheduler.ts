// When to check a document while the user types. A large plan takes a while to check, so the
// scheduler checks only the newest version, never a queue of old ones:
// - it waits until the typing pauses for the debounce, and (for a check on this thread slower than 250 ms) at
//   least one check time after the last check ended, so a slow check is not started again and
//   again on every keystroke;
// - while typing goes on it still checks at least every `maxWaitMs` (or one check time for a
//   slow plan), so diagnostics never starve behind the debounce;
// - before a check it lets the messages already received be handled (edits queued behind the
//   timer), so the check sees the newest text.
// It knows nothing of LSP: `run` checks and publishes one document.

export interface CheckSchedulerOptions {
  /** The pause after the last edit before a check (the user's kehoach.debounceMs). */
  debounceMs: (uri: string) => number;
  /** Checks and publishes the newest version of a document; resolves with the check's cost in ms (undefined when nothing was checked). */
  run: (uri: string) => Promise<number | undefined>;
  /** The document is checked on this thread (not in the analysis worker): a slow check here holds up requests. */
  blocking?: (uri: string) => boolean;
  /** Longest an edit waits while typing continues (default 400 ms). */
  maxWaitMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

interface DocState {
  timer?: NodeJS.Timeout;
  /** When the oldest edit not yet checked arrived (undefined: nothing pending). */
  firstEdit?: number;
  lastEdit: number;
  /** Edits seen so far: draining stops when it stays still. */
  edits: number;
  running: boolean;
  /** Cost of the last check of this document, in ms, and when it ended. */
  costMs: number;
  lastEnd: number;
}

const DEFAULT_MAX_WAIT_MS = 400;
/**
 * Checks on this thread cheaper than this are not followed by a rest of their own length. Plans
 * large enough to check for longer go to the analysis worker (WORKER_FROM_CHARS), so this applies
 * only when the machine is busy; a rest after every 50–100 ms check doubled the keystroke latency
 * of a 111 KB plan (bench/server.ts) to spare requests a wait they no longer have.
 */
const REST_FROM_MS = 250;
/** Rounds of the event loop a drain may take at most (each lets one queued message be handled). */
const MAX_DRAIN_ROUNDS = 64;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class CheckScheduler {
  private readonly docs = new Map<string, DocState>();
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private disposed = false;

  constructor(private readonly options: CheckSchedulerOptions) {
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** The document changed (or must be checked again): check it once the typing pauses. */
  touch(uri: string): void {
    if (this.disposed) return;
    let s = this.docs.get(uri);
    if (!s) this.docs.set(uri, (s = { lastEdit: 0, edits: 0, running: false, costMs: 0, lastEnd: 0 }));
    const now = this.now();
    s.lastEdit = now;
    s.firstEdit ??= now;
    s.edits++;
    // A check running now reads an older version; the next one is armed when it ends.
    if (!s.running) this.arm(uri, s);
  }

  /** The document closed: nothing more to check. */
  forget(uri: string): void {
    const s = this.docs.get(uri);
    if (s?.timer) clearTimeout(s.timer);
    this.docs.delete(uri);
  }

  /** A check of this document is waiting or running. */
  isPending(uri: string): boolean {
    const s = this.docs.get(uri);
    return !!s && (s.running || s.firstEdit !== undefined);
  }

  /** The last check's cost in ms (0 before the first). */
  costOf(uri: string): number {
    return this.docs.get(uri)?.costMs ?? 0;
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.docs.values()) if (s.timer) clearTimeout(s.timer);
    this.docs.clear();
  }

  /**
   * When the pending edits of a document are due for a check: after the debounce since the last
   * edit, and no sooner than one check time after the last check ended (so a slow plan leaves at
   * least half the time to other work); while edits keep coming, no later than `maxWaitMs` after
   * the first of them.
   */
  private dueAt(uri: string, s: DocState): number {
    // A cheap check (most plans) needs no rest: only a slow one on this thread would crowd out
    // other work (a check in the analysis worker leaves the thread free).
    const blocking = this.options.blocking?.(uri) ?? true;
    const rested = blocking && s.costMs >= REST_FROM_MS ? s.lastEnd + s.costMs : 0;
    const quiet = Math.max(s.lastEdit + this.options.debounceMs(uri), rested);
    const latest = Math.max((s.firstEdit ?? s.lastEdit) + this.maxWaitMs, rested);
    return Math.min(quiet, latest);
  }

  private arm(uri: string, s: DocState): void {
    if (s.timer) clearTimeout(s.timer);
    const delay = Math.max(0, this.dueAt(uri, s) - this.now());
    s.timer = setTimeout(() => void this.fire(uri, s), delay);
  }

  private async fire(uri: string, s: DocState): Promise<void> {
    s.timer = undefined;
    // Let the edits already received be handled first (the RPC layer handles one message per turn).
    let seen = -1;
    for (let round = 0; round < MAX_DRAIN_ROUNDS && seen !== s.edits; round++) {
      seen = s.edits;
      await nextTurn();
      await nextTurn();
    }
    if (this.disposed || this.docs.get(uri) !== s || s.running || s.timer) return;
    // A drained edit may have moved the pause further away.
    if (this.dueAt(uri, s) > this.now() + 1) return this.arm(uri, s);
    s.running = true;
    s.firstEdit = undefined;
    const started = this.now();
    try {
      // The check's cost: the run as a whole (publishing a large plan's diagnostics counts too),
      // or the analysis behind it when a request had built it already.
      const cost = await this.options.run(uri);
      s.costMs = Math.max(cost ?? 0, this.now() - started);
    } finally {
      s.running = false;
      s.lastEnd = this.now();
      if (!this.disposed && this.docs.get(uri) === s && s.firstEdit !== undefined) this.arm(uri, s);
    }
  }
}
