// Tokenizing with the engine VS Code uses (vscode-textmate over the oniguruma wasm), and the assertions the
// grammar tests share: the scopes of the one token covering a substring, and any `invalid.*` tokens.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as Oniguruma from 'vscode-oniguruma';
import type * as TextMate from 'vscode-textmate';
import { repoPath } from './paths';

// Loaded from the repository's node_modules, not beside this file: the compiled test may run from an output
// folder elsewhere (tsc --outDir /tmp/…), where a plain import would not find them.
const requireFromRepository = createRequire(repoPath('package.json'));
const oniguruma = requireFromRepository('vscode-oniguruma') as typeof Oniguruma;
const textmate = requireFromRepository('vscode-textmate') as typeof TextMate;

let onigLib: Promise<TextMate.IOnigLib> | undefined;

function loadOnig(): Promise<TextMate.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(repoPath('node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      // The two packages type the search options differently (a bit mask vs a list); at run time they agree.
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources) as unknown as TextMate.OnigScanner,
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

export interface GrammarSet {
  /** Grammar files by scope name. */
  files: Record<string, string>;
  /** A stand-in for VS Code's source.shell, provided only when a test asks `withShell`. */
  stubShell: object;
  /** Told of every scope name the registry asks for (to check an embedded grammar is requested at all). */
  onRequest?: (scopeName: string) => void;
}

/** A loader of grammars by scope name, cached per scope and per `withShell`. */
export function grammarLoader(set: GrammarSet): (scopeName: string, withShell?: boolean) => Promise<TextMate.IGrammar> {
  const cache = new Map<string, Promise<TextMate.IGrammar>>();
  return (scopeName, withShell = false) => {
    const key = `${scopeName}${withShell ? '+shell' : ''}`;
    let loaded = cache.get(key);
    if (!loaded) {
      const registry = new textmate.Registry({
        onigLib: loadOnig(),
        loadGrammar: async (name) => {
          set.onRequest?.(name);
          if (name === 'source.shell') return withShell ? textmate.parseRawGrammar(JSON.stringify(set.stubShell), 'stub-shell.json') : null;
          const file = set.files[name];
          return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
        },
      });
      loaded = registry.loadGrammar(scopeName).then((result) => {
        assert.ok(result, `grammar ${scopeName} loads`);
        return result;
      });
      cache.set(key, loaded);
    }
    return loaded;
  };
}

export interface TokenizedLine {
  text: string;
  tokens: TextMate.IToken[];
}

/** Tokenizes lines in order, carrying the rule stack from one to the next as an editor does. */
export function tokenizeLines(grammar: TextMate.IGrammar, lines: string[]): TokenizedLine[] {
  let state = textmate.INITIAL;
  return lines.map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    return { text, tokens: result.tokens };
  });
}

export function describeTokens(line: TokenizedLine): string {
  return line.tokens.map((token) => `  ${JSON.stringify(line.text.slice(token.startIndex, token.endIndex))} ${token.scopes.join(' ')}`).join('\n');
}

/** Scopes of the token at a character offset. */
export function scopesAtIndex(line: TokenizedLine, index: number): string[] {
  const token = line.tokens.find((candidate) => candidate.startIndex <= index && index < candidate.endIndex);
  assert.ok(token, `no token at ${index} in ${JSON.stringify(line.text)}`);
  return token.scopes;
}

/**
 * Scopes of the one token that covers `substring` (its `occurrence`-th appearance, from 1). Fails, listing the
 * tokens, when the substring is missing or split over several tokens: a test names exactly one token.
 */
export function scopesOf(line: TokenizedLine, substring: string, occurrence = 1): string[] {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    start = line.text.indexOf(substring, start + 1);
    assert.ok(start >= 0, `${JSON.stringify(substring)} (occurrence ${occurrence}) is not in ${JSON.stringify(line.text)}`);
  }
  const token = line.tokens.find((candidate) => candidate.startIndex <= start && start < candidate.endIndex);
  assert.ok(
    token && token.endIndex >= start + substring.length,
    `${JSON.stringify(substring)} is not one token of ${JSON.stringify(line.text)}:\n${describeTokens(line)}`,
  );
  return token.scopes;
}

/** The scopes below the grammar's root scope, for exact comparisons. */
export function inner(scopes: string[]): string[] {
  return scopes.slice(1);
}

export function assertHas(line: TokenizedLine, substring: string, scope: string, occurrence = 1): void {
  const scopes = scopesOf(line, substring, occurrence);
  assert.ok(scopes.includes(scope), `${JSON.stringify(substring)} in ${JSON.stringify(line.text)} should have ${scope}; has ${scopes.join(' ')}`);
}

export function assertLacks(line: TokenizedLine, substring: string, scopePrefix: string, occurrence = 1): void {
  const scopes = scopesOf(line, substring, occurrence);
  assert.ok(
    !scopes.some((scope) => scope.startsWith(scopePrefix)),
    `${JSON.stringify(substring)} in ${JSON.stringify(line.text)} should have no ${scopePrefix}*; has ${scopes.join(' ')}`,
  );
}

export function invalidTokens(line: TokenizedLine): string[] {
  return line.tokens
    .filter((token) => token.scopes.some((scope) => scope.startsWith('invalid.')))
    .map((token) => JSON.stringify(line.text.slice(token.startIndex, token.endIndex)));
}
