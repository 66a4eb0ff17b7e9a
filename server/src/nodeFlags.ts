// Node flags the language server is started with (the client passes them; the benchmark too).
// A young generation of at most 2 × 2 MB: V8's default lets it grow to 3 × 16 MB while a large plan
// is checked and keeps that memory afterwards, which for a server holding 20 open plans was a
// quarter of its RSS (bench: 135 → 100 MB with 20 plans), at no measurable cost per check.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
