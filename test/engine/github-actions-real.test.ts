// The schedules of real public workflows, as their repositories write them (read at the commit named; only the
// cron strings and the shape around them are kept here, not the files), linted through the github-actions
// format: what GitHub runs must get no error, and what the rules find on them is listed with each. Together with
// the cases GitHub's own issues settle (an invalid cron reported by GitHub; a cron GitHub ran).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { FORMATS } from '../../server/src/engine/formats/registry';
import { HostFacts } from '../../server/src/engine/host/facts';
import { MemoryHost } from '../../server/src/engine/host/memory-host';

interface RealSchedule {
  source: string;
  /** The `on:` section as the file writes it. */
  on: string;
  /** Rule ids expected, in order of the findings. */
  findings: string[];
  /** The severity every finding has, when the case settles it (GitHub's own answer). */
  severity?: 'error' | 'warning';
}

const REAL: RealSchedule[] = [
  { source: 'nodejs/node@0078134 .github/workflows/commit-queue.yml', on: "on:\n  schedule:\n    - cron: '*/5 * * * *'\n", findings: [] },
  // nodejs/node commit 5814d60 ("offset GitHub crons by 3 minutes"): a step from a single value, unquoted.
  { source: 'nodejs/node@5814d60 .github/workflows/commit-queue.yml', on: 'on:\n  schedule:\n    - cron: 3/5 * * * *\n', findings: [] },
  { source: 'nodejs/node@052992d .github/workflows/close-stale-feature-requests.yml', on: 'on:\n  workflow_dispatch:\n  schedule:\n    # Run every day at 1:00 AM UTC.\n    - cron: 0 1 * * *\n', findings: [] },
  { source: 'ARM-software/golang-utils@00bc214 .github/workflows/scorecards.yml', on: "on:\n  branch_protection_rule:\n  schedule:\n    - cron: '20 12 * * 3'\n  push:\n    branches: [ \"master\" ]\n", findings: [] },
  { source: '18F/handbook@2d0142e .github/workflows/stale.yml', on: 'on:\n  schedule:\n    - cron: 0 0 * * *\n', findings: [] },
  { source: '2factorauth/twofactorauth@2d6d28d .github/workflows/stale.yml', on: "on:\n  schedule:\n    - cron: '0 8 * * *'\n  workflow_dispatch:\n  issue_comment:\n", findings: [] },
  { source: 'github/docs@004370a .github/workflows/sync-search-elasticsearch.yml', on: "on:\n  workflow_dispatch:\n  schedule:\n    - cron: '20 16 * * *' # Run every 24 hours at 20 minutes past the hour\n", findings: [] },
  // github/vscode-github-actions#331: "I know the schedule works" for `20 */24 * * *` (a step of 24 hours is hour 0).
  { source: 'github/docs@7aacc9a .github/workflows/sync-search-elasticsearch.yml', on: "on:\n  schedule:\n    - cron: '20 */24 * * *'\n", findings: [] },
  // The list items at the key's own indentation.
  { source: 'python/cpython@007570b .github/workflows/stale.yml', on: 'on:\n  schedule:\n  - cron: "0 0 * * *"\n', findings: [] },
  { source: 'pandas-dev/pandas@013b6b4 .github/workflows/stale-pr.yml', on: 'on:\n  schedule:\n  # * is a special character in YAML so you have to quote this string\n  - cron: "0 0 * * *"\n', findings: [] },
  { source: 'home-assistant/core@03e1450 .github/workflows/lock.yml', on: '# yamllint disable-line rule:truthy\non:\n  schedule:\n    - cron: "0 * * * *"\n', findings: [] },
  { source: 'rust-lang/rust@070e8ce .github/workflows/dependencies.yml', on: "on:\n  schedule:\n    # Run weekly\n    - cron: '0 0 * * Sun'\n    # Re-bump deps every 4 hours\n    - cron: '0 */4 * * *'\n  workflow_dispatch:\n", findings: [] },
  { source: 'pypa/pip@0d596aa .github/workflows/lock-threads.yml', on: "on:\n  schedule:\n    - cron: '0 7 * * *'  # 7am UTC, daily\n  workflow_dispatch:\n", findings: [] },
  { source: 'prometheus/prometheus@18d4f9b .github/workflows/stale.yml', on: "on:\n  workflow_dispatch: {}\n  schedule:\n    - cron: '16 22 * * *'\n", findings: [] },
  { source: 'DataBiosphere/azul .github/workflows/scheduled.yml (run 9614925820)', on: "on:\n  schedule:\n    - cron: '3,23,43 * * * *'\n", findings: [] },
  { source: 'redhat-plumbers/systemd-rhel8@ac58e27 .github/workflows/source-git-automation-on-demand.yml', on: "on:\n  schedule:\n    - cron: '*/45 * * * *'\n", findings: [] },
  // A comment after `on:` on its line, and no schedule at all.
  { source: '0xPolygon/polygon-edge@02fc699 .github/workflows/nightly.yml', on: 'on:  # yamllint disable-line rule:truthy\n  pull_request:\n', findings: [] },
  { source: 'AcademySoftwareFoundation/OpenImageIO@1d4deee .github/workflows/scorecards.yml', on: 'on:\n  branch_protection_rule:\n  push:\n    branches: [ "main" ]\n', findings: [] },
  // Crons GitHub's issues show it accepted: github/docs#29634, SchemaStore/schemastore#1162.
  { source: 'github/docs#29634', on: 'on:\n  schedule:\n    - cron: 0 0 * * SUN-TUE,THU-SAT\n', findings: [] },
  { source: 'SchemaStore/schemastore#1162', on: "on:\n  schedule:\n    - cron: '0 14-23/2 * * 1-5'\n", findings: [] },
  // GitHub reported this workflow file invalid (actions-rs/audit-check#219: `0 0 0 * *`, day of month 0).
  { source: 'vn971/rm_rf .github/workflows/cargo-audit.yml (actions-rs/audit-check#219)', on: "on:\n  schedule:\n    - cron: '0 0 0 * *'\n", findings: ['github-actions/invalid-schedule'] },
  // GitHub answered "invalid cron attribute" for day of week 7, alone and as the end of a range
  // (geerlingguy/jeffgeerling-com#14, 2020: `0 6 * * 7`; gr2m/merge-schedule-action#101, 2024: `0 * * * 4-7`).
  { source: 'geerlingguy/jeffgeerling-com#14', on: "on:\n  schedule:\n    - cron: '0 6 * * 7'\n", findings: ['github-actions/invalid-schedule'], severity: 'error' },
  { source: 'gr2m/merge-schedule-action#101', on: "on:\n  pull_request:\n    types:\n      - opened\n  schedule:\n    - cron: '0 * * * 4-7'\n", findings: ['github-actions/invalid-schedule'], severity: 'error' },
  // Copied from jasineri/gitartwork's README into profile repositories: 60 runs at hour 0, meant as daily.
  { source: 'jasineri/gitartwork README', on: "on:\n  push:\n  schedule:\n    - cron: '* */24 * * *'\n", findings: ['github-actions/wildcard-minute'] },
];

const format = FORMATS.find((candidate) => candidate.id === 'github-actions')!;
const facts = new HostFacts(new MemoryHost());

for (const real of REAL) {
  test(`real schedule: ${real.source}`, () => {
    const findings = format.lint({ text: `name: real\n${real.on}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n`, path: '/repo/.github/workflows/real.yml', facts, locale: 'en' }).findings;
    assert.deepEqual(findings.map((finding) => finding.ruleId), real.findings, findings.map((finding) => finding.message).join('\n'));
    if (real.severity) assert.deepEqual(findings.map((finding) => finding.severity), real.findings.map(() => real.severity));
  });
}
