// cert/privkey/chain/fullchain/archive_dir of a renewal file that lead nowhere. certbot's storage.py
// RenewableCert._check_symlinks() requires each of the four to be a symlink whose target exists ("expected
// X to be a symlink", "target X of symlink Y does not exist"); renewal.py then logs "Renewal configuration
// file … is broken. Skipping." and that certificate is never renewed. save_successor() writes new versions
// into archive_dir. Files this user may not read (live/ and archive/ are root's) are not reported, nor the
// files of a renewal file kept outside any certbot config folder (a repository's copy).
// One cause, one finding: when two or more of those paths are simply not there (the lineage's live/ and
// archive/ folders were never copied, or were deleted), that is reported once, listing them, on the first.
import { LINEAGE_KINDS, lineageFor } from '../../certbot/certificates';
import type { CertbotRule } from '../../certbot/rule';
import type { MessageKey } from '../../i18n/catalog';
import { readsHere } from '../../certbot/template';
import type { Range } from '../../types';
import { MAX_FILE_BYTES } from '../../host/host';
import { formatBytes } from '../../util/bytes';

export const missingFile: CertbotRule = {
  id: 'certbot/missing-file',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const lineage = lineageFor(context);
    if (!lineage) return;
    const host = context.facts.host;
    // A renewal file kept in a repository names the files of the host it is deployed to, not of this one.
    if (context.path && !readsHere(context.path, host)) return;
    const name = context.certName ?? 'NAME';
    const absent: { key: string; path: string; range: Range }[] = [];
    for (const kind of LINEAGE_KINDS) {
      const file = lineage.files[kind];
      if (file?.status === 'missing' && host.lstat(file.path)?.kind !== 'symlink') absent.push({ key: kind, path: file.path, range: file.entry.valueRange });
    }
    const archive = lineage.archiveDir;
    if (archive?.status === 'missing') absent.push({ key: 'archive_dir', path: archive.path, range: archive.entry.valueRange });
    const whole = absent.length >= 2;
    if (whole) {
      context.report({
        messageId: 'lineage-missing',
        params: { name, count: absent.length, files: absent.map((file) => file.path).join(', ') },
        range: absent[0].range,
        related: absent.slice(1).map((file) => ({ range: file.range, message: context.t('certbot/missing-file.related', { key: file.key, path: file.path }) })),
      });
    }
    for (const kind of LINEAGE_KINDS) {
      const file = lineage.files[kind];
      if (!file) continue;
      const range = file.entry.valueRange;
      if (file.status === 'missing') {
        if (whole && absent.some((entry) => entry.key === kind)) continue;
        const dangling = host.lstat(file.path)?.kind === 'symlink';
        if (dangling) context.report({ messageId: 'dangling', params: { key: kind, kind, target: host.readLink(file.path) ?? file.path }, range });
        else context.report({ messageId: 'missing', params: { key: kind, path: file.path, name }, range });
        continue;
      }
      if (file.status === 'too-large') {
        // Not read (host.ts MAX_FILE_BYTES): say so, or the certificate would silently go unchecked.
        context.report({ messageId: 'too-large', params: { key: kind, path: file.path, size: formatBytes(file.size ?? MAX_FILE_BYTES + 1), limit: formatBytes(file.limit ?? MAX_FILE_BYTES) }, range });
        continue;
      }
      if (file.status !== 'ok') continue;
      if (host.lstat(file.path)?.kind === 'file') {
        context.report({ messageId: 'not-a-link', params: { key: kind, kind, path: file.path }, range });
        continue;
      }
      if (!file.problem) continue;
      if (kind === 'privkey') context.report({ messageId: 'no-key', params: { path: file.path }, range });
      else if (file.problem === 'no-pem' || file.problem === 'bad-block') context.report({ messageId: 'no-certificate', params: { path: file.path }, range });
      else {
        // Say what is wrong: the base64, the DER, or the key inside it.
        const problem = context.t(`certificates.problem.${file.problem}` as MessageKey, { reason: file.problemReason ?? '' });
        context.report({ messageId: 'bad-certificate', params: { path: file.path, problem }, range });
      }
    }
    if (archive && ((archive.status === 'missing' && !whole) || archive.status === 'not-a-directory')) {
      context.report({ messageId: 'archive-missing', params: { path: archive.path }, range: archive.entry.valueRange });
    }
  },
};
