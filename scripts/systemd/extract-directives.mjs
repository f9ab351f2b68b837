#!/usr/bin/env node
// Extracts the table of unit-file directives for [Unit], [Service], [Timer] and [Install] from a systemd
// source tree (without building it) and writes server/src/engine/systemd/directives-table.json.
//
//   node scripts/systemd/extract-directives.mjs SYSTEMD_SOURCE [--out FILE] [--label TEXT] [--without FEATURE] [--check]
//
// SYSTEMD_SOURCE is a checkout or unpacked tarball of systemd (the committed table comes from Debian 12's
// `apt-get source systemd`, 252.39). What it reads:
// - src/core/load-fragment-gperf.gperf.in: the manager's lookup table, `Section.Key, parser, ltype, offset`.
//   From v249 on it is a Jinja template; the exec/kill/cgroup macros are expanded here, and `{% if %}`
//   blocks resolved with the build features of Debian's systemd 252 (`systemd --version`: +SECCOMP +PAM
//   +SELINUX +APPARMOR +SMACK); `--without HAVE_PAM` and so on change that.
// - src/shared/install.c: the [Install] keys, which the manager ignores (parser NULL) and systemctl reads.
// - src/core/<type>.c: each unit type's `.sections` list.
// - every config_parse_*() body under src/: to tell, per parser, whether assignments add to a list and
//   what an empty assignment does. That part is a heuristic over the C text (see classify()); the few
//   parsers it gets wrong are corrected in OVERRIDES, each with the source text that justifies it, which
//   the script checks is still there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const SECTIONS = ['Unit', 'Service', 'Timer', 'Install'];
const DEFAULT_FEATURES = { HAVE_SECCOMP: true, HAVE_PAM: true, HAVE_SELINUX: true, HAVE_APPARMOR: true, ENABLE_SMACK: true };
const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_OUT = path.resolve(here, '../../server/src/engine/systemd/directives-table.json');

// Parsers the heuristic cannot read right. `evidence` must occur in the function body (or, for macros, the
// definition line), so a change upstream makes the script stop instead of writing a wrong table.
const OVERRIDES = {
  // Empty resets the whole Timer->values list, every On…= kind at once (load-fragment.c config_parse_timer
  // calls timer_free_values(), timer.c), so all six share one reset group.
  config_parse_timer: { list: true, empty: 'reset', resetGroup: 'Timer.triggers', evidence: 'timer_free_values(t)' },
  // Words are OR-ed into the set; "" parses to no capabilities and replaces it ("", "~" → replace).
  config_parse_capability_set: { list: true, empty: 'reset', evidence: '*capability_set |= sum' },
  // parse_cpu_set_extend() adds to the set, and "An empty assignment resets the CPU list" (cpu-set-util.c).
  config_parse_exec_cpu_affinity: { list: true, empty: 'reset', evidence: 'parse_cpu_set_extend(k' },
  config_parse_allowed_cpuset: { list: true, empty: 'reset', evidence: 'parse_cpu_set_extend(k' },
  config_parse_numa_mask: { list: true, empty: 'reset', evidence: 'parse_cpu_set_extend(rvalue' },
  // The name is checked before it is stored: "" is "Invalid bus name, ignoring".
  config_parse_bus_name: { list: false, empty: 'invalid', evidence: '!sd_bus_service_name_is_valid(k)' },
};

