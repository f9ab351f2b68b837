// Unit files through the language server: diagnostics, hover on OnCalendar= with next elapses and the random
// delay window, the did-you-mean fix, "disable for this line"; under our language id and the popular extensions' ids.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { actionsOf, applyEdits, editsFor, hoverText, withServer } from './harness';

const TIMER = '[Timer]\nOnCalendar=*-*-* 00,12:00:00\nRandomizedDelaySec=43200\nPersistant=true\nOnBootSec=12 hourz\n';

for (const languageId of ['systemd-unit-file', 'systemd-conf']) {
  test(`a timer opened as ${languageId}: diagnostics, hover, fix`, async () => {
    await withServer({}, async (server) => {
      const uri = 'file:///tmp/schedlint-protocol/renew.timer';
      await server.open(uri, TIMER, languageId);
      const diagnostics = await server.waitForDiagnostics(uri, (items) => items.some((item) => item.code === 'systemd/unknown-directive'));
      const codes = diagnostics.map((item) => item.code).sort();
      assert.ok(codes.includes('systemd/invalid-timespan'), codes.join(', '));
      const typo = diagnostics.find((item) => item.code === 'systemd/unknown-directive');
      assert.ok(typo);
      assert.match(typo.message, /did you mean `Persistent`/);

      const hover = hoverText(await server.hover(uri, { line: 1, character: 3 }));
      assert.match(hover, /Normalized: `\*-\*-\* 00,12:00:00`/);
      assert.match(hover, /RandomizedDelaySec=43200/);
      assert.match(hover, /00:00 → .*12:00/);

      const actions = actionsOf(await server.codeActions(uri, typo.range, { diagnostics: [typo], only: ['quickfix'] }));
      const fix = actions.find((action) => action.isPreferred);
      assert.ok(fix, 'a preferred fix');
      assert.equal(applyEdits(TIMER, editsFor(fix.edit, uri)).split('\n')[3], 'Persistent=true');
      // "Disable for this line" in unit files too: a `#` comment line above, which silences it (engine/disable.ts).
      const disable = actions.find((action) => action.title === 'Disable systemd/unknown-directive for this line');
      assert.ok(disable, actions.map((action) => action.title).join(' | '));
      const silenced = applyEdits(TIMER, editsFor(disable.edit, uri));
      assert.equal(silenced.split('\n')[3], '# schedlint-disable-next-line systemd/unknown-directive');
      await server.change(uri, 2, silenced);
      const after = await server.waitForDiagnostics(uri, (items) => !items.some((item) => item.code === 'systemd/unknown-directive'));
      assert.ok(after.some((item) => item.code === 'systemd/invalid-timespan'), 'other findings stay');
    });
  });
}

test('directive names complete in [Timer], with docs', async () => {
  await withServer({}, async (server) => {
    const uri = 'file:///tmp/schedlint-protocol/complete.timer';
    await server.open(uri, '[Timer]\nOnCal\n', 'systemd-unit-file');
    await server.waitForDiagnostics(uri, () => true);
    const items = (await server.request<{ label: string; insertText?: string; documentation?: { value: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 5 } })) ?? [];
    const onCalendar = items.find((item) => item.label === 'OnCalendar');
    assert.ok(onCalendar, items.map((item) => item.label).join(', '));
    assert.equal(onCalendar.insertText, 'OnCalendar=');
    assert.match(onCalendar.documentation?.value ?? '', /calendar times/);
    assert.ok(items.some((item) => item.label === 'RandomizedDelaySec'));
    assert.ok(!items.some((item) => item.label === 'ExecStart'), 'only [Timer] keys');
  });
});
