// One analysis in flight per document version and configuration generation: the check the
// scheduler starts and the requests that arrive meanwhile (hover, outline, code actions) await
// the same promise instead of each checking the text again.

export class SharedRuns<T> {
  private readonly running = new Map<string, { version: number; gen: number; promise: Promise<T> }>();

  /** The run of (uri, version, gen) in flight, or a new one from `start`. */
  run(uri: string, version: number, gen: number, start: () => Promise<T>): Promise<T> {
    const had = this.running.get(uri);
    if (had && had.version === version && had.gen === gen) return had.promise;
    const entry = { version, gen, promise: start() };
    this.running.set(uri, entry);
    const clear = () => {
      if (this.running.get(uri) === entry) this.running.delete(uri);
    };
    entry.promise.then(clear, clear);
    return entry.promise;
  }

  /** The document closed: a run still going no longer answers for it. */
  forget(uri: string): void {
    this.running.delete(uri);
  }

  /** How many runs are in flight. */
  get size(): number {
    return this.running.size;
  }
}