function main(argv) {
  const args = parseArgs(argv);
  const source = path.resolve(args.source);
  const gperfPath = path.join(source, 'src/core/load-fragment-gperf.gperf.in');
  if (!fs.existsSync(gperfPath)) fail(`${gperfPath} not found (systemd before v249 used a .m4 template, which this script does not read)`);
  const features = { ...DEFAULT_FEATURES };
  for (const name of args.without) features[name] = false;

  const entries = readGperf(fs.readFileSync(gperfPath, 'utf8'), features);
  const parsers = indexParsers(source);
  const install = readInstallTable(fs.readFileSync(path.join(source, 'src/shared/install.c'), 'utf8'));
  const classifier = new Classifier(parsers);

  const sections = {};
  for (const section of SECTIONS) sections[section] = {};
  for (const entry of entries) {
    if (!SECTIONS.includes(entry.section)) continue;
    let parser = entry.parser;
    let handledBy = 'manager';
    let status = 'supported';
    if (parser === null) {
      // The manager skips these keys; systemctl (install.c) reads [Install].
      const fromInstall = entry.section === 'Install' ? install.get(entry.key) : undefined;
      handledBy = fromInstall ? 'systemctl' : 'nobody';
      parser = fromInstall ?? null;
      if (!fromInstall) status = 'ignored';
    } else if (parser === 'config_parse_warn_compat') {
      status = entry.ltype === 'DISABLED_CONFIGURATION' ? 'disabled' : entry.ltype === 'DISABLED_EXPERIMENTAL' ? 'experimental' : 'removed';
    } else if (parser === 'config_parse_obsolete_unit_deps') {
      status = 'obsolete';
    }
    const deprecation = status === 'supported' && parser ? deprecationOf(parsers.functions.get(parser) ?? '', entry.key) : undefined;
    if (deprecation) status = 'deprecated';
    const readsValue = parser !== null && !['removed', 'disabled', 'experimental', 'ignored'].includes(status);
    const kind = readsValue ? classifier.classify(parser) : { list: false, empty: 'ignored' };
    const record = { parser, ltype: entry.ltype, list: kind.list, empty: kind.empty, status, handledBy };
    // config_parse_bool() and config_parse_path() take `ltype` as "fatal": a bad value then fails the unit.
    if (readsValue && entry.ltype === 'true' && classifier.takesFatal(parser)) record.fatal = true;
    if (kind.resetGroup) record.resetGroup = kind.resetGroup;
    if (deprecation?.replacement) record.replacement = deprecation.replacement;
    if (entry.note) record.note = entry.note;
    if (sections[entry.section][entry.key]) fail(`duplicate entry ${entry.section}.${entry.key}`);
    sections[entry.section][entry.key] = record;
  }
  for (const [key, parser] of install) {
    if (!sections.Install[key]) fail(`install.c reads Install.${key}, which the gperf table lacks`);
    void parser;
  }

  const table = {
    comment: 'Generated by scripts/systemd/extract-directives.mjs; do not edit by hand.',
    source: {
      systemd: args.label ?? `${path.basename(source)} (meson version ${mesonVersion(source)})`,
      files: ['src/core/load-fragment-gperf.gperf.in', 'src/shared/install.c', 'src/core/*.c (.sections)', 'config_parse_*() bodies'],
      features,
    },
    legend: {
      list: 'true: each assignment adds to a list; false: a later assignment replaces an earlier one; null: not known',
      empty: "what `Key=` with nothing after it does: 'reset' empties the list, 'default' puts the default back, 'invalid' is logged and ignored (the earlier value stays), 'no-op' is accepted and changes nothing, 'ignored' for keys whose value is not read; null: not known",
      status: "'supported'; 'deprecated' (works, logs that support will be removed); 'obsolete' (works, logs that it is obsolete and what replaces it); 'removed' (config_parse_warn_compat DISABLED_LEGACY: \"has been removed and it is ignored\"); 'disabled' (compiled out); 'ignored' (no parser)",
      fatal: 'true when a value the parser rejects makes the whole unit fail to load instead of being ignored',
      handledBy: "'manager' for keys systemd itself reads; 'systemctl' for [Install], which only enable/disable read",
      resetGroup: 'keys that share one list: an empty assignment to any of them empties all',
    },
    unitTypes: readUnitTypeSections(source),
    sections,
  };
  const text = JSON.stringify(table, null, 2) + '\n';
  const out = path.resolve(args.out ?? DEFAULT_OUT);
  if (args.check) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (current !== text) fail(`${out} is not what the script extracts from ${source}`);
    console.log(`${out} is up to date`);
    return;
  }
  fs.writeFileSync(out, text);
  const counts = SECTIONS.map((section) => `${section} ${Object.keys(sections[section]).length}`).join(', ');
  console.log(`wrote ${out}: ${counts}`);
  for (const warning of classifier.unknown) console.warn(`note: could not classify ${warning}`);
}

