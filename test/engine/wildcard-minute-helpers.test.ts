// crontab/wildcard-minute reads the hour field and the command without regular expressions where it can
// (issue #20). Held to the regular-expression versions it replaced, kept here as the reference, on random hour
// fields and commands made of the pieces that matter.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { isHourSpan, stoppedServices } from '../../server/src/engine/rules/crontab/wildcard-minute';
import { Random } from '../support/random';

function referenceIsHourSpan(field: string): boolean {
  return field.split(',').every((item) => {
    const match = /^(\d+)-(\d+)$/.exec(item);
    return match !== null && Number(match[2]) > Number(match[1]);
  });
}

function referenceStoppedServices(command: string): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    const bare = name.replace(/\.service$/, '');
    if (/^[A-Za-z0-9@_.:-]+$/.test(bare) && !names.includes(bare)) names.push(bare);
  };
  for (const match of command.matchAll(/\bsystemctl\s+(?:-{1,2}[\w-]+\s+)*(?:stop|restart)\s+((?:[A-Za-z0-9@_.:-]+\s*)+)/g)) {
    for (const name of match[1].trim().split(/\s+/)) if (!name.startsWith('-')) add(name);
  }
  for (const match of command.matchAll(/(?:\bservice\s+|\/etc\/init\.d\/)([A-Za-z0-9@_.:-]+)\s+(?:stop|restart)\b/g)) add(match[1]);
  return names;
}

test('isHourSpan answers as the regular expression did', () => {
  const random = new Random(2024);
  const pieces = ['0', '1', '6', '9', '12', '20', '23', '007', '99999999999999999999', '-', '-', ',', ',', '*', '/', '2', ' ', '\n', 'a', '٣', ''];
  let spans = 0;
  for (let round = 0; round < 50_000; round++) {
    const roll = random.next();
    const field =
      roll < 0.4
        ? random.times(random.int(8), () => random.pick(pieces))
        : roll < 0.7
          ? random.times(1 + random.int(3), () => `${random.pick(pieces)}-${random.pick(pieces)}`, ',')
          : random.times(1 + random.int(3), () => `${random.int(24)}-${random.int(24)}`, ',');
    const expected = referenceIsHourSpan(field);
    assert.equal(isHourSpan(field), expected, JSON.stringify(field));
    if (expected) spans++;
  }
  assert.ok(spans > 3000, `spans among the fields (${spans})`);
});

test('stoppedServices finds what the regular expressions found', () => {
  const random = new Random(2025);
  const words = ['systemctl', 'stop', 'restart', 'start', 'service', '/etc/init.d/', 'nginx', 'apache2.service', '--now', '-q', 'certbot', 'renew', '&&', ';', 'a@b', 'x.service', 'systemctlx', 'myservice', 'SERVICE', '/usr/sbin/service', 'init.d'];
  let found = 0;
  for (let round = 0; round < 30_000; round++) {
    // A separator of its own before each word ('' glues `/etc/init.d/` to the name after it).
    const command = random.times(1 + random.int(9), () => `${random.pick([' ', ' ', '  ', '\t', ''])}${random.pick(words)}`);
    const expected = referenceStoppedServices(command);
    assert.deepEqual(stoppedServices(command), expected, JSON.stringify(command));
    if (expected.length > 0) found++;
  }
  assert.ok(found > 1000, `commands that stop services (${found})`);
});
