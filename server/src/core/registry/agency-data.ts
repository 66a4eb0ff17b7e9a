// Where the registry's data files are: data/ at the repository root, which a packaged extension
// also keeps at its root. Compiled code runs from out/server/src/core/registry/ (five levels up);
// run from source (ts-node) it is four.

/** Load data/<file> (JSON), or undefined when it cannot be found or parsed. */
export function requireData<T>(file: string): T | undefined {
  for (const c of [`../../../../../data/${file}`, `../../../../data/${file}`]) {
    try {
      return require(c) as T;
    } catch {
      /* try the next layout */
    }
  }
  return undefined;
}