/**
 * A parser that logs "Unit uses %s=; please use CPUWeight= instead. Support for %s= will be removed soon"
 * (or names this key in such a message) marks the key deprecated; one that only warns about a value
 * ("KillMode=none is deprecated") does not.
 */
function deprecationOf(body, key) {
  for (const match of body.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const message = match[1];
    if (!/will be removed soon|is deprecated/.test(message)) continue;
    const allKeys = /%s=?[\s;]|^%s /.test(message);
    const thisKey = new RegExp(`\\b(uses|for) ${key}=(?![\\w])`).test(message);
    if (!allKeys && !thisKey) continue;
    return { replacement: message.match(/please use ([A-Za-z]+)=/i)?.[1] };
  }
  return undefined;
}

function parseArgs(argv) {
  const args = { source: undefined, out: undefined, label: undefined, without: [], check: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--out') args.out = argv[++index];
    else if (arg === '--label') args.label = argv[++index];
    else if (arg === '--without') args.without.push(argv[++index]);
    else if (arg === '--check') args.check = true;
    else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else args.source = arg;
  }
  if (!args.source) fail('usage: extract-directives.mjs SYSTEMD_SOURCE [--out FILE] [--label TEXT] [--without FEATURE] [--check]');
  return args;
}

function fail(message) {
  console.error(`extract-directives: ${message}`);
  process.exit(1);
}

function mesonVersion(source) {
  const meson = fs.readFileSync(path.join(source, 'meson.build'), 'utf8');
  return meson.match(/version\s*:\s*'([^']+)'/)?.[1] ?? 'unknown';
}

// ---- The gperf template -------------------------------------------------------------------------------

/** Renders the small Jinja subset the file uses (macros with one argument, if/elif/else on build
 *  features, comments) and returns its `Section.Key, parser, ltype, offset` entries in order. */
