// A repository's nginx configuration laid out as a root (engine/certificate/repository-tree.ts): its certificate
// paths resolve inside the repository (absolute ones under the root, relative ones under <root>/etc/nginx), the
// web-server rules fire on the directive's line as under --root (nginx and Apache, across the two), and paths not in the repository say nothing —
// even when this machine has the file (/etc/ssl/certs/ca-certificates.crt).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { certificateFormat as certificate, isWebServerPath } from '../../server/src/engine/certificate/format';
import { repositoryRootOf, subtreeWebServerFindings } from '../../server/src/engine/certificate/repository-tree';
import { HostFacts } from '../../server/src/engine/host/facts';
import { FsHost } from '../../server/src/engine/host/fs-host';
import { lintRepository } from '../../server/src/engine/install/repository';
import { hasOpenssl } from '../support/certificates';
import { makeWebRepository } from '../support/web-repository';

const needsOpenssl = hasOpenssl() ? {} : { skip: 'openssl is not installed (apt-get install openssl)' };
const SITE = 'etc/nginx/sites-available/shop.conf';
const OLD_SITE = 'etc/apache2/sites-available/shop-old.conf';

const summary = (findings: readonly { ruleId: string; range: { start: { line: number } } }[]) => findings.map((finding) => `${finding.ruleId}:${finding.range.start.line + 1}`).sort();

test('the root of a tree is the folder above the etc/ that holds nginx or Apache', () => {
  assert.equal(repositoryRootOf('/src/shop/etc/nginx/sites-available/shop.conf'), '/src/shop');
  assert.equal(repositoryRootOf('/src/shop/deploy/root/etc/apache2/sites-enabled/shop.conf'), '/src/shop/deploy/root');
  assert.equal(repositoryRootOf('/src/shop/nginx/nginx.conf'), undefined, 'no etc/ above: nothing to resolve against');
});

describe('web-server certificates in a repository', needsOpenssl, () => {
  for (const under of ['', 'deploy/root']) {
    test(`schedlint DIR${under ? ` with the tree under ${under}/` : ''}: key-mismatch and name-not-covered on their lines; a correct site and files not in the repository silent`, () => {
      const repository = makeWebRepository(under);
      try {
        const { reports } = lintRepository(repository.folder, { facts: new HostFacts(new FsHost('/')), locale: 'en' });
        const site = reports.find((report) => report.path === path.join(repository.folder, under, SITE));
        assert.ok(site, reports.map((report) => report.path).join('\n'));
        assert.equal(site.kind, 'web-server');
        // Line 4: other.example.com is not in shop.crt; 6: wrong.key is another certificate's; 27: ssl/wrong.key,
        // relative to <root>/etc/nginx. Lines 9-14 (correct) and 16-21 (files on the server only) are silent.
        assert.deepEqual(summary(site.findings), ['certificate/key-mismatch:27', 'certificate/key-mismatch:6', 'certificate/name-not-covered:4']);
        const mismatch = site.findings.find((finding) => finding.range.start.line === 5)!;
        assert.match(mismatch.message, /\/etc\/ssl\/private\/wrong\.key/);
        assert.equal(mismatch.related?.[0].path, path.join(repository.folder, under, SITE), 'related locations in the repository');
        // Apache's site still on last year's certificate for shop.example.com, which nginx serves renewed.
        const apache = reports.find((report) => report.path === path.join(repository.folder, under, OLD_SITE));
        assert.deepEqual(summary(apache?.findings ?? []), ['certificate/stale-reference:4']);
        assert.equal(apache!.findings[0].related?.[0].path, path.join(repository.folder, under, SITE));
      } finally {
        repository.remove();
      }
    });
  }

  test("with nginx.conf and sites-enabled linked absolutely: the link is followed inside the repository, the site read once", () => {
    const repository = makeWebRepository();
    try {
      fs.writeFileSync(path.join(repository.folder, 'etc/nginx/nginx.conf'), 'events {}\nhttp {\n    include /etc/nginx/sites-enabled/*;\n}\n');
      fs.mkdirSync(path.join(repository.folder, 'etc/nginx/sites-enabled'));
      fs.symlinkSync('/etc/nginx/sites-available/shop.conf', path.join(repository.folder, 'etc/nginx/sites-enabled/shop.conf'));
      const findings = subtreeWebServerFindings(new FsHost('/'), repository.folder, isWebServerPath, { now: new Date(), locale: 'en' });
      const where = [...findings].flatMap(([file, list]) => list.map((finding) => `${path.relative(repository.folder, file)}:${finding.range.start.line + 1} ${finding.ruleId}`)).sort();
      assert.deepEqual(where, [
        'etc/apache2/sites-available/shop-old.conf:4 certificate/stale-reference',
        'etc/nginx/sites-enabled/shop.conf:27 certificate/key-mismatch',
        'etc/nginx/sites-enabled/shop.conf:4 certificate/name-not-covered',
        'etc/nginx/sites-enabled/shop.conf:6 certificate/key-mismatch',
      ]);
    } finally {
      repository.remove();
    }
  });

  test('the editor: the same findings for the file, and the hover reads the certificate inside the repository', () => {
    const repository = makeWebRepository();
    try {
      const file = path.join(repository.folder, SITE);
      const facts = new HostFacts(new FsHost('/'));
      const result = certificate.lint({ text: '', path: file, facts, locale: 'en' });
      assert.deepEqual(summary(result.findings), ['certificate/key-mismatch:27', 'certificate/key-mismatch:6', 'certificate/name-not-covered:4']);
      const context = { facts, locale: 'en' as const, trusted: true, now: new Date(), path: file };
      assert.match(certificate.hover!(result, { line: 11, character: 6 }, context)?.markdown ?? '', /www\.example\.com/);
      assert.equal(certificate.hover!(result, { line: 18, character: 6 }, context), undefined, "not this machine's ca-certificates.crt");
      // Off by the settings, as --rule gives them.
      assert.deepEqual(certificate.lint({ text: '', path: file, facts: new HostFacts(new FsHost('/')), locale: 'en', settings: { severities: { 'certificate/key-mismatch': 'off', 'certificate/name-not-covered': 'off' } } }).findings, []);
    } finally {
      repository.remove();
    }
  });
});
