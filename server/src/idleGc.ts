// A full garbage collection once the server goes quiet after checking. Each check of a 100 KB plan
// leaves megabytes of garbage (tokens, candidate lists, coverage vectors); V8 collects its old
// generation only when it has grown enough, so after a burst of checks (typing, twenty plans
// opened) the process kept ~150–190 MB resident for ~25 MB of live objects (bench/server.ts,
// process.memoryUsage and v8.getHeapSpaceStatistics inside the server). Collecting once the
// checks pause gives the pages back (bench: 20 plans open 170–208 → ~114 MB, keystroke time unchanged;
// V8's --heap-growing-percent=20 reached about the same but made every check ~20% slower).
// The collector is V8's own `gc`, exposed at run time, so the server gets it however it was started
// (by the VS Code client, bin/kehoach-language-server.js or a bare `node dist/server.js`).

import * as v8 from 'v8';
import * as vm from 'vm';

/** Quiet time after the last check before collecting: a pause in typing, not between keys. */
export const IDLE_GC_AFTER_MS = 300;

export class IdleCollector {
  private timer?: NodeJS.Timeout;
  private readonly gc: (() => void) | undefined;

  constructor(gc: unknown = exposedGc(), private readonly afterMs = IDLE_GC_AFTER_MS) {
    this.gc = typeof gc === 'function' ? (gc as () => void) : undefined;
  }

  /** A check started: no collection until it ends. */
  busy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A check ended: collect when none follows within `afterMs`. */
  checked(): void {
    if (!this.gc) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.gc?.();
    }, this.afterMs);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** V8's full collection: the global `gc` under --expose-gc, else the flag set now and `gc` read from a fresh context. */
export function exposedGc(): (() => void) | undefined {
  const given = (globalThis as { gc?: unknown }).gc;
  if (typeof given === 'function') return given as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
