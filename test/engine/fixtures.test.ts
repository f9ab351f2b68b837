// Runs every annotated crontab fixture: each finding must be expected on its line, each expectation found,
// and "fix all" must produce the `.fixed` text when there is one.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintCrontab } from '../../server/src/engine/lint';
import { isUnitFilePath, lintUnit } from '../../server/src/engine/systemd/lint-unit';
import { fixAllEdits } from '../../server/src/engine/fix-all';
import { fixtureFacts } from '../support/fixture-host';
import { repoPath } from '../support/paths';
import { applyEdits, describeFinding, fixtureFiles, fixtureInstalls, loadFixture, assertFixtureFindings } from '../support/fixtures';
import { crontabFormat } from '../../server/src/engine/crontab/format';

for (const file of [...fixtureFiles('crontab'), ...fixtureFiles('systemd')]) {
  test(`fixture ${path.relative(repoPath('test', 'fixtures'), file)}`, () => {
    const fixture = loadFixture(file);
    const lint = (text: string) =>
      fixture.path && isUnitFilePath(fixture.path)
        ? lintUnit({ text, path: fixture.path, facts: fixtureFacts(fixture.dialect, fixture.hostFiles), locale: fixture.locale })
        : fixture.cron !== undefined
          ? // Installed for another cron: through the format, which picks the dialect from the install as for a repository.
            crontabFormat.lint({ text, path: fixture.path, facts: fixtureFacts(fixture.dialect, fixture.hostFiles), installs: fixtureInstalls(fixture), locale: fixture.locale })
          : lintCrontab({ text, path: fixture.path, facts: fixtureFacts(fixture.dialect, fixture.hostFiles), locale: fixture.locale });
    const result = lint(fixture.text);
    assertFixtureFindings(fixture, result.findings);
    if (fixture.fixed !== undefined) {
      const fixedText = applyEdits(fixture.text, fixAllEdits(result.findings));
      assert.equal(fixedText, fixture.fixed, 'text after fix all');
      const again = lint(fixedText);
      const fixable = again.findings.filter((finding) => finding.fixes?.some((fix) => fix.isPreferred));
      assert.deepEqual(fixable.map(describeFinding), [], 'fixable findings left after fix all');
    }
  });
}
