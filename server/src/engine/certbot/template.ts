// Template placeholders in a cli.ini or renewal file kept in a repository: `{{ certbot_email }}` (Jinja,
// Ansible, Helm, Go templates), `{% if staging %}`, `<%= @email %>` (ERB, Puppet/Chef), `${ACME_SERVER}` and
// `$STAGING_FLAG` (envsubst, shell heredocs). There they are filled in when the file is deployed, so they
// are not unknown certbot options or broken lines: certbot/template-placeholder says so once, and the rules
// that would misread them (unknown-key, invalid-syntax) leave their lines alone. A file where certbot itself
// reads it (/etc/letsencrypt, a config folder with live/ or archive/) is never a template: certbot reads
// `$STAGING_FLAG` literally there, so the errors stand.
import * as path from 'node:path';
import type { Host } from '../host/host';
import { DEFAULT_CONFIG_DIR, configDirOf } from './host-config';
import type { CertbotDocument } from './rule';

export interface Placeholder {
  line: number;
  start: number;
  end: number;
  text: string;
}

export interface TemplateFacts {
  placeholders: Placeholder[];
  /** Lines holding a placeholder: other rules do not read them. */
  lines: ReadonlySet<number>;
}

// Delimited template syntax anywhere on a line; `{# … #}` is a Jinja comment.
const DELIMITED = /\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<%.*?%>/g;
// A shell-style variable, counted only where a key or a whole value would be: inside a value it is often
// the shell's own (`post_hook = echo $HOME`).
const VARIABLE = /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/;

const cache = new WeakMap<CertbotDocument, { path: string | undefined; facts: TemplateFacts | undefined }>();

/** The file's placeholders when it is a template (not where certbot reads it), else undefined. */
export function templateFacts(document: CertbotDocument, file: string | undefined, host: Host): TemplateFacts | undefined {
  const cached = cache.get(document);
  if (cached && cached.path === file) return cached.facts;
  const facts = readsHere(file, host) ? undefined : findPlaceholders(document);
  cache.set(document, { path: file, facts });
  return facts;
}

/** Whether certbot reads the file at this path: its default config folder, a user's, or one with lineages. */
export function readsHere(file: string | undefined, host: Host): boolean {
  if (!file) return false;
  const configDir = configDirOf(file);
  if (configDir === DEFAULT_CONFIG_DIR || /\/\.config\/letsencrypt$/.test(configDir)) return true;
  return ['live', 'archive', 'accounts'].some((folder) => host.stat(path.posix.join(configDir, folder))?.kind === 'directory');
}

function findPlaceholders(document: CertbotDocument): TemplateFacts | undefined {
  const lines = document.lines ?? document.text?.split(/\r\n|\r|\n/) ?? [];
  const placeholders: Placeholder[] = [];
  lines.forEach((text, line) => {
    if (/^\s*[#;]/.test(text) && !/^\s*\{#/.test(text)) return;
    for (const match of text.matchAll(DELIMITED)) placeholders.push({ line, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, text: match[0] });
    // `$STAGING_FLAG` as a line of its own, as the key, or as the whole value.
    const equals = text.indexOf('=');
    const parts: [number, string][] = equals === -1 ? [[0, text]] : [[0, text.slice(0, equals)], [equals + 1, text.slice(equals + 1)]];
    for (const [offset, part] of parts) {
      const word = part.trim();
      if (VARIABLE.test(word)) {
        const start = offset + part.indexOf(word);
        placeholders.push({ line, start, end: start + word.length, text: word });
      }
    }
  });
  if (placeholders.length === 0) return undefined;
  placeholders.sort((a, b) => a.line - b.line || a.start - b.start);
  return { placeholders, lines: new Set(placeholders.map((placeholder) => placeholder.line)) };
}
