// GitHub Actions workflows through the language server: a workflow (YAML by the path the client selects, or
// under GitHub's extension's language id) gets its schedule findings and the minute-0 fix; any other YAML
// document a client sends gets no diagnostics at all (before, an unclaimed document was linted as a crontab).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { actionsOf, applyEdits, editsFor, hoverText, withServer } from './harness';

const WORKFLOW = "name: renew\non:\n  schedule:\n    - cron: '* */12 * * *'\n    - cron: '@daily'\njobs: {}\n";

for (const languageId of ['yaml', 'github-actions-workflow']) {
  test(`a workflow opened as ${languageId}: its schedule findings and the minute-0 fix`, async () => {
    await withServer({}, async (server) => {
      const uri = 'file:///tmp/schedlint-protocol/repo/.github/workflows/renew.yml';
      await server.open(uri, WORKFLOW, languageId);
      const diagnostics = await server.waitForDiagnostics(uri, (items) => items.length > 0);
      assert.deepEqual(diagnostics.map((item) => `${item.range.start.line}:${item.range.start.character} ${item.code}`), ['3:13 github-actions/wildcard-minute', '4:13 github-actions/invalid-schedule']);
      const minute = diagnostics[0];
      const actions = actionsOf(await server.codeActions(uri, minute.range, { diagnostics: [minute], only: ['quickfix'] }));
      const fix = actions.find((action) => action.isPreferred);
      assert.ok(fix, actions.map((action) => action.title).join(' | '));
      assert.equal(applyEdits(WORKFLOW, editsFor(fix.edit, uri)).split('\n')[3], "    - cron: '0 */12 * * *'");
      assert.match(hoverText(await server.hover(uri, { line: 3, character: 16 })), /Next runs \(UTC\):/);
      // No "disable for this line": GitHub's YAML has comments, but schedlint-disable is not read in workflows.
      assert.ok(!actions.some((action) => action.title.startsWith('Disable ')), actions.map((action) => action.title).join(' | '));
    });
  });
}

test('any other YAML document gets no diagnostics, whatever it holds', async () => {
  await withServer({}, async (server) => {
    const others = [
      ['file:///tmp/schedlint-protocol/repo/docker-compose.yml', 'services:\n  web:\n    image: nginx\n'],
      ['file:///tmp/schedlint-protocol/repo/.github/dependabot.yml', "version: 2\nupdates:\n  - package-ecosystem: npm\n    schedule:\n      interval: daily\n"],
      // A workflow-looking file outside .github/workflows: GitHub never reads it.
      ['file:///tmp/schedlint-protocol/repo/templates/ci.yml', "on:\n  schedule:\n    - cron: '@daily'\n"],
      ['untitled:Untitled-1', '* * * * * not a crontab\n'],
    ];
    for (const [uri, text] of others) {
      await server.open(uri, text, 'yaml');
      const diagnostics = await server.waitForDiagnostics(uri, () => true);
      assert.deepEqual(diagnostics.map((item) => item.code), [], uri);
    }
  });
});
