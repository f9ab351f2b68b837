// The LSP diagnostic made from each finding, kept as long as the finding object lives. After an edit inside
// one line the engine hands back the same Finding objects for every other line (issue #20), and making 500
// diagnostics again per keystroke (each with its docs URL and related locations) was work and garbage for
// nothing. A diagnostic depends on its finding and on what the caller's `context` string names (the document,
// the locale, the docs base URL, the host view): one made under another context is made again.
export class DiagnosticCache<F extends object, D> {
  private made = new WeakMap<F, { context: string; diagnostic: D }>();

  get(finding: F, context: string, make: (finding: F) => D): D {
    const kept = this.made.get(finding);
    if (kept !== undefined && kept.context === context) return kept.diagnostic;
    const diagnostic = make(finding);
    this.made.set(finding, { context, diagnostic });
    return diagnostic;
  }
}
