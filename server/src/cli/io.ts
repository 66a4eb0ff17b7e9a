// Where a subcommand writes: standard output and standard error (tests collect them as strings).

export interface Io {
  out(s: string): void;
  err(s: string): void;
}
