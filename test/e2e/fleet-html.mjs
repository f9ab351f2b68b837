// The fleet report's HTML (schedlint fleet --format html) looked at in Debian's chromium through playwright-core,
// the tools test/e2e/run.mjs uses (found by scripts/e2e/setup.sh): a report over a few host folders made from
// the repo's fixtures, in English and Japanese, summary first and one host's details opened by a click.
// Checks that the page asks for nothing beyond its own file (self-contained; its CSP forbids the rest) and that
// markup from a host shows as text; saves screenshots to test-artifacts/fleet-html/ for a person to look at.
//   npm run --silent build && node test/e2e/fleet-html.mjs
// The last line is `N passed, M failed`, like run.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = join(REPO, 'test-artifacts', 'fleet-html');

function tools() {
  const result = spawnSync('bash', [join(REPO, 'scripts/e2e/setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 20 * 60_000 });
  return Object.fromEntries(result.stdout.split('\n').filter((line) => line.startsWith('SCHEDLINT_E2E_')).map((line) => line.split(/=(.*)/s).slice(0, 2)));
}

/** Host folders: the stock Debian root, seed 001 (a timer and a cron job both renew), an unreachable host, a host with markup in its name. */
function fleetFolder(root) {
  cpSync(join(REPO, 'test/corpus/debian-bookworm/root'), join(root, 'web1.example.jp'), { recursive: true, verbatimSymlinks: true });
  cpSync(join(REPO, 'test/fixtures/schedule/seed-001-ubuntu/root'), join(root, 'mail1.example.jp'), { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(root, 'db1.example.jp'));
  writeFileSync(join(root, 'db1.example.jp/.schedlint-collect.json'), JSON.stringify({ status: 'unreachable', detail: 'Failed to connect to the host via ssh: ssh: connect to host db1.example.jp port 22: Connection timed out' }));
  const odd = join(root, 'app<b>1');
  mkdirSync(join(odd, 'etc'), { recursive: true });
  writeFileSync(join(odd, 'etc/crontab'), 'SHELL=/bin/sh\n0 3 * * * <img src=x> /usr/local/bin/backup\n61 * * * * root true\n');
  symlinkSync('/nonexistent', join(odd, 'etc/localtime'));
}

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push([name, 'passed']);
    console.log(`PASS ${name}`);
  } catch (error) {
    results.push([name, error.message]);
    console.log(`FAIL ${name}: ${error.stack ?? error}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const temp = mkdtempSync(join(tmpdir(), 'schedlint-fleet-html-'));
let browser;
try {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const found = tools();
  const playwright = await import(pathToFileURL(found.SCHEDLINT_E2E_PLAYWRIGHT).href);
  const fleet = join(temp, 'fleet');
  mkdirSync(fleet);
  fleetFolder(fleet);
  browser = await playwright.chromium.launch({ executablePath: found.SCHEDLINT_E2E_CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  for (const lang of ['en', 'ja']) {
    await check(`fleet-html-${lang}`, async () => {
      const html = spawnSync(process.execPath, [join(REPO, 'dist/cli/schedlint.js'), 'fleet', fleet, '--format', 'html', '--lang', lang], { encoding: 'utf8' });
      assert(html.status === 2, `exit status ${html.status} (2: a host was not checked): ${html.stderr}`);
      const file = join(temp, `fleet-${lang}.html`);
      writeFileSync(file, html.stdout);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'ja' ? 'ja-JP' : 'en-US' });
      const page = await context.newPage();
      const requests = [];
      const problems = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(String(error)));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.screenshot({ path: join(ARTIFACTS, `${lang}-summary.png`), fullPage: true });
      assert(requests.every((url) => url === pathToFileURL(file).href), `the page asked for more than itself: ${requests.join(', ')}`);
      assert(problems.length === 0, `console errors: ${problems.join(' | ')}`);
      const heading = lang === 'en' ? 'Hosts with errors' : 'エラーのあるホスト';
      assert((await page.locator('h2').first().innerText()).length > 0 && (await page.locator('h2', { hasText: heading }).count()) === 1, 'summary heading');
      // Markup from a host is text: no <b> or <img> element came from it.
      assert((await page.locator('b, img').count()) === 0, 'an element from host data was rendered');
      assert((await page.getByText('app<b>1').count()) > 0, 'the odd host name is shown as text');
      const details = page.locator('details', { hasText: 'mail1.example.jp' });
      assert(!(await details.evaluate((element) => element.open)), 'details start closed');
      await details.locator('summary').click();
      assert(await details.evaluate((element) => element.open), 'a click opens the host');
      assert((await details.innerText()).includes('schedule/timer-overlaps-cron'), 'the opened host lists its findings');
      assert((await details.innerText()).includes(lang === 'en' ? 'warning' : '警告'), 'severities in the report\'s language');
      await page.screenshot({ path: join(ARTIFACTS, `${lang}-host-open.png`), fullPage: true });
      await context.close();
    });
  }
} catch (error) {
  console.log(`fleet-html: ${error.stack ?? error}`);
  results.push(['setup', error.message]);
} finally {
  await browser?.close().catch(() => {});
  rmSync(temp, { recursive: true, force: true });
}
const passed = results.filter(([, result]) => result === 'passed').length;
console.log(`fleet-html: screenshots in ${ARTIFACTS}`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length && results.length > 0 ? 0 : 1);
