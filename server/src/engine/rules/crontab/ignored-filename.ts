// Files in /etc/cron.d that the host's cron never reads although they look meant to run.
// Debian cron database.c valid_name(): `^[a-zA-Z0-9_-]+$`, or with `-l` (LSB mode, /etc/default/cron)
// `^_?([a-z0-9_.]+-)+[a-z0-9]+$` minus `*.dpkg-old|dist`, else `^[a-z0-9][a-z0-9-]*$`.
// cronie src/database.c skips only names starting with `.`/`#` or ending in `~`, `.rpmsave`, `.rpmorig`,
// `.rpmnew` — all of them names people give on purpose to park a file — so cronie has nothing to report.
// The same holds for a repository file an install step puts into /etc/cron.d (`COPY hello-cron
// /etc/cron.d/hello.cron`): the name that counts is the target's, the cron the image's (the step's dialect,
// else the lint's), and the image's /etc/default/cron is not known, so Debian's classic rule applies.
import * as path from 'node:path';
import { readTextOrUndefined } from '../../host/host';
import { installRelated, stepParams } from '../../install/describe';
import { range } from '../../types';
import { isDocumentationName } from '../../util/documentation-name';
import type { CrontabContext, CrontabRule } from '../../rule';

const CRON_D = '/etc/cron.d';
const CLASSIC = /^[a-zA-Z0-9_-]+$/;
const LSB_HIERARCHICAL = /^_?([a-z0-9_.]+-)+[a-z0-9]+$/;
const LSB_EXCLUDED = /^[a-z0-9-].*dpkg-(old|dist)$/;
const LSB_TRADITIONAL = /^[a-z0-9][a-z0-9-]*$/;

// Names that say "parked on purpose": package manager leftovers, editor backups, hidden files.
const PARKED = /^\.|~$|^#|\.(dpkg-(old|dist|new|tmp|bak)|ucf-(old|new|dist)|rpm(new|save|orig)|bak|old|orig|save|swp|disabled?|off|example|sample)$/i;

export function debianReadsName(name: string, lsbMode: boolean): boolean {
  if (!lsbMode) return CLASSIC.test(name);
  if (LSB_HIERARCHICAL.test(name)) return !LSB_EXCLUDED.test(name);
  return LSB_TRADITIONAL.test(name);
}

export const ignoredFilename: CrontabRule = {
  id: 'crontab/ignored-filename',
  meta: { defaultSeverity: 'warning', fixable: false, scope: 'file' },
  check(context) {
    checkInstallTargets(context);
    if (!context.path || context.dialect.dialect !== 'debian') return;
    // The host's /etc/cron.d, or a copy of a host tree laid out under its own `etc/` (a repository's rootfs
    // overlay, an Ansible role's `files/etc/cron.d/`): that folder is what lands in /etc/cron.d, so the name cron
    // skips there is already wrong here. A `cron.d/` folder elsewhere says nothing about where it goes.
    const folder = path.posix.dirname(context.path);
    if (folder !== CRON_D && !folder.endsWith(CRON_D)) return;
    const name = path.posix.basename(context.path);
    // A README beside the jobs is not meant to run: renaming it would make cron read prose.
    if (PARKED.test(name) || isDocumentationName(name)) return;
    // That tree's own /etc/default/cron (the host's, under --root or on the machine).
    const tree = folder.slice(0, folder.length - CRON_D.length);
    const defaults = readTextOrUndefined(context.facts.host, `${tree}/etc/default/cron`) ?? '';
    // `[^\S\n\r\u2028\u2029]*`, not `\s*`, after `^`: the same lines match, without rescanning runs of blank lines from each one (quadratic).
    const lsbMode = /^[^\S\n\r\u2028\u2029]*EXTRA_OPTS\s*=\s*["']?[^"'\n#]*(^|\s)-l\b/m.test(defaults) || /^[^\S\n\r\u2028\u2029]*EXTRA_OPTS\s*=\s*["']?-l\b/m.test(defaults);
    if (debianReadsName(name, lsbMode)) return;
    const suggestion = suggestName(name, lsbMode);
    context.report({
      messageId: lsbMode ? 'debian-lsb' : 'debian',
      params: { name, suggestion },
      range: range(0, 0, Math.max(1, context.document.lineCount > 0 ? context.document.lineLength(0) : 0)),
    });
  },
};

function checkInstallTargets(context: CrontabContext): void {
  const seen = new Set<string>();
  for (const step of context.installs ?? []) {
    // A name Jinja writes (`/etc/cron.d/{{ name }}`) is not known.
    if (step.format !== 'crontab-system' || path.posix.dirname(step.target) !== '/etc/cron.d' || step.templatedName) continue;
    if ((step.dialect ?? context.dialect.dialect) !== 'debian') continue;
    const name = path.posix.basename(step.target);
    if (PARKED.test(name) || isDocumentationName(name) || debianReadsName(name, false)) continue;
    const key = `${step.installer}:${step.range.start.line}:${step.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const t = context.t.bind(context);
    context.report({
      messageId: 'debian-install',
      params: { ...stepParams(step, t), name, suggestion: suggestName(name, false) },
      range: range(0, 0, Math.max(1, context.document.lineCount > 0 ? context.document.lineLength(0) : 0)),
      related: [installRelated(step, t)],
    });
  }
}

function suggestName(name: string, lsbMode: boolean): string {
  const withoutExtension = name.replace(/\.(conf|cron|crontab|txt|sh)$/i, '');
  const cleaned = withoutExtension.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'job';
  return lsbMode ? cleaned.toLowerCase().replace(/_/g, '-') : cleaned;
}
