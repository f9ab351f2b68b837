// Annotated certbot fixtures (renewal files and cli.ini) on top of the shared loader in fixtures.ts:
//   # fixture: path=/etc/letsencrypt/renewal/example.com.conf host-file=/etc/nginx/nginx.conf
//   # host-line: /etc/letsencrypt/cli.ini pre-hook = systemctl stop nginx      (a line of another host file)
//   # host-exec: /etc/letsencrypt/renewal-hooks/pre/stop                        (an executable host file)
//   # expect: certbot/unknown-key warning
// `<name>.fixed` holds the fixture after its preferred fixes; `<name>.other.fixed` the other file those fixes
// edit (cli.ini), as it reads afterwards.
import * as fs from 'node:fs';
import { HostFacts } from '../../server/src/engine/host/facts';
import { fixtureHost } from './fixture-host';
import { fixtureFiles, loadFixture, type Fixture } from './fixtures';

export interface CertbotFixture extends Fixture {
  facts: HostFacts;
  otherFixed?: string;
}

export function certbotFixtureFiles(): string[] {
  return fixtureFiles('certbot').filter((file) => !file.endsWith('.other.fixed'));
}

export function loadCertbotFixture(file: string): CertbotFixture {
  const fixture = loadFixture(file);
  const host = fixtureHost(fixture.dialect, fixture.hostFiles);
  const lines = new Map<string, string[]>();
  for (const line of fixture.text.split('\n')) {
    const extra = line.match(/^# host-line: (\S+) (.*)$/);
    if (extra) lines.set(extra[1], [...(lines.get(extra[1]) ?? []), extra[2]]);
    const exec = line.match(/^# host-exec: (\S+)$/);
    if (exec) host.set(exec[1], { text: '#!/bin/sh\n', mode: 0o755 });
    const plain = line.match(/^# host-plain: (\S+)$/);
    if (plain) host.set(plain[1], { text: '#!/bin/sh\n', mode: 0o644 });
  }
  for (const [file, body] of lines) host.set(file, body.map((line) => `${line}\n`).join(''));
  const otherFile = `${file}.other.fixed`;
  return { ...fixture, facts: new HostFacts(host), otherFixed: fs.existsSync(otherFile) ? fs.readFileSync(otherFile, 'utf8') : undefined };
}
