// HostFacts.sameAs (server/src/engine/host/facts.ts): whether facts read again from a host read the same as
// earlier ones — the language server goes on with the earlier facts (and every lint made with them) when so.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n';

function host(): MemoryHost {
  return new MemoryHost({ '/etc/passwd': PASSWD, '/etc/os-release': 'ID=debian\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n', '/etc/timezone': 'UTC\n' });
}

test('facts that read nothing yet, or read what is still there, are the same', () => {
  const machine = host();
  assert.equal(new HostFacts(machine).sameAs(new HostFacts(machine)), true);
  const earlier = new HostFacts(machine);
  earlier.isUser('alice');
  earlier.dialect();
  earlier.timeZone();
  earlier.isCommand('backup', '/usr/bin:/bin');
  assert.equal(new HostFacts(machine).sameAs(earlier), true);
});

test('a changed user, dialect, zone or command makes the facts read again not the same', () => {
  const cases: [string, (facts: HostFacts) => unknown, (machine: MemoryHost) => void][] = [
    ['a user added', (facts) => facts.isUser('alice'), (machine) => machine.set('/etc/passwd', `${PASSWD}bob:x:1001:1001::/home/bob:/bin/sh\n`)],
    ['a login shell changed', (facts) => facts.loginUsers(), (machine) => machine.set('/etc/passwd', PASSWD.replace('/home/alice:/bin/bash', '/home/alice:/usr/sbin/nologin'))],
    ['passwd removed', (facts) => facts.users(), (machine) => machine.set('/etc/passwd', { unreadable: true })],
    ['another distribution', (facts) => facts.dialect(), (machine) => machine.set('/etc/os-release', 'ID=rocky\n')],
    ['another zone', (facts) => facts.timeZone(), (machine) => machine.set('/etc/timezone', 'Asia/Tokyo\n')],
    ['a program installed', (facts) => facts.isCommand('backup', '/usr/bin:/bin'), (machine) => machine.set('/usr/bin/backup', { text: '#!/bin/sh\n', mode: 0o755 })],
  ];
  for (const [label, read, change] of cases) {
    const machine = host();
    const earlier = new HostFacts(machine);
    read(earlier);
    assert.equal(new HostFacts(machine).sameAs(earlier), true, `${label}: before the change`);
    change(machine);
    assert.equal(new HostFacts(machine).sameAs(earlier), false, label);
  }
});

test('a fact nobody read may change: only what the earlier facts read is compared', () => {
  const machine = host();
  const earlier = new HostFacts(machine);
  earlier.isUser('alice');
  machine.set('/etc/timezone', 'Asia/Tokyo\n');
  assert.equal(new HostFacts(machine).sameAs(earlier), true);
});

test('another host, another dialect setting, or a model built from the host are never the same', () => {
  const machine = host();
  assert.equal(new HostFacts(host()).sameAs(new HostFacts(machine)), false);
  assert.equal(new HostFacts(machine, 'cronie').sameAs(new HostFacts(machine)), false);
  const earlier = new HostFacts(machine);
  earlier.derived(Symbol('index'), () => new Map());
  assert.equal(new HostFacts(machine).sameAs(earlier), false);
});