function readGperf(text, features) {
  const lines = text.split('\n');
  const macros = new Map();
  const top = [];
  for (let index = 0; index < lines.length; index++) {
    const macro = lines[index].match(/^\{%-?\s*macro\s+(\w+)\((\w+)\)\s*-?%\}\s*$/);
    if (!macro) {
      top.push(lines[index]);
      continue;
    }
    const body = [];
    for (index++; index < lines.length && !/^\{%-?\s*endmacro\s*-?%\}\s*$/.test(lines[index]); index++) body.push(lines[index]);
    macros.set(macro[1], { parameter: macro[2], body });
  }
  const expanded = expand(top, macros, features, {});
  const start = expanded.findIndex((line) => line.text.trim() === '%%');
  if (start < 0) fail('no %% line in the gperf template');
  const entries = [];
  let pending;
  for (const { text: line } of expanded.slice(start + 1)) {
    const comment = line.match(/^\{#\s*(.*?)\s*#\}\s*$/);
    if (comment) {
      // Only "The following [five] …" comments describe entries ("legacy alias name for compatibility").
      const count = comment[1].match(/^The following (\w+)/i)?.[1]?.toLowerCase();
      pending = count ? { note: comment[1], left: NUMBER_WORDS[count] ?? 1 } : undefined;
      continue;
    }
    if (line.trim() === '' || line.startsWith('%')) continue;
    const fields = line.split(',').map((field) => field.trim());
    const key = fields[0].match(/^(\w+)\.([\w-]+)$/);
    if (!key || fields.length < 4) fail(`cannot read gperf line: ${line}`);
    const entry = { section: key[1], key: key[2], parser: fields[1] === 'NULL' ? null : fields[1], ltype: fields[2] };
    if (pending && pending.left > 0) {
      entry.note = pending.note;
      if (--pending.left === 0) pending = undefined;
    }
    entries.push(entry);
  }
  return entries;
}

const NUMBER_WORDS = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function expand(lines, macros, features, variables) {
  const out = [];
  const stack = []; // { active, taken } per open if
  const active = () => stack.every((frame) => frame.active);
  for (const raw of lines) {
    const tag = raw.match(/^\{%-?\s*(if|elif|else|endif)\b\s*(.*?)\s*-?%\}\s*$/);
    if (tag) {
      const [, word, condition] = tag;
      if (word === 'if') {
        const value = evaluate(condition, features);
        stack.push({ active: value, taken: value });
      } else if (word === 'elif') {
        const frame = stack[stack.length - 1];
        frame.active = !frame.taken && evaluate(condition, features);
        frame.taken ||= frame.active;
      } else if (word === 'else') {
        const frame = stack[stack.length - 1];
        frame.active = !frame.taken;
        frame.taken = true;
      } else {
        stack.pop();
      }
      continue;
    }
    if (!active()) continue;
    if (/^\{%/.test(raw)) fail(`unsupported template tag: ${raw}`);
    const call = raw.match(/^\{\{\s*(\w+)\('([^']*)'\)\s*\}\}\s*$/);
    if (call) {
      const macro = macros.get(call[1]);
      if (!macro) fail(`unknown macro ${call[1]}`);
      out.push(...expand(macro.body, macros, features, { [macro.parameter]: call[2] }));
      continue;
    }
    const text = raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) => {
      if (!(name in variables)) fail(`unknown template variable in: ${raw}`);
      return variables[name];
    });
    // A leading comment that only documents the template (SPDX line) is kept; readGperf skips those before %%.
    out.push({ text });
  }
  if (stack.length > 0) fail('unbalanced {% if %} in the gperf template');
  return out;
}

function evaluate(condition, features) {
  const match = condition.match(/^(not\s+)?(\w+)$/);
  if (!match) fail(`unsupported template condition: ${condition}`);
  if (!(match[2] in features)) fail(`unknown build feature ${match[2]} (pass --without ${match[2]} or add it to DEFAULT_FEATURES)`);
  return Boolean(features[match[2]]) !== Boolean(match[1]);
}

// ---- [Install] and unit types ---------------------------------------------------------------------------

function readInstallTable(text) {
  const table = new Map();
  const block = text.match(/const ConfigTableItem items\[\] = \{([\s\S]*?)\n\s*\{\}/);
  if (!block) fail('no [Install] items table in src/shared/install.c');
  for (const match of block[1].matchAll(/\{\s*"Install",\s*"(\w+)",\s*(config_parse_\w+)/g)) table.set(match[1], match[2]);
  return table;
}

function readUnitTypeSections(source) {
  const types = {};
  const core = path.join(source, 'src/core');
  for (const file of fs.readdirSync(core).sort()) {
    if (!file.endsWith('.c')) continue;
    const text = fs.readFileSync(path.join(core, file), 'utf8');
    const vtable = text.match(/const UnitVTable (\w+)_vtable = \{([\s\S]*?)\n\};/);
    if (!vtable) continue;
    const sections = vtable[2].match(/\.sections\s*=\s*((?:\s*"[^"]*")+)/);
    if (!sections) continue;
    types[vtable[1]] = [...sections[1].matchAll(/"([^"]*)"/g)].map((match) => match[1].replace(/\\0$/, ''));
  }
  if (!types.service || !types.timer) fail('did not find the service and timer vtables in src/core');
  return types;
}

// ---- What the parsers do --------------------------------------------------------------------------------

/** Every config_parse_*() in src/: plain C functions (name → body) and the DEFINE_CONFIG_PARSE* macros. */
function indexParsers(source) {
  const functions = new Map();
  const macros = new Map();
  const helpers = new Map();
  // The manager's own parsers win over same-named ones elsewhere (nspawn has its own config_parse_syscall_filter).
  const files = ['src/core', 'src/shared', 'src/basic', 'src/fundamental'].flatMap((folder) => [...walk(path.join(source, folder))].sort());
  for (const file of files) {
    if (!file.endsWith('.c') && !file.endsWith('.h')) continue;
    const text = stripComments(fs.readFileSync(file, 'utf8'));
    for (const match of text.matchAll(/^(?:static\s+)?(?:inline\s+)?(?:int|[a-zA-Z_]\w*(?:\s*\*)?)\s+(\w+)\s*\(/gm)) {
      const body = functionBody(text, match.index + match[0].length - 1);
      if (body === undefined) continue;
      const name = match[1];
      const map = name.startsWith('config_parse_') ? functions : helpers;
      if (!map.has(name)) map.set(name, body);
    }
    for (const match of text.matchAll(/^(?:static\s+)?DEFINE_CONFIG_PARSE(\w*)\(\s*(config_parse_\w+)\s*,\s*(\w+)/gm)) {
      macros.set(match[2], { kind: match[1], inner: match[3] });
    }
    // conf-parser.c: DEFINE_PARSER(sec, usec_t, parse_sec) defines config_parse_sec() around parse_sec().
    for (const match of text.matchAll(/^DEFINE_PARSER\(\s*(\w+)\s*,[^,]+,\s*(\w+)\s*\)/gm)) {
      macros.set(`config_parse_${match[1]}`, { kind: '', inner: match[2] });
    }
  }
  return { functions, macros, helpers };
}

function* walk(directory) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Removes comments but keeps the text of each (so "resets" in a comment still counts) on its own. */
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => ` ${comment.replace(/[^\n]/g, (c) => (/[\w ]/.test(c) ? c : ' '))} `);
}

/** The `{…}` after the parameter list that opens at `open`, or undefined for a prototype. */
function functionBody(text, open) {
  let depth = 0;
  let index = open;
  for (; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) break;
  }
  index++;
  while (index < text.length && /\s/.test(text[index])) index++;
  if (text[index] !== '{') return undefined;
  const start = index;
  depth = 0;
  for (; index < text.length; index++) {
    const character = text[index];
    if (character === '"' || character === "'") {
      for (index++; index < text.length && text[index] !== character; index++) if (text[index] === '\\') index++;
    } else if (character === '{') depth++;
    else if (character === '}' && --depth === 0) return text.slice(start, index + 1);
  }
  return undefined;
}

const LIST_RESET =
  /resets the list|resets list|clears list|frees the list|removes all|\b\w+_free_(many|list|all)\b|\b(strv_free|set_free\w*|hashmap_free\w*|ordered_\w+_free\w*|\w+_done)\s*\(|while\s*\(\s*\w+->\w+\s*\)/;

class Classifier {
  constructor(parsers) {
    this.parsers = parsers;
    this.cache = new Map();
    this.unknown = new Set();
  }

  classify(name, depth = 0) {
    if (this.cache.has(name)) return this.cache.get(name);
    const result = this.compute(name, depth);
    this.cache.set(name, result);
    return result;
  }

  compute(name, depth) {
    const override = OVERRIDES[name];
    if (override) {
      const body = this.parsers.functions.get(name) ?? '';
      if (!body.includes(override.evidence)) fail(`override for ${name} no longer matches the source (${override.evidence})`);
      const { evidence, ...kind } = override;
      return kind;
    }
    if (depth > 8) return { list: null, empty: null };
    const macro = this.parsers.macros.get(name);
    if (macro) {
      switch (macro.kind) {
        case '_ENUM':
        case '_ENUM_FULL':
          return { list: false, empty: 'invalid' };
        case '_ENUM_WITH_DEFAULT':
          return { list: false, empty: 'default' };
        case '_ENUMV':
          return { list: false, empty: 'default' };
        case '':
        case '_PTR': {
          // r = parser(rvalue, …); "" is either handled by the inner parser or refused.
          const handles = this.helperAcceptsEmpty(macro.inner);
          if (handles === undefined) return this.note(name, { list: false, empty: null });
          return { list: false, empty: handles ? 'default' : 'invalid' };
        }
        default:
          return this.note(name, { list: null, empty: null });
      }
    }
    const body = this.parsers.functions.get(name);
    if (body === undefined) return this.note(name, { list: null, empty: null });

    const delegates = [...body.matchAll(/\b(config_parse_\w+)\s*\(/g)].map((match) => match[1]).filter((callee) => callee !== name);
    // The block under `if (isempty(rvalue))`, with the comment line just above it.
    const emptyBlock = blockAfter(body, /if\s*\(\s*isempty\(\s*rvalue\s*\)\s*\)/, 1);
    let kind;
    if (emptyBlock !== undefined) {
      // systemd marks list resets in words ("Empty assignment resets the list") or frees a collection.
      kind = LIST_RESET.test(emptyBlock) ? { list: true, empty: 'reset' } : { list: false, empty: 'default' };
    } else if (/empty_to_null\(\s*rvalue\s*\)|isempty\(\s*(rvalue|k|printed)\s*\)/.test(body)) {
      // "" handled in a compound condition or after specifier expansion.
      kind = { list: false, empty: 'default' };
    } else if (delegates.length > 0) {
      // A wrapper (specifier expansion and the like) hands the text on: "" stays "".
      kind = this.classify(delegates[delegates.length - 1], depth + 1);
    } else if (/extract_first_word\(\s*&(p|rvalue)\b/.test(body) && /if\s*\(\s*r\s*==\s*0\s*\)\s*(return 0|break);/.test(body)) {
      // A word loop that adds each word and ends at once on "": Wants=, After=, RequiresMountsFor=, …
      kind = { list: true, empty: 'no-op' };
    } else {
      // A single value parsed from the text: "" fails to parse, is logged, and the earlier value stays.
      kind = { list: false, empty: 'invalid' };
    }
    return kind;
  }

  /** Whether a value parser (parse_foo(s, …)) accepts "": it checks for it, or it is a word loop that
   *  simply finds no words, or it hands the string to one that does. Undefined when not found. */
  helperAcceptsEmpty(name, depth = 0) {
    const body = this.parsers.helpers.get(name);
    if (body === undefined || depth > 3) return undefined;
    if (/isempty\(\s*\w+\s*\)|for\s*\((\s*const char \*)?\s*p\s*=\s*\w+;;\s*\)/.test(body)) return true;
    for (const match of body.matchAll(/\b(parse_\w+|\w+_parse|\w+_from_string)\s*\(/g)) {
      if (match[1] === name) continue;
      const inner = this.helperAcceptsEmpty(match[1], depth + 1);
      if (inner !== undefined) return inner;
    }
    return false;
  }

  /** Whether the parser reads `ltype` as "fatal" (itself or a parser it hands the value to). */
  takesFatal(name, depth = 0) {
    const body = this.parsers.functions.get(name);
    if (body === undefined || depth > 4) return false;
    if (/\bfatal\s*=\s*ltype\b/.test(body)) return true;
    return [...body.matchAll(/\b(config_parse_\w+)\s*\(/g)].some((match) => match[1] !== name && this.takesFatal(match[1], depth + 1));
  }

  note(name, kind) {
    this.unknown.add(name);
    return kind;
  }
}

/** The statement or `{…}` block following the first match of `condition` in `body`, with the
 *  `linesBefore` lines in front of the condition. */
function blockAfter(body, condition, linesBefore = 0) {
  const match = condition.exec(body);
  if (!match) return undefined;
  let before = match.index;
  for (let line = 0; line <= linesBefore && before > 0; line++) before = body.lastIndexOf('\n', before - 1);
  const prefix = body.slice(Math.max(0, before), match.index);
  let index = match.index + match[0].length;
  while (/\s/.test(body[index])) index++;
  if (body[index] !== '{') return prefix + body.slice(index, body.indexOf(';', index) + 1);
  let depth = 0;
  for (let end = index; end < body.length; end++) {
    if (body[end] === '{') depth++;
    else if (body[end] === '}' && --depth === 0) return prefix + body.slice(index, end + 1);
  }
  return prefix + body.slice(index);
}

main(process.argv.slice(2));
