// cert/privkey/chain/fullchain/archive_dir of a renewal file that lead nowhere. certbot's storage.py
// RenewableCert._check_symlinks() requires each of the four to be a symlink whose target exists ("expected
// X to be a symlink", "target X of symlink Y does not exist"); renewal.py then logs "Renewal configuration
// file … is broken. Skipping." and that certificate is never renewed. save_successor() writes new versions
// into archive_dir. Files this user may not read (live/ and archive/ are root's) are not reported.
import { LINEAGE_KINDS, lineageFor } from '../../certbot/certificates';
import type { CertbotRule } from '../../certbot/rule';
import { MAX_FILE_BYTES } from '../../host/host';
import { formatBytes } from '../../util/bytes';

export const missingFile: CertbotRule = {
  id: 'certbot/missing-file',
  meta: { defaultSeverity: 'error', fixable: false },
  check(context) {
    const lineage = lineageFor(context);
    if (!lineage) return;
    const host = context.facts.host;
    const name = context.certName ?? 'NAME';
    for (const kind of LINEAGE_KINDS) {
      const file = lineage.files[kind];
      if (!file) continue;
      const range = file.entry.valueRange;
      if (file.status === 'missing') {
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
      if (file.problem) context.report({ messageId: kind === 'privkey' ? 'no-key' : 'no-certificate', params: { path: file.path }, range });
    }
    const archive = lineage.archiveDir;
    if (archive && (archive.status === 'missing' || archive.status === 'not-a-directory')) {
      context.report({ messageId: 'archive-missing', params: { path: archive.path }, range: archive.entry.valueRange });
    }
  },
};
