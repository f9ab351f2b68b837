// The TLS sites of a host's web servers, as nginx and Apache httpd read their configuration: which names each
// site answers for and which certificate, key and chain files it serves. nginx: `server` blocks in nginx.conf and
// what it `include`s (globs; relative to /etc/nginx), `server_name`, `listen … ssl`, `ssl_certificate` and
// `ssl_certificate_key` (inherited from `http`). Apache: `<VirtualHost>` sections of apache2.conf (Debian) or
// httpd.conf (RHEL) and their `Include`/`IncludeOptional` files, `ServerName`/`ServerAlias`, `SSLCertificateFile`,
// `SSLCertificateKeyFile`, `SSLCertificateChainFile` (inherited from the server config). Only what these rules
// need is read; everything else in the files is skipped. Never throws on what it reads.
// A relative certificate path resolves as the servers resolve it: nginx against its configuration prefix, the
// folder of nginx.conf (src/event/ngx_event_openssl.c ngx_ssl_certificate: `ngx_conf_full_name(cf->cycle, cert, 1)`,
// 1 = conf_prefix); Apache against ServerRoot (modules/ssl/ssl_engine_config.c ssl_cmd_check_file:
// `ap_server_root_relative`), /etc/apache2 on Debian and /etc/httpd on RHEL.
import * as path from 'node:path';
import type { Host } from '../host/host';
import type { Range } from '../types';
import { isGlob, matchName } from '../util/glob';

export interface Located<T> {
  value: T;
  path: string;
  range: Range;
}

export interface TlsSite {
  server: 'nginx' | 'apache';
  /** The file and line of the `server {` / `<VirtualHost>` that opens the site. */
  opening: Located<string>;
  names: Located<string>[];
  certificate?: Located<string>;
  key?: Located<string>;
  chain?: Located<string>;
}

interface Directive {
  name: string;
  args: string[];
  path: string;
  range: Range;
  /** nginx blocks and Apache sections: what they hold. */
  children?: Directive[];
}

const NGINX_MAIN = '/etc/nginx/nginx.conf';
const APACHE_MAINS = [
  { file: '/etc/apache2/apache2.conf', root: '/etc/apache2' },
  { file: '/etc/httpd/conf/httpd.conf', root: '/etc/httpd' },
];
/** Includes nested deeper than this are a loop (a file including itself); nginx and Apache would refuse them too. */
const MAX_DEPTH = 16;

/**
 * Every TLS site of the host's nginx and Apache configuration. `standalone`: files to read on their own as well
 * when the main configuration does not reach them (a repository's `sites-available/shop.conf`, with or without an
 * nginx.conf beside it): an nginx file as the inside of `http`, an Apache file as server configuration.
 */
export function webServerSites(host: Host, standalone: readonly string[] = []): TlsSite[] {
  const sites = [...nginxSites(host), ...APACHE_MAINS.flatMap((main) => apacheSites(host, main.file, main.root))];
  const reached = new Set(sites.map((site) => site.opening.path));
  for (const file of standalone) {
    if (reached.has(file) || file === NGINX_MAIN || APACHE_MAINS.some((main) => main.file === file)) continue;
    if (file.startsWith('/etc/nginx/')) sites.push(...nginxSites(host, file, path.posix.dirname(NGINX_MAIN), true));
    const apache = APACHE_MAINS.find((main) => file.startsWith(main.root + '/'));
    if (apache) sites.push(...apacheSites(host, file, apache.root));
  }
  return sites;
}

// ---- nginx ----

export function nginxSites(host: Host, main = NGINX_MAIN, prefix = path.posix.dirname(main), included = false): TlsSite[] {
  const directives = readNginx(host, main, prefix, 0);
  if (!directives) return [];
  const sites: TlsSite[] = [];
  // A file read on its own is what an `include` inside `http` reads, unless it has its own `http` (an nginx.conf).
  const https = directives.filter((directive) => directive.name === 'http');
  const contexts = included && https.length === 0 ? [directives] : https.map((http) => http.children ?? []);
  for (const context of contexts) {
    const inherited = tlsFiles(context, 'nginx', prefix);
    for (const server of context.filter((directive) => directive.name === 'server' && directive.children)) {
      const own = tlsFiles(server.children!, 'nginx', prefix);
      const listensTls = server.children!.some((directive) => directive.name === 'listen' && directive.args.some((arg) => arg === 'ssl' || arg === 'quic' || /(^|:)443$/.test(arg)));
      const certificate = own.certificate ?? (listensTls ? inherited.certificate : undefined);
      if (!certificate) continue;
      const names = server.children!.filter((directive) => directive.name === 'server_name').flatMap((directive) => directive.args.map((name) => ({ value: name, path: directive.path, range: directive.range })));
      sites.push({ server: 'nginx', opening: { value: 'server', path: server.path, range: server.range }, names: names.flatMap(nginxName), certificate, key: own.key ?? inherited.key });
    }
  }
  return sites;
}

