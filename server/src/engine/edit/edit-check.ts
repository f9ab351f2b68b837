// The checks behind `schedlint edit` (the editor wrapper) and the editor's "Edit crontab" command: which file a
// caller's temporary copy stands for, whether an edit may be installed, the text after the preferred fixes, and
// the header of an empty crontab. No I/O of its own beyond the HostFacts it is given, so both the CLI and the
// language server use it and the tests call it directly.
//
// Temporary names, checked in the callers' code (docs/edit.md has the details):
// - Debian cron 3.0pl1 `crontab -e`: `/tmp/crontab.XXXXXX/crontab` (mkdtemp; seen running crontab -e);
//   cronie src/crontab.c: `$TMPDIR/crontab.XXXXXX` (mkstemp) — both read by crontab/kind.ts as user crontabs.
// - systemd 252 `systemctl edit`: tempfn_random() of the target, i.e. `.#override.conf` + 16 hex digits in the
//   drop-in folder (`/etc/systemd/system/foo.timer.d/.#override.conf1a2b…`), or `.#foo.timer…` with --full.
// - sudo's sudoedit (src/sudo_edit.c sudo_edit_mktemp): `/var/tmp/NAMEXXXXXXXX.ext` — the folder is lost from
//   the name, so the CLI reads the paths sudo was given from its command line (cli/edit.ts) and the one whose
//   name the copy carries is linted in its place; without them, only the extension and the content tell.
import * as path from 'node:path';
import { applyTextEdits } from '../util/apply-text-edits';
import { fixAllEdits } from '../fix-all';
import { translate } from '../i18n/catalog';
import type { Finding, Locale } from '../types';

export type EditCaller = 'crontab' | 'systemctl' | 'sudoedit' | 'unknown';

export interface EditedFile {
  /** The path to lint the text as (the drop-in or unit a `systemctl edit` temporary file will become). */
  lintPath: string;
  /** Which program made the temporary file, as far as its name tells. */
  caller: EditCaller;
}

// tempfn_random(): ".#" + the target's name + 16 lowercase hex digits (systemd src/basic/tmpfile-util.c).
const SYSTEMCTL_TEMP = /^\.#(.+?)[0-9a-f]{16}$/;
const CRONTAB_TEMP = /^crontab\.[A-Za-z0-9]{6}$/;

/**
 * What a file given to the editor stands for: itself, or for `systemctl edit`'s copy the file it replaces, or
 * for sudoedit's copy the one of `sudoeditPaths` (the paths sudoedit was given) whose name it carries.
 */
export function editedFile(filePath: string, sudoeditPaths: readonly string[] = []): EditedFile {
  const name = path.posix.basename(filePath);
  const folder = path.posix.dirname(filePath);
  const systemctl = SYSTEMCTL_TEMP.exec(name);
  if (systemctl) return { lintPath: path.posix.join(folder, systemctl[1]), caller: 'systemctl' };
  if ((name === 'crontab' && CRONTAB_TEMP.test(path.posix.basename(folder))) || CRONTAB_TEMP.test(name)) return { lintPath: filePath, caller: 'crontab' };
  // sudoedit copies /etc/cron.d/certbot to /var/tmp/certbot.XXXXXXXX and foo.timer to /var/tmp/fooXXXXXXXX.timer.
  if (folder === '/var/tmp' || folder === '/tmp') {
    const original = sudoeditOriginal(name, sudoeditPaths);
    if (original !== undefined) return { lintPath: original, caller: 'sudoedit' };
    const unit = /^(.+)[A-Za-z0-9]{8}(\.(?:timer|service|socket|path|mount|automount|swap|target|slice|scope|conf|ini))$/.exec(name);
    if (unit) return { lintPath: path.posix.join(folder, unit[1] + unit[2]), caller: 'sudoedit' };
    if (/\.[A-Za-z0-9]{8}$/.test(name)) return { lintPath: filePath, caller: 'sudoedit' };
  }
  return { lintPath: filePath, caller: 'unknown' };
}

/**
 * The path sudoedit copied to a temporary file named `name`: sudo_edit_mktemp() names the copy of `/a/b.ext`
 * `bXXXXXXXX.ext` and of `/a/b` `b.XXXXXXXX` (the suffix from the last `.` of the name). When several paths fit,
 * none is chosen (a wrong guess would lint the edit as another kind of file).
 */
function sudoeditOriginal(name: string, paths: readonly string[]): string | undefined {
  const fits = new Set(
    paths.filter((candidate) => {
      const base = path.posix.basename(candidate);
      const dot = base.lastIndexOf('.');
      const [stem, suffix] = dot >= 0 ? [base.slice(0, dot), base.slice(dot)] : [`${base}.`, ''];
      return name.length === stem.length + 8 + suffix.length && name.startsWith(stem) && name.endsWith(suffix) && /^[A-Za-z0-9]{8}$/.test(name.slice(stem.length, stem.length + 8));
    }),
  );
  return fits.size === 1 ? [...fits][0] : undefined;
}

export interface EditVerdict {
  /** Findings at error severity: any of them and the edit is not installed without asking. */
  errors: number;
  warnings: number;
  /** How many errors have a preferred fix that "apply the fixes" would make. */
  fixable: number;
}

/** The server's answer to `schedlint/editVerdict` (server/src/edit-requests.ts), read by the VS Code client. */
export interface EditVerdictResult extends EditVerdict {
  /** Which program's temporary file the document is (`crontab` for crontab -e's), from its path. */
  caller: EditCaller;
}

export function editVerdict(findings: readonly Finding[]): EditVerdict {
  const errors = findings.filter((finding) => finding.severity === 'error');
  return {
    errors: errors.length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    fixable: errors.filter((finding) => finding.fixes?.some((fix) => fix.isPreferred && !fix.otherFiles?.length)).length,
  };
}

/**
 * The text with the preferred fix of every finding applied, as an editor applies them (util/apply-text-edits.ts,
 * the LSP text document's algorithm), and how many edits that was.
 */
export function applyPreferredFixes(text: string, findings: Finding[]): { text: string; edits: number } {
  const edits = fixAllEdits(findings);
  if (edits.length === 0) return { text, edits: 0 };
  return { text: applyTextEdits(text, edits), edits: edits.length };
}

/** The commented header of an empty crontab opened for editing (a user with no crontab yet). */
export function emptyCrontabText(user: string, hostName: string, locale: Locale): string {
  return translate(locale, 'edit.crontab.header', { user, host: hostName });
}