/** nginx's `.example.com` is example.com and *.example.com; `_`, "", regexes and `www.example.*` are no host names. */
function nginxName(name: Located<string>): Located<string>[] {
  const value = name.value.toLowerCase();
  if (value === '_' || value === '' || value.startsWith('~') || value.endsWith('.*') || value.includes('$')) return [];
  if (value.startsWith('.')) return [{ ...name, value: value.slice(1) }, { ...name, value: `*${value}` }];
  return [{ ...name, value }];
}

function readNginx(host: Host, file: string, prefix: string, depth: number): Directive[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const read = host.readText(file);
  if (!read.ok) return undefined;
  const tokens = nginxTokens(read.text);
  let index = 0;
  const block = (): Directive[] => {
    const directives: Directive[] = [];
    let words: { text: string; line: number; character: number }[] = [];
    while (index < tokens.length) {
      const token = tokens[index++];
      if (token.text === '}' && !token.quoted) return directives;
      if ((token.text === ';' || token.text === '{') && !token.quoted) {
        if (words.length === 0) continue;
        const first = words[0];
        const last = words[words.length - 1];
        const directive: Directive = { name: first.text, args: words.slice(1).map((word) => word.text), path: file, range: { start: { line: first.line, character: first.character }, end: { line: last.line, character: last.character + last.text.length } } };
        if (token.text === '{') directive.children = block();
        if (directive.name === 'include' && !directive.children && directive.args[0]) {
          for (const included of expandInclude(host, directive.args[0], prefix)) directives.push(...(readNginx(host, included, prefix, depth + 1) ?? []));
        } else {
          directives.push(directive);
        }
        words = [];
        continue;
      }
      words.push(token);
    }
    return directives;
  };
  return block();
}

interface Token {
  text: string;
  line: number;
  character: number;
  quoted?: boolean;
}

/** nginx's lexer (ngx_conf_file.c ngx_conf_read_token): words, quoted strings, `;`, `{`, `}`, `#` comments. */
function nginxTokens(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, line) => {
    let index = 0;
    while (index < lineText.length) {
      const ch = lineText[index];
      if (/\s/.test(ch)) {
        index++;
      } else if (ch === '#') {
        break;
      } else if (ch === ';' || ch === '{' || ch === '}') {
        tokens.push({ text: ch, line, character: index });
        index++;
      } else if (ch === '"' || ch === "'") {
        const end = lineText.indexOf(ch, index + 1);
        const stop = end < 0 ? lineText.length : end;
        tokens.push({ text: lineText.slice(index + 1, stop), line, character: index, quoted: true });
        index = stop + 1;
      } else {
        let end = index;
        while (end < lineText.length && !/[\s;{}]/.test(lineText[end])) end++;
        tokens.push({ text: lineText.slice(index, end), line, character: index });
        index = end;
      }
    }
  });
  return tokens;
}

// ---- Apache ----

export function apacheSites(host: Host, main: string, serverRoot: string): TlsSite[] {
  const directives = readApache(host, main, serverRoot, 0);
  if (!directives) return [];
  const inherited = tlsFiles(directives, 'apache', serverRoot);
  const sites: TlsSite[] = [];
  for (const virtualHost of directives.filter((directive) => directive.name === '<virtualhost' && directive.children)) {
    const children = virtualHost.children!;
    const own = tlsFiles(children, 'apache', serverRoot);
    const engineOn = children.some((directive) => directive.name === 'sslengine' && directive.args[0]?.toLowerCase() === 'on');
    const certificate = own.certificate ?? (engineOn ? inherited.certificate : undefined);
    if (!certificate || !engineOn) continue;
    const names = children
      .filter((directive) => directive.name === 'servername' || directive.name === 'serveralias')
      .flatMap((directive) => directive.args.map((name) => ({ value: name.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, '').toLowerCase(), path: directive.path, range: directive.range })));
    sites.push({ server: 'apache', opening: { value: '<VirtualHost>', path: virtualHost.path, range: virtualHost.range }, names, certificate, key: own.key ?? inherited.key, chain: own.chain ?? inherited.chain });
  }
  return sites;
}

function readApache(host: Host, file: string, serverRoot: string, depth: number): Directive[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const read = host.readText(file);
  if (!read.ok) return undefined;
  // Physical lines joined where one ends in a backslash (Apache's line continuation), keeping the first line's number.
  const logical: { text: string; line: number }[] = [];
  const lines = read.text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    let text = lines[line].replace(/\r$/, '');
    const start = line;
    while (text.endsWith('\\') && line + 1 < lines.length) text = text.slice(0, -1) + lines[++line].replace(/\r$/, '');
    logical.push({ text, line: start });
  }
  const root: Directive[] = [];
  const stack: Directive[][] = [root];
  for (const { text, line } of logical) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const character = text.indexOf(trimmed);
    const range = { start: { line, character }, end: { line, character: character + trimmed.length } };
    const close = trimmed.match(/^<\/([\w.]+)\s*>$/);
    if (close) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const open = trimmed.match(/^<([\w.]+)(\s+[^>]*)?>$/);
    if (open) {
      const section: Directive = { name: `<${open[1].toLowerCase()}`, args: apacheWords(open[2] ?? ''), path: file, range, children: [] };
      stack[stack.length - 1].push(section);
      stack.push(section.children!);
      continue;
    }
    const [name = '', ...args] = apacheWords(trimmed);
    const directive: Directive = { name: name.toLowerCase(), args, path: file, range };
    if ((directive.name === 'include' || directive.name === 'includeoptional') && args[0]) {
      for (const included of expandInclude(host, args[0], serverRoot)) stack[stack.length - 1].push(...(readApache(host, included, serverRoot, depth + 1) ?? []));
      continue;
    }
    stack[stack.length - 1].push(directive);
  }
  // Sections such as <IfModule mod_ssl.c> only wrap what they hold: their directives count where they stand.
  const flatten = (directives: Directive[]): Directive[] =>
    directives.flatMap((directive) => (directive.children && directive.name !== '<virtualhost' ? flatten(directive.children) : directive.children ? [{ ...directive, children: flatten(directive.children) }] : [directive]));
  return flatten(root);
}

function apacheWords(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

// ---- shared ----

/** The certificate, key and chain a scope names, as absolute paths (`prefix`: nginx's conf prefix, Apache's ServerRoot). */
function tlsFiles(directives: Directive[], server: 'nginx' | 'apache', prefix: string): { certificate?: Located<string>; key?: Located<string>; chain?: Located<string> } {
  const names = server === 'nginx' ? { certificate: 'ssl_certificate', key: 'ssl_certificate_key', chain: '' } : { certificate: 'sslcertificatefile', key: 'sslcertificatekeyfile', chain: 'sslcertificatechainfile' };
  const pick = (name: string): Located<string> | undefined => {
    // The first ssl_certificate of a server is the one clients get unless they ask for another key type (nginx
    // serves one RSA and one ECDSA when given two); the last SSLCertificateFile of a scope wins in Apache.
    const found = directives.filter((directive) => directive.name === name && directive.args[0] && !directive.args[0].includes('$'));
    const directive = server === 'nginx' ? found[0] : found[found.length - 1];
    return directive ? { value: path.posix.resolve(prefix, directive.args[0]), path: directive.path, range: directive.range } : undefined;
  };
  return { certificate: pick(names.certificate), key: pick(names.key), chain: names.chain ? pick(names.chain) : undefined };
}

/** An include's files, sorted as both servers read a glob (alphabetically); relative to the server's prefix. */
function expandInclude(host: Host, pattern: string, prefix: string): string[] {
  const absolute = pattern.startsWith('/') ? pattern : path.posix.join(prefix, pattern);
  if (!isGlob(absolute)) {
    // Apache's `Include conf.d/` reads every file of the folder.
    if (host.stat(absolute)?.kind !== 'directory') return [absolute];
    return host.list(absolute).filter((name) => !name.startsWith('.')).map((name) => path.posix.join(absolute, name)).filter((file) => host.stat(file)?.kind === 'file');
  }
  const parts = absolute.split('/').filter(Boolean);
  let folders = ['/'];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    const next: string[] = [];
    for (const folder of folders) {
      if (!isGlob(part)) {
        next.push(path.posix.join(folder, part));
        continue;
      }
      for (const name of host.list(folder)) if (!name.startsWith('.') && matchName(part, name)) next.push(path.posix.join(folder, name));
    }
    folders = last ? next.filter((file) => host.stat(file)?.kind === 'file') : next;
  }
  return folders.sort();
}
