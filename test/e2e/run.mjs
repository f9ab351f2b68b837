// Browser end-to-end tests: the packaged extension (schedlint.vsix) in a real VS Code build (code-server),
// driven through its UI with Playwright and Debian's chromium, the way a user would: keyboard and mouse,
// reading what the workbench shows (Problems panel, hovers, quick-fix menu, status bar), never its APIs.
// The one exception is the `api-suite` scenario: it runs test/suite (the @vscode/test-electron suite, which
// cannot download VS Code here) in code-server's extension host through a throwaway runner extension.
//
//   node test/e2e/run.mjs            (npm run test:e2e)   — SCHEDLINT_E2E_ONLY=seed,status selects scenarios
//
// Installs its tools with scripts/e2e/setup.sh (cached outside the repo), builds the vsix with
// `npm run package`, then per scenario starts a fresh code-server on a free loopback port with its own
// user-data dir. Screenshots and logs go to test-artifacts/e2e/. The last line is `N passed, M failed`.
// Every process it starts runs in its own process group and is killed on the way out, whatever happens.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = join(REPO, 'test-artifacts', 'e2e');
// The browser part (code-server + chromium + the scenarios) must finish in this time, a guard against hangs
// only: a minute plus two per scenario (one takes 25-45 s on a busy 2-core machine; all eight took 250 s of the
// fixed 300 s this used to be, which made the limit itself a source of failures). Setup and packaging have
// their own limits below (a cold setup downloads ~700 MB).
const runTimeoutMs = (scenarioCount) => Number(process.env.SCHEDLINT_E2E_TIMEOUT_S ?? 60 + 120 * scenarioCount) * 1000;
const SETUP_TIMEOUT_MS = 15 * 60 * 1000;
const PACKAGE_TIMEOUT_MS = 5 * 60 * 1000;
const STEP_TIMEOUT_MS = 20_000;
// The whole API suite (test/suite) in the extension host; it passes in ~10 s, its own waits give up after 15 s each.
const SUITE_TIMEOUT_MS = 90_000;

const SEED_LINE = '39 1,13 * * * root certbot renew --no-self-upgrade\n';
const SEED_FIXED = '39 1,13 * * * certbot renew --no-self-upgrade\n';
const RULE = 'crontab/user-field-in-user-crontab';
const MESSAGE_EN = 'User crontabs have no user column: cron will run `root` as the command';
const MESSAGE_JA = 'ユーザー crontab には実行ユーザーの列がありません';
const USER_CRONTAB = 'tmp/crontab.AbC123/crontab'; // where Debian's `crontab -e` puts its copy, under the fake root
// A systemd timer with a cron-style hour (`*/2`: systemd rejects it) and a misspelt directive, and its service.
const TIMER_PATH = 'etc/systemd/system/backup.timer';
const TIMER_TEXT = '[Unit]\nDescription=Nightly backup\n\n[Timer]\nOnCalendar=*-*-* 00,12:00:00\nRandomizedDelaySec=43200\nOnCalendar=*-*-* */2:00:00\nPersistant=true\n\n[Install]\nWantedBy=timers.target\n';
const TIMER_FIXED = TIMER_TEXT.replace('Persistant=true', 'Persistent=true');
const SERVICE_PATH = 'etc/systemd/system/backup.service';
const SERVICE_TEXT = '[Service]\nType=oneshot\nExecStart=/bin/true\n';
// Seed 001 (Ubuntu 22.04): the packaged certbot.timer, enabled by a link in timers.target.wants/, and root's
// crontab running a script that calls certbot. The workspace folder is that root (server/src/host-view.ts).
const HOST_TREE = 'test/fixtures/schedule/seed-001-ubuntu/root';
const ROOT_CRONTAB = 'var/spool/cron/crontabs/root';
const CERTBOT_TIMER = 'lib/systemd/system/certbot.timer';
const OVERLAP_RULE = 'schedule/timer-overlaps-cron';
const DISABLE_COMMAND = 'sudo systemctl disable --now certbot.timer';
// Titles and message parts from server/src/engine/i18n/parts/schedule.en.ts.
const DISABLE_TITLE = `Disable certbot.timer (type \`${DISABLE_COMMAND}\` in a terminal)`;
// Each side's message names the other, so each is told apart by a phrase of its own.
const OVERLAP_TIMER_SIDE = 'so the timer can renew first';
const OVERLAP_CRON_SIDE = 'Whichever renews first';
const OVERLAP_TIMER_WINDOW = 'certbot.timer may start certbot anywhere between';
const OVERLAP_CRON_JOB = "root's crontab runs renew-wildcard.sh, which calls certbot, at";
// Seed 002: a standalone renewal on a host with nginx and no hooks anywhere.
const CERTBOT_FIXTURES = 'test/fixtures/certbot/standalone-without-hooks';
const RENEWAL_PATH = 'etc/letsencrypt/renewal/example.com.conf';
const RENEWAL_TEXT = readFileSync(join(REPO, CERTBOT_FIXTURES, 'nginx-no-hooks.conf'), 'utf8').split('\n').filter((line) => !/^# (fixture|expect):/.test(line)).join('\n');
const CLI_INI_PATH = 'etc/letsencrypt/cli.ini';
const CLI_INI_FIXED = readFileSync(join(REPO, CERTBOT_FIXTURES, 'nginx-no-hooks.conf.other.fixed'), 'utf8');
const NGINX_PATH = 'etc/nginx/nginx.conf';
const NGINX_TEXT = 'user www-data;\nworker_processes auto;\n\nevents {\n\tworker_connections 768;\n}\n\nhttp {\n\tinclude /etc/nginx/sites-enabled/*;\n}\n';
const STANDALONE_RULE = 'certbot/standalone-without-hooks';
// From server/src/engine/i18n/parts/certbot.en.ts, certbot-editor.en.ts and package.nls.json.
const STANDALONE_FIX = 'Add a pre-hook and a post-hook to cli.ini that stop and start nginx';
const AUTHENTICATOR_DOC = 'How the CA is shown that this host controls the names on renewal';
const DRY_RUN_LENS = 'Dry run this renewal';
const DRY_RUN_COMMAND = 'sudo certbot renew --dry-run --cert-name example.com';
const RENEWAL_LANGUAGE = 'certbot renewal configuration (renewal/*.conf)';
// Seed 004: a hand-renewed certificate with its key and the wrong intermediate, and the certificate it replaces
// (which had one more name). Made by openssl when the scenario starts (certificateFolder).
const CHAIN_RULE = 'certificate/chain-mismatch';
const DROPPED_NAME = 'shop.example.com';
// Terminals in these scenarios: a plain bash with a known prompt that starts slowly on purpose (its rc file
// sleeps, as a heavy ~/.bashrc does), drawn by xterm's DOM renderer (readable from the page), with a fake `sudo`
// first on PATH that leaves a mark when it runs. Text typed into it before its prompt shows up twice
// (`sudo …e2e$ sudo …`): the slow start makes that certain rather than a matter of load (issue #17).
const TERMINAL_SETTINGS = {
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.defaultProfile.linux': 'e2e-bash',
};
const PROMPT = 'e2e$ ';
const SHELL_START_SECONDS = 2;
// Typed by the test after Enter: its output (not its echo) says that everything typed before it was processed.
const PROBE_COMMAND = 'echo e2e-probe-$((6*7))';
const PROBE_OUTPUT = 'e2e-probe-42';

/**
 * The scenario's terminal profile: the slow bash with the fake `sudo` first on PATH; the fake `sudo` appends
 * its arguments to `mark` and says so, which proves whether and how often a command typed into a terminal ran.
 * PATH is set in the profile: the workbench takes the terminal's environment from a login shell, whose
 * /etc/profile resets PATH.
 * Without `shellIntegration` the client learns that the shell is ready from the tty leaving canonical mode
 * (client/src/terminal-input.ts): VS Code injects nothing into a bash started with arguments of our own. With
 * it, bash starts without arguments, VS Code injects its script (which sources ~/.bashrc: a HOME of its own
 * holds the slow one) and reports the shell to the extension.
 */
function fakeSudo(folder, { shellIntegration = false } = {}) {
  const bin = join(folder, '..', `${basename(folder)}-bin`);
  const mark = join(folder, '..', `${basename(folder)}-sudo-ran`);
  writeFile(join(bin, 'sudo'), `#!/bin/sh\necho "$*" >> '${mark}'\necho "fake sudo ran: $*"\n`);
  chmodSync(join(bin, 'sudo'), 0o755);
  const home = join(bin, 'home');
  const rc = join(home, '.bashrc');
  writeFile(rc, `sleep ${SHELL_START_SECONDS}\nPS1='${PROMPT}'\n`);
  const env = { PS1: PROMPT, PATH: `${bin}:/usr/local/bin:/usr/bin:/bin` };
  const profile = shellIntegration ? { path: '/bin/bash', args: [], env: { ...env, HOME: home } } : { path: '/bin/bash', args: ['--noprofile', '--rcfile', rc], env };
  return {
    mark,
    settings: { 'terminal.integrated.shellIntegration.enabled': shellIntegration, 'terminal.integrated.profiles.linux': { 'e2e-bash': profile } },
  };
}

/** The active terminal shows `command` typed at the prompt as its only line, and the fake sudo has not run. */
async function assertTyped(workbench, command, mark) {
  await workbench.page.locator('.terminal-wrapper.active .xterm-rows').waitFor({ timeout: STEP_TIMEOUT_MS });
  await waitFor(`"${command}" typed in the terminal`, async () => (await workbench.terminalLines()).some((line) => line.includes(command)));
  const lines = await workbench.settledTerminalLines();
  // Typed before the prompt, it shows as `<command>e2e$ <command>`; typed twice, on two lines.
  assert(lines.length === 1 && lines[0] === `${PROMPT}${command}`, `the terminal does not show just the prompt with the command typed:\n${lines.join('\n')}`);
  assert(!existsSync(mark), `sudo ran without Enter:\n${lines.join('\n')}`);
}

/**
 * Enter runs the typed command, once: once the shell is back at its prompt the test types a probe command and
 * waits for its output, so the shell has processed everything sent before it; the whole terminal must then read
 * exactly as below (a command the extension ran itself would leave an extra prompt line, one typed twice an
 * extra run).
 */
async function assertEnterRunsIt(workbench, command, mark) {
  const { page } = workbench;
  const args = command.replace(/^sudo /, '');
  await page.keyboard.press('Enter');
  // Typed while the command still runs, the probe would be echoed before the prompt: the same garbling.
  await waitFor('the prompt after the command\'s output', async () => {
    const lines = await workbench.terminalLines();
    return lines.at(-2) === `fake sudo ran: ${args}` && lines.at(-1) === PROMPT.trimEnd();
  });
  await page.keyboard.type(PROBE_COMMAND, { delay: 5 });
  await page.keyboard.press('Enter');
  await waitFor('the probe\'s output in the terminal', async () => {
    const current = await workbench.terminalLines();
    return current.includes(PROBE_OUTPUT) && current.at(-1) === PROMPT.trimEnd();
  });
  const lines = await workbench.settledTerminalLines();
  const expected = [`${PROMPT}${command}`, `fake sudo ran: ${args}`, `${PROMPT}${PROBE_COMMAND}`, PROBE_OUTPUT, PROMPT.trimEnd()];
  assert(lines.join('\n') === expected.join('\n'), `the terminal does not read as the command run once by Enter:\n${lines.join('\n')}\nexpected:\n${expected.join('\n')}`);
  const runs = existsSync(mark) ? readFileSync(mark, 'utf8') : '';
  assert(runs === `${args}\n`, `the fake sudo's runs are not exactly one of "${args}":\n${runs}`);
}

// ---------------------------------------------------------------------------------------------------------
// Processes: everything we start, so that every exit path can kill it.

const children = new Set(); // { name, pid, child, output } per process group we lead
let tempRoot;

function killGroup(child, signal = 'SIGKILL') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Processes (other than us) whose command line mentions our temp folder: ours, even if they left our groups. */
function strays() {
  if (!tempRoot) return [];
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (commandLine.includes(`${tempRoot}/`)) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

function killEverything() {
  for (const child of children) killGroup(child);
  children.clear();
  for (const pid of strays()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
}

function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const record = { name, pid: child.pid, child, output: '' };
  children.add(record);
  const collect = (chunk) => {
    record.output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.on('exit', () => children.delete(record));
  return record;
}

async function stopProcess(record) {
  killGroup(record, 'SIGTERM');
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && record.child.exitCode === null && record.child.signalCode === null) await sleep(100);
  killGroup(record, 'SIGKILL');
  children.delete(record);
}

// Set by main(): kills everything, reports and exits (the overall timeout and signals end the run this way).
let abort = (reason) => {
  console.log(`e2e: ${reason}`);
  killEverything();
  process.exit(1);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abort(`${signal}: stopping`));
process.on('exit', killEverything);

// ---------------------------------------------------------------------------------------------------------
// Small helpers.

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function portAnswers(port) {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Thrown by a waitFor probe to give up at once (other errors are retried until the time is up). */
class StopWaiting extends Error {}

async function waitFor(what, test, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await test();
      if (last) return last;
    } catch (error) {
      if (error instanceof StopWaiting) throw error;
      last = error;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

function writeFile(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function run(command, args, options) {
  const started = Date.now();
  const result = spawnSync(command, args, { encoding: 'utf8', killSignal: 'SIGKILL', ...options });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------
// Tools: setup, the vsix, code-server and chromium.

function setup() {
  const result = run('bash', [join(REPO, 'scripts/e2e/setup.sh')], { timeout: SETUP_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'inherit'] });
  const tools = Object.fromEntries(result.stdout.split('\n').filter((line) => line.startsWith('SCHEDLINT_E2E_')).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  for (const key of ['SCHEDLINT_E2E_NODE', 'SCHEDLINT_E2E_CODE_SERVER', 'SCHEDLINT_E2E_PLAYWRIGHT', 'SCHEDLINT_E2E_CHROMIUM']) {
    if (!tools[key] || !existsSync(tools[key])) throw new Error(`setup.sh did not report ${key}`);
  }
  console.log(`e2e: setup ${result.seconds.toFixed(1)} s`);
  return tools;
}

function packageVsix() {
  if (process.env.SCHEDLINT_E2E_VSIX) return resolve(process.env.SCHEDLINT_E2E_VSIX); // a prebuilt package (used to test the tests)
  const result = run('npm', ['run', '--silent', 'package'], { cwd: REPO, timeout: PACKAGE_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  console.log(`e2e: npm run package ${result.seconds.toFixed(1)} s`);
  // Install from a private copy: others may rebuild schedlint.vsix while we run.
  const copy = join(tempRoot, 'schedlint.vsix');
  copyFileSync(join(REPO, 'schedlint.vsix'), copy);
  return copy;
}

/** The environment code-server runs in: its config, data and caches inside our temp folder, no gallery. */
function codeServerEnvironment(tools) {
  const environment = { ...process.env };
  // Not the caller's npm configuration (npm run exports it) or Node options: code-server runs on its own Node.
  for (const key of Object.keys(environment)) if (/^(VSCODE_|npm_)|^(NODE|NODE_OPTIONS|INIT_CWD)$/i.test(key)) delete environment[key];
  return {
    ...environment,
    PATH: `${dirname(tools.SCHEDLINT_E2E_NODE)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(tempRoot, 'xdg', 'config'),
    XDG_DATA_HOME: join(tempRoot, 'xdg', 'data'),
    XDG_CACHE_HOME: join(tempRoot, 'xdg', 'cache'),
    // An extensions gallery without a service URL is "not configured": no marketplace requests at all
    // (only the npm registry and Debian mirrors are reachable here and in CI).
    EXTENSIONS_GALLERY: '{}',
    LANG: 'C.UTF-8',
  };
}

function installExtensions(tools, vsixes, extensionsDir) {
  const result = run(tools.SCHEDLINT_E2E_NODE, [tools.SCHEDLINT_E2E_CODE_SERVER, '--user-data-dir', join(tempRoot, 'install-user-data'), '--extensions-dir', extensionsDir, ...vsixes.flatMap((vsix) => ['--install-extension', vsix])], {
    env: codeServerEnvironment(tools),
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const installed = (result.stdout + result.stderr).match(/successfully installed/gi)?.length ?? 0;
  if (installed !== vsixes.length) throw new Error(`installing ${vsixes.join(', ')} said:\n${result.stdout}${result.stderr}`);
  console.log(`e2e: installed ${vsixes.join(', ')} (${result.seconds.toFixed(1)} s)`);
}

// ---------------------------------------------------------------------------------------------------------
// The API suite (test/suite, layer 2) inside code-server's extension host. code-server has no
// --extensionTestsPath, so a throwaway "suite runner" extension, built here, activates on startup, requires the
// compiled suite, awaits its run() and writes { ok, output } to the file named by SCHEDLINT_SUITE_RESULT.

/**
 * Compiles test/suite with the repo's compiler options into our temp folder (never the repo's out/: others run
 * tests there). Only the suite and what it imports (vscode, node built-ins), so that work in progress elsewhere
 * in the tree cannot break this scenario; type errors in the suite itself fail it.
 */
function compileSuite() {
  const outDir = join(tempRoot, 'suite-out');
  const config = join(tempRoot, 'tsconfig.suite.json');
  writeFile(config, JSON.stringify({
    extends: join(REPO, 'tsconfig.json'),
    compilerOptions: { rootDir: REPO, outDir, typeRoots: [join(REPO, 'node_modules', '@types')], sourceMap: true, incremental: false },
    include: [],
    files: [join(REPO, 'test', 'suite', 'index.ts')],
  }, null, 2));
  const result = run(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], { cwd: REPO, timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const suite = join(outDir, 'test', 'suite', 'index.js');
  if (!existsSync(suite)) throw new Error(`tsc did not write ${suite}:\n${result.stdout}${result.stderr}`);
  console.log(`  - compiled test/suite (${result.seconds.toFixed(1)} s)`);
  return suite;
}

const SUITE_RUNNER_JS = String.raw`// Runs the schedlint API suite in this extension host and reports to the file named by
// SCHEDLINT_SUITE_RESULT: { ok, output } (output: everything the suite logged, then the error if run() threw).
const fs = require('node:fs');
const util = require('node:util');

const SUITE = __SUITE__;

async function runSuite() {
  const resultFile = process.env.SCHEDLINT_SUITE_RESULT;
  const lines = [];
  // The extension host makes console.log & co. getters whose setter ignores assignment (it forwards them to
  // the workbench): redefine the properties instead, and put the old definitions back afterwards.
  const saved = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    saved[level] = Object.getOwnPropertyDescriptor(console, level);
    const original = console[level];
    const capture = (...args) => {
      lines.push(util.format(...args));
      original.apply(console, args);
    };
    Object.defineProperty(console, level, { configurable: true, enumerable: true, writable: true, value: capture });
    if (console[level] !== capture) lines.push('(runner: could not capture console.' + level + ')');
  }
  let ok = false;
  try {
    if (!resultFile) throw new Error('SCHEDLINT_SUITE_RESULT is not set in the extension host');
    const suite = require(SUITE);
    if (typeof suite.run !== 'function') throw new Error(SUITE + ' exports no run()');
    await suite.run();
    ok = true;
  } catch (error) {
    lines.push('run() threw: ' + ((error && error.stack) || error));
  } finally {
    for (const [level, descriptor] of Object.entries(saved)) if (descriptor) Object.defineProperty(console, level, descriptor);
  }
  if (!resultFile) return;
  // Written whole, then renamed: the test never reads half a file.
  fs.writeFileSync(resultFile + '.partial', JSON.stringify({ ok, output: lines.join('\n') + '\n' }));
  fs.renameSync(resultFile + '.partial', resultFile);
}

exports.activate = () => {
  // Not awaited: activation returns at once and the suite runs beside the workbench, as a test runner's would.
  setTimeout(() => {
    runSuite().catch((error) => {
      try {
        fs.writeFileSync(process.env.SCHEDLINT_SUITE_RESULT, JSON.stringify({ ok: false, output: 'runner failed: ' + ((error && error.stack) || error) + '\n' }));
      } catch {
        // nothing left to report with: the test times out waiting
      }
    });
  }, 0);
};
exports.deactivate = () => {};
`;

/** The runner extension, packaged with the repo's vsce. */
function packageSuiteRunner(suite) {
  const folder = join(tempRoot, 'suite-runner');
  writeFile(join(folder, 'package.json'), JSON.stringify({
    name: 'suite-runner',
    displayName: 'schedlint API suite runner (e2e)',
    description: 'Runs test/suite in the extension host; built and thrown away by test/e2e/run.mjs.',
    version: '0.0.0',
    publisher: 'schedlint-e2e',
    license: 'MIT',
    private: true,
    engines: { vscode: '^1.82.0' },
    extensionKind: ['workspace'],
    activationEvents: ['onStartupFinished'],
    main: './runner.js',
  }, null, 2));
  writeFile(join(folder, 'runner.js'), SUITE_RUNNER_JS.replace('__SUITE__', JSON.stringify(suite)));
  run(process.execPath, ['--check', join(folder, 'runner.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  writeFile(join(folder, 'README.md'), '# suite runner\n\nThrowaway extension that runs the schedlint API suite inside code-server (test/e2e/run.mjs).\n');
  const vsix = join(tempRoot, 'suite-runner.vsix');
  const result = run(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: folder,
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!existsSync(vsix)) throw new Error(`vsce did not write ${vsix}:\n${result.stdout}${result.stderr}`);
  console.log(`  - packaged the suite runner (${result.seconds.toFixed(1)} s)`);
  return vsix;
}

async function startCodeServer(tools, { name, folder, extensionsDir, settings, extraArgs = [], env = {} }) {
  const userData = join(tempRoot, `${name}-user-data`);
  writeFile(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const port = await freePort();
  const args = [
    tools.SCHEDLINT_E2E_CODE_SERVER,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
    '--config', join(tempRoot, 'code-server.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    ...extraArgs,
    folder,
  ];
  const server = startProcess(`code-server ${name}`, tools.SCHEDLINT_E2E_NODE, args, { env: { ...codeServerEnvironment(tools), ...env }, cwd: tempRoot });
  Object.assign(server, { port, userData, extensionsDir, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` });
  await waitFor(`code-server on port ${port}`, async () => {
    if (server.child.exitCode !== null) throw new Error(`code-server exited:\n${server.output}`);
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 60_000);
  return server;
}

async function stopCodeServer(server) {
  await stopProcess(server);
  writeFile(join(ARTIFACTS, `${server.name.replace(/\W+/g, '-')}.log`), server.output);
  await waitFor(`port ${server.port} to be free`, async () => !(await portAnswers(server.port)), 10_000);
}

async function startChromium(tools, playwright) {
  const browserProcess = startProcess('chromium', tools.SCHEDLINT_E2E_CHROMIUM, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    `--user-data-dir=${join(tempRoot, 'chromium-profile')}`,
    'about:blank',
  ], {
    // Its crash-report database follows XDG_CONFIG_HOME, not --user-data-dir: keep it out of $HOME too.
    env: { ...process.env, XDG_CONFIG_HOME: join(tempRoot, 'xdg', 'config'), XDG_CACHE_HOME: join(tempRoot, 'xdg', 'cache') },
  });
  const endpoint = await waitFor('chromium DevTools endpoint', async () => {
    if (browserProcess.child.exitCode !== null) throw new Error(`chromium exited:\n${browserProcess.output}`);
    return browserProcess.output.match(/DevTools listening on (ws:\/\/\S+)/)?.[1];
  }, 30_000);
  const browser = await playwright.chromium.connectOverCDP(endpoint, { timeout: 30_000 });
  return { browser, browserProcess };
}

/** Asks chromium to quit (so it reaps its own helpers), then kills its process group whatever happened. */
async function stopChromium({ browser, browserProcess }) {
  try {
    const session = await browser.newBrowserCDPSession();
    await Promise.race([session.send('Browser.close'), sleep(3000)]);
  } catch {
    // the connection is already gone
  }
  await stopProcess(browserProcess);
}

// ---------------------------------------------------------------------------------------------------------
// The workbench, through its UI.

class Workbench {
  constructor(page, scenario) {
    this.page = page;
    this.scenario = scenario;
  }

  async shot(step) {
    this.scenario.shots += 1;
    const file = join(ARTIFACTS, `${this.scenario.name}-${String(this.scenario.shots).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file }).catch((error) => console.error(`e2e: screenshot ${file}: ${error.message}`));
    return file;
  }

  async step(name, body) {
    console.log(`  - ${name}`);
    try {
      const result = await body();
      await this.shot(name);
      return result;
    } catch (error) {
      await this.shot(`${name}-FAILED`);
      throw error;
    }
  }

  /** Ctrl+P, the path, Enter: the way a user opens a file. */
  async quickOpen(relativePath) {
    const { page } = this;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.type(relativePath, { delay: 10 });
    const base = relativePath.split('/').pop();
    const folder = relativePath.split('/').slice(0, -1).join('/');
    // The first result must be the file we asked for (label = name, description = its folder).
    await waitFor(`quick open to list ${relativePath}`, async () => {
      const row = page.locator('.quick-input-list .monaco-list-row').first();
      const label = await row.getAttribute('aria-label', { timeout: 500 });
      return label && label.includes(base) && (folder === '' || label.replaceAll('\\', '/').includes(folder));
    });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitFor(`an editor tab for ${base}`, async () => (await page.locator('.tabs-container .tab.active').getAttribute('aria-label', { timeout: 500 }))?.includes(base));
  }

  /** The screen rectangle of the first occurrence of `text` in the active editor's visible lines. */
  async textBox(text) {
    return waitFor(`"${text}" in the editor`, () =>
      this.page.evaluate((needle) => {
        const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
        if (!editor) return null;
        const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x, y, width, height, centerX: x + width / 2, centerY: y + height / 2 };
        }
        return null;
      }, text),
    );
  }

  async editorText() {
    return (await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText()).replaceAll('\u00a0', ' ');
  }

  /** Ctrl+Shift+M (unless the Problems panel is already showing). */
  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
    return panel;
  }

  /** The Problems rows (file rows and marker rows): each row's accessible label and visible text. */
  async problemRows() {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    const texts = [];
    for (let index = 0; index < (await rows.count()); index++) texts.push(((await rows.nth(index).getAttribute('aria-label')) ?? '') + ' | ' + (await rows.nth(index).innerText()));
    return texts;
  }

  async waitForProblem(text) {
    await this.showProblems();
    return waitFor(`a Problems row with ${text}`, async () => (await this.problemRows()).find((row) => row.includes(text)));
  }

  async waitForNoProblems() {
    await this.showProblems();
    return waitFor('an empty Problems panel', async () => (await this.page.locator('.markers-panel .monaco-list-row').count()) === 0 && (await this.page.locator('.markers-panel-container .message-box-container').innerText()).length > 0);
  }

  statusItem(pattern) {
    return this.page.locator('.statusbar-item').filter({ hasText: pattern });
  }

  /** The text of an output channel, read in the Output panel (null when the channel does not exist). */
  async outputChannel(name) {
    const { page } = this;
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('Output: Show Output Channels', { delay: 5 });
    const listed = async () => /Show Output Channels/.test((await page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label', { timeout: 500 })) ?? '');
    try {
      await waitFor('the Show Output Channels command', listed, 5000);
    } catch {
      // Seen on a cold machine: the command is missing from the palette until the Output view has been
      // shown once. Show it (a command that is always there), then ask again.
      await page.keyboard.press('Escape');
      await this.runCommand('Output: Focus on Output View');
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type('Output: Show Output Channels', { delay: 5 });
      await waitFor('the Show Output Channels command', listed);
    }
    await page.keyboard.press('Enter');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    await page.keyboard.type(name, { delay: 5 }); // filter: the list only renders the rows that fit
    await sleep(300);
    const channel = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) });
    if ((await channel.count()) === 0) {
      await page.keyboard.press('Escape');
      return null;
    }
    await channel.first().click();
    const view = page.locator('.output-view .monaco-editor .view-lines');
    await view.waitFor();
    await sleep(500); // the channel's text arrives after the view
    return (await view.innerText()).replaceAll('\u00a0', ' ');
  }

  /** Ctrl+Shift+P, the command's title, Enter (the first row must be that command). */
  async runCommand(title) {
    const { page } = this;
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(title, { delay: 5 });
    await waitFor(`the command "${title}"`, async () => ((await page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label', { timeout: 500 })) ?? '').includes(title));
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Ctrl+. at the start of the first occurrence of `text`; the quick-fix menu's row titled `title`. */
  async quickFixRow(text, title) {
    const { page } = this;
    await page.mouse.move(10, 10); // away from any hover
    await page.keyboard.press('Escape');
    const box = await this.textBox(text);
    await page.mouse.click(box.x + 2, box.centerY);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
    await menu.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    const row = menu.locator('.monaco-list-row').filter({ hasText: title }).first();
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    return row;
  }

  /** The lines of the active terminal (xterm's DOM renderer: the scenario turns GPU acceleration off). */
  async terminalLines() {
    // All rows in one read: row by row, a row xterm redraws between two reads can come back half drawn.
    const texts = await this.page.evaluate(() => [...document.querySelectorAll('.terminal-wrapper.active .xterm-rows > div')].map((row) => row.innerText));
    const lines = texts.map((text) => text.replaceAll('\u00a0', ' ').trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  /**
   * The terminal's text once it has stopped changing (two reads 300 ms apart agree): xterm draws rows on
   * animation frames, so the text a condition saw may still be catching up with the shell's output. A garbled
   * line stays garbled, so this hides nothing the assertions look for.
   */
  async settledTerminalLines() {
    let previous = await this.terminalLines();
    return waitFor('the terminal to stop changing', async () => {
      await sleep(300);
      const current = await this.terminalLines();
      const settled = current.join('\n') === previous.join('\n');
      previous = current;
      return settled && current;
    });
  }

  /** Visible notification toasts (errors from any extension would show here). */
  async toasts() {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    const texts = [];
    for (let index = 0; index < (await toasts.count()); index++) if (await toasts.nth(index).isVisible()) texts.push(await toasts.nth(index).innerText());
    return texts;
  }
}

/** The extension host's own log (activation errors land there) under a code-server user-data dir. */
function extensionHostLog(userData) {
  let text = '';
  const visit = (folder) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name === 'remoteexthost.log') text += readFileSync(full, 'utf8');
    }
  };
  visit(join(userData, 'logs'));
  return text;
}

/**
 * Nothing from schedlint went wrong: no notification about it, no stack trace in its output channel (read in
 * the Output panel; the channel only exists once something was logged), no activation error, and no file the
 * manifest names missing from the installed package (code-server logs "File not found: …").
 */
async function assertHealthy(workbench, server, extensionsDir) {
  const toasts = await workbench.toasts();
  const ours = toasts.filter((text) => /schedlint|crontab/i.test(text));
  if (ours.length) throw new Error(`schedlint notification(s): ${ours.join(' / ')}`);
  const output = await workbench.outputChannel('schedlint');
  writeFile(join(ARTIFACTS, `${workbench.scenario.name}-schedlint-output.log`), output ?? '(no schedlint output channel: nothing was logged)\n');
  if (output !== null && /\bat (?:async )?(?:\S+ \(|\/|file:|node:)/.test(output)) throw new Error(`stack trace in schedlint's output channel:\n${output}`);
  const activation = extensionHostLog(server.userData).split('\n').filter((line) => line.includes('schedlint.schedlint') && /error|fail/i.test(line));
  if (activation.length) throw new Error(`extension host log: ${activation.join('\n')}`);
  const missing = server.output.split('\n').filter((line) => line.startsWith('File not found:') && line.includes(extensionsDir));
  if (missing.length) throw new Error(`the installed package lacks files its manifest names:\n${missing.join('\n')}`);
}

/** After a failure: what schedlint said (notifications, its output channel), for the CI log. Best effort. */
async function reportFailureContext(workbench) {
  const context = await Promise.race([
    (async () => {
      await workbench.page.keyboard.press('Escape');
      const toasts = await workbench.toasts();
      const output = await workbench.outputChannel('schedlint');
      await workbench.shot('after-failure');
      return { toasts, output };
    })(),
    sleep(15_000).then(() => null),
  ]).catch((error) => ({ toasts: [], output: `(could not read: ${error.message})` }));
  if (!context) return;
  if (context.toasts.length) console.log(`  notifications: ${context.toasts.join(' / ')}`);
  if (context.output !== null) {
    writeFile(join(ARTIFACTS, `${workbench.scenario.name}-schedlint-output.log`), context.output);
    console.log(`  schedlint output channel:\n${context.output.split('\n').slice(0, 20).map((line) => `    ${line}`).join('\n')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Issue #23: "schedlint: Edit crontab…" against the real `crontab` (Debian's cron), on the crontab of a
// throwaway user (as root the command runs `crontab -u USER`; root's own crontab is never touched).
const EDIT_USER = 'schedlint-e2e-edit';

function crontabOf(user) {
  const listed = spawnSync('crontab', ['-u', user, '-l'], { encoding: 'utf8' });
  return listed.status === 0 ? listed.stdout : null;
}

function editCrontabScenario() {
  return {
    name: 'edit-crontab',
    title: 'Edit crontab: the seed-000 line saved → modal, nothing installed; `root` removed, saved → crontab -l shows the fixed line',
    files: { 'README.txt': 'Edit crontab opens its own temporary crontab.\n' },
    prepare() {
      assert(process.getuid?.() === 0, 'the edit-crontab scenario creates a user: run the e2e as root');
      assert(spawnSync('sh', ['-c', 'command -v crontab']).status === 0, 'crontab is not installed (apt-get install cron)');
      if (spawnSync('id', [EDIT_USER]).status !== 0) run('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', EDIT_USER]);
      spawnSync('crontab', ['-u', EDIT_USER, '-r']);
      return {};
    },
    async body(workbench) {
      const { page } = workbench;
      try {
        await workbench.step('open-edit-crontab', async () => {
          // The palette lists the commands known when it opens, and the extensions' contributions arrive after
          // the workbench: open it again until the command is there.
          await waitFor('the Edit crontab command', async () => {
            await page.keyboard.press('Control+Shift+P');
            await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
            await page.keyboard.type('schedlint: Edit crontab', { delay: 5 });
            await sleep(500);
            const first = (await page.locator('.quick-input-list .monaco-list-row').first().getAttribute('aria-label', { timeout: 500 }).catch(() => '')) ?? '';
            if (first.includes('schedlint: Edit crontab')) return true;
            await page.keyboard.press('Escape');
            await sleep(1000);
            return false;
          }, 60_000);
          await page.keyboard.press('Enter');
          // The same widget asks whose crontab.
          await waitFor('the user question', async () => (await page.locator('.quick-input-widget').innerText()).includes('Whose crontab'));
          await page.keyboard.press('Control+A');
          await page.keyboard.type(EDIT_USER, { delay: 5 });
          await page.keyboard.press('Enter');
          await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
          await waitFor('an editor tab for crontab', async () => (await page.locator('.tabs-container .tab.active').getAttribute('aria-label', { timeout: 500 }))?.includes('crontab'));
          await waitFor('the commented header', async () => (await workbench.editorText()).includes(`# Crontab of ${EDIT_USER}`));
        });
        await workbench.step('type-seed-line-and-save', async () => {
          await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
          await page.keyboard.press('Control+End');
          await page.keyboard.type(SEED_LINE, { delay: 5 });
          await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
          await page.keyboard.press('Control+S');
          const dialog = page.locator('.monaco-dialog-box');
          await dialog.waitFor({ timeout: STEP_TIMEOUT_MS });
          const text = await dialog.innerText();
          assert(text.includes('1 error(s)') && text.includes('not installed'), `unexpected modal: ${text}`);
          assert(/Show problems/.test(text) && /Install anyway/.test(text), `the modal lacks its buttons: ${text}`);
          await workbench.shot('modal');
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden' });
          assert(crontabOf(EDIT_USER) === null, `something was installed: ${crontabOf(EDIT_USER)}`);
        });
        await workbench.step('remove-root-and-save', async () => {
          const box = await workbench.textBox('root');
          await page.mouse.dblclick(box.centerX, box.centerY);
          await page.keyboard.press('Delete');
          await page.keyboard.press('Delete');
          await waitFor('the fixed line in the editor', async () => (await workbench.editorText()).includes(SEED_FIXED.trim()));
          await page.keyboard.press('Control+S');
          const installed = await waitFor('the fixed line installed', async () => {
            const now = crontabOf(EDIT_USER);
            return now !== null && now.includes(SEED_FIXED) ? now : false;
          });
          assert(!installed.includes('root certbot'), `the seed line was installed: ${installed}`);
          await waitFor('the installed notification', async () => (await workbench.toasts()).some((toast) => toast.includes(`Installed the crontab of ${EDIT_USER}`)));
          // Read, then dismissed: the closing health check counts any schedlint notification still showing.
          await workbench.shot('installed');
          await workbench.runCommand('Notifications: Clear All Notifications');
          await waitFor('the notification to go', async () => !(await workbench.toasts()).some((toast) => /crontab/i.test(toast)));
        });
      } finally {
        spawnSync('crontab', ['-u', EDIT_USER, '-r']);
        spawnSync('userdel', [EDIT_USER]);
      }
    },
  };
}

/** Seed 004's files, made by openssl: example.crt/.key issued by "Real CA", a wrong intermediate.crt ("Other CA"), old/example-old.crt. */
function certificateFolder(folder) {
  const ssl = (...args) => run('openssl', args, { cwd: folder });
  const ext = (name, text) => writeFile(join(folder, name), text);
  mkdirSync(join(folder, 'old'), { recursive: true });
  mkdirSync(join(folder, '.pki'), { recursive: true });
  ext('.pki/ca.ext', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n');
  ext('.pki/new.ext', 'basicConstraints=CA:FALSE\nsubjectAltName=DNS:example.com,DNS:www.example.com\n');
  ext('.pki/old.ext', `basicConstraints=CA:FALSE\nsubjectAltName=DNS:example.com,DNS:www.example.com,DNS:${DROPPED_NAME}\n`);
  ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '.pki/root.key', '-out', '.pki/root.crt', '-days', '3650', '-subj', '/CN=Demo Root', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  for (const ca of ['real', 'other']) {
    ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `.pki/${ca}.key`, '-out', `.pki/${ca}.csr`, '-subj', `/CN=${ca === 'real' ? 'Real' : 'Other'} CA`);
    ssl('x509', '-req', '-in', `.pki/${ca}.csr`, '-CA', '.pki/root.crt', '-CAkey', '.pki/root.key', '-CAcreateserial', '-out', `.pki/${ca}.crt`, '-days', '1825', '-extfile', '.pki/ca.ext');
  }
  ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'example.key', '-out', '.pki/new.csr', '-subj', '/CN=example.com');
  ssl('x509', '-req', '-in', '.pki/new.csr', '-CA', '.pki/real.crt', '-CAkey', '.pki/real.key', '-CAcreateserial', '-out', 'example.crt', '-days', '200', '-extfile', '.pki/new.ext');
  ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '.pki/old.key', '-out', '.pki/old.csr', '-subj', '/CN=example.com');
  ssl('x509', '-req', '-in', '.pki/old.csr', '-CA', '.pki/real.crt', '-CAkey', '.pki/real.key', '-CAcreateserial', '-out', 'old/example-old.crt', '-days', '45', '-extfile', '.pki/old.ext');
  copyFileSync(join(folder, '.pki/other.crt'), join(folder, 'intermediate.crt'));
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios. Each gets a fresh folder (the fake host), a fresh code-server and a fresh browser context.

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false, // trusted scenarios; the restricted one turns it back on
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const scenarios = [
  {
    name: 'seed',
    title: 'seed 000: user crontab with a user column — diagnostic, hover, quick fix, save',
    files: { [USER_CRONTAB]: SEED_LINE },
    async body(workbench, folder) {
      const { page } = workbench;
      await workbench.step('open-user-crontab', async () => {
        await workbench.quickOpen(USER_CRONTAB);
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
      });
      await workbench.step('problems-row', async () => {
        const row = await workbench.waitForProblem(RULE);
        assert(row.includes(MESSAGE_EN), `the Problems row lacks the message: ${row}`);
        assert(row.startsWith('Error'), `the finding is not an error: ${row}`);
      });
      await workbench.step('hover-schedule', async () => {
        const box = await workbench.textBox('1,13');
        await page.mouse.move(box.centerX, box.centerY);
        const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'Next runs' });
        await hover.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const text = await hover.first().innerText();
        // 39 1,13 * * *: 01:39 and 13:39 in the host's zone, whatever that zone is.
        assert(/Next runs \(/.test(text) && text.includes('01:39') && text.includes('13:39'), `hover without next run times: ${text}`);
      });
      await workbench.step('hover-root', async () => {
        const box = await workbench.textBox('root');
        await page.mouse.move(box.centerX, box.centerY + 40);
        await sleep(300);
        await page.mouse.move(box.centerX, box.centerY);
        const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'user column' });
        await hover.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const text = await hover.first().innerText();
        assert(text.includes(MESSAGE_EN.slice(0, 40)), `hover over root lacks the explanation: ${text}`);
      });
      await workbench.step('quick-fix-menu', async () => {
        const box = await workbench.textBox('root');
        await page.mouse.click(box.x + 2, box.centerY); // the cursor inside `root`
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
        await menu.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        const remove = menu.locator('.monaco-list-row').filter({ hasText: 'Remove `root`' });
        await remove.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        // The preferred fix is the one the menu focuses first; Enter applies it.
        const focused = await menu.locator('.monaco-list-row.focused').innerText();
        assert(focused.includes('Remove `root`'), `the focused quick fix is "${focused}", not Remove \`root\``);
      });
      await workbench.step('apply-fix', async () => {
        await page.keyboard.press('Enter');
        await page.locator('.action-widget:not(.action-list-submenu-panel)').waitFor({ state: 'hidden' });
        await waitFor('the fixed line in the editor', async () => (await workbench.editorText()).includes('39 1,13 * * * certbot renew'));
      });
      await workbench.step('save', async () => {
        await page.keyboard.press('Control+S');
        const path = join(folder, USER_CRONTAB);
        await waitFor('the fixed file on disk', async () => readFileSync(path, 'utf8') === SEED_FIXED);
        await workbench.waitForNoProblems();
      });
    },
  },
  {
    name: 'status',
    title: 'format by content (fake /etc/crontab), switched in the status bar',
    files: { 'etc/crontab': SEED_LINE },
    async body(workbench) {
      const { page } = workbench;
      // <folder>/etc/crontab is not /etc/crontab: the path says nothing, and `root` (a user on this host)
      // in the sixth column makes the content vote "system".
      await workbench.step('open-etc-crontab', async () => {
        await workbench.quickOpen('etc/crontab');
        await workbench.statusItem('crontab: system crontab').waitFor({ timeout: STEP_TIMEOUT_MS });
        await workbench.waitForNoProblems();
      });
      const pick = async (label) => {
        await workbench.statusItem(/crontab: (system|user) crontab/).first().click();
        const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
        await row.waitFor({ timeout: STEP_TIMEOUT_MS });
        await workbench.shot(`quick-pick-${label.split(' ')[0].toLowerCase()}`);
        await row.click();
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      };
      await workbench.step('choose-user-format', async () => {
        await pick('User crontab');
        await workbench.statusItem('crontab: user crontab').waitFor({ timeout: STEP_TIMEOUT_MS });
        const row = await workbench.waitForProblem(RULE);
        assert(row.includes(MESSAGE_EN), `the Problems row lacks the message: ${row}`);
      });
      await workbench.step('detect-automatically', async () => {
        await pick('Detect automatically');
        await workbench.statusItem('crontab: system crontab').waitFor({ timeout: STEP_TIMEOUT_MS });
        await workbench.waitForNoProblems();
      });
    },
  },
  {
    name: 'restricted',
    title: 'restricted mode (folder not trusted): still lints, nothing crashes',
    files: { [USER_CRONTAB]: SEED_LINE },
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' },
    async before(workbench) {
      const { page } = workbench;
      await workbench.step('trust-dialog', async () => {
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout: 30_000 });
        const text = await dialog.innerText();
        assert(/trust/i.test(text), `unexpected dialog: ${text}`);
        await workbench.shot('trust-dialog-shown');
        await dialog.getByRole('button', { name: /No, I don.t trust/i }).click();
        await dialog.waitFor({ state: 'hidden' });
        await workbench.statusItem(/Restricted Mode/).first().waitFor({ timeout: STEP_TIMEOUT_MS });
      });
    },
    async body(workbench) {
      const { page } = workbench;
      await workbench.step('lint-untrusted', async () => {
        await workbench.quickOpen(USER_CRONTAB);
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const row = await workbench.waitForProblem(RULE);
        assert(row.includes(MESSAGE_EN), `the Problems row lacks the message: ${row}`);
        await workbench.statusItem('crontab: user crontab').waitFor({ timeout: STEP_TIMEOUT_MS });
      });
    },
  },
  {
    name: 'language-setting',
    title: '"schedlint.language": "ja": Japanese messages in an English workbench',
    files: { [USER_CRONTAB]: SEED_LINE },
    settings: { 'schedlint.language': 'ja' },
    async body(workbench) {
      const { page } = workbench;
      await workbench.step('japanese-problem', async () => {
        await workbench.quickOpen(USER_CRONTAB);
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const row = await workbench.waitForProblem(RULE);
        assert(row.includes(MESSAGE_JA), `the Problems row is not in Japanese: ${row}`);
        await workbench.statusItem('crontab: ユーザー crontab').waitFor({ timeout: STEP_TIMEOUT_MS });
      });
    },
  },
  {
    name: 'timer',
    title: 'systemd timer: cron syntax in OnCalendar=, a misspelt directive, the calendar hover, the preferred fix saved',
    files: { [TIMER_PATH]: TIMER_TEXT, [SERVICE_PATH]: SERVICE_TEXT },
    async body(workbench, folder) {
      const { page } = workbench;
      await workbench.step('open-timer', async () => {
        await workbench.quickOpen(TIMER_PATH);
        // .timer is our systemd-unit-file language (package.json contributes.languages), named in the status bar.
        await workbench.statusItem(/^systemd unit file$/).first().waitFor({ timeout: STEP_TIMEOUT_MS });
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
      });
      await workbench.step('problems-rows', async () => {
        const calendar = await workbench.waitForProblem('systemd/invalid-calendar');
        assert(calendar.includes('`*/2` is cron syntax') || calendar.includes('*/2 is cron syntax'), `the invalid-calendar row does not explain the cron syntax: ${calendar}`);
        assert(calendar.startsWith('Error'), `the invalid-calendar finding is not an error: ${calendar}`);
        assert(/Ln 7, Col 18|line 7 column 18/.test(calendar), `the invalid-calendar row is not on line 7 (OnCalendar=*-*-* */2:00:00): ${calendar}`);
        const directive = await workbench.waitForProblem('systemd/unknown-directive');
        assert(directive.includes('Persistant') && directive.includes('did you mean') && directive.includes('Persistent'), `the unknown-directive row does not suggest Persistent: ${directive}`);
      });
      await workbench.step('hover-calendar', async () => {
        // The first OnCalendar= line (line 5): the first occurrence in the editor's lines.
        const box = await workbench.textBox('OnCalendar');
        await page.mouse.move(box.centerX, box.centerY);
        const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'Normalized' });
        await hover.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        // The window lines arrive with the same hover, but wait for them rather than read a half-rendered box.
        const text = await waitFor('the random-delay window in the hover', async () => {
          const current = (await hover.first().innerText()).replaceAll('\u00a0', ' ');
          return current.includes('→') ? current : false;
        });
        assert(text.includes('Normalized: *-*-* 00,12:00:00'), `the hover lacks the normalized form: ${text}`);
        assert(text.includes('RandomizedDelaySec=43200'), `the hover does not name the random delay: ${text}`);
        const windows = text.split('\n').filter((line) => line.includes('→'));
        assert(windows.length > 0, `no random-delay window in the hover: ${text}`);
      });
      await workbench.step('quick-fix-menu', async () => {
        await page.mouse.move(10, 10); // away from the hover
        await page.keyboard.press('Escape');
        const box = await workbench.textBox('Persistant');
        await page.mouse.click(box.x + 2, box.centerY); // the cursor inside `Persistant`
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
        await menu.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        await menu.locator('.monaco-list-row').filter({ hasText: 'Change to `Persistent`' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
        // The preferred fix is the one the menu focuses first; Enter applies it.
        const focused = await menu.locator('.monaco-list-row.focused').innerText();
        assert(focused.includes('Change to `Persistent`'), `the focused quick fix is "${focused}", not Change to \`Persistent\``);
      });
      await workbench.step('apply-fix', async () => {
        await page.keyboard.press('Enter');
        await page.locator('.action-widget:not(.action-list-submenu-panel)').waitFor({ state: 'hidden' });
        await waitFor('the fixed directive in the editor', async () => (await workbench.editorText()).includes('Persistent=true'));
      });
      await workbench.step('save', async () => {
        await page.keyboard.press('Control+S');
        const path = join(folder, TIMER_PATH);
        await waitFor('the fixed timer on disk', async () => readFileSync(path, 'utf8') === TIMER_FIXED);
        // The misspelling is gone from Problems; the cron-syntax error stays.
        await waitFor('the unknown-directive row to go', async () => {
          const rows = await workbench.problemRows();
          return !rows.some((row) => row.includes('systemd/unknown-directive')) && rows.some((row) => row.includes('systemd/invalid-calendar'));
        });
      });
    },
  },
  {
    name: 'host',
    title: 'seed 001 as a workspace root: the timer/cron overlap on both sides, the terminal action typed not run (no shell integration), the host timeline',
    files: {},
    trees: { '.': HOST_TREE },
    settings: TERMINAL_SETTINGS,
    prepare: (tools, vsix, folder) => fakeSudo(folder),
    async body(workbench, folder, { mark }) {
      const { page } = workbench;
      await workbench.step('cron-side', async () => {
        await workbench.quickOpen(ROOT_CRONTAB);
        await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const row = await workbench.waitForProblem(OVERLAP_CRON_SIDE);
        assert(row.includes(OVERLAP_RULE), `the cron-side row does not name ${OVERLAP_RULE}: ${row}`);
        assert(row.startsWith('Warning'), `the cron-side finding is not a warning: ${row}`);
        assert(row.includes(OVERLAP_TIMER_WINDOW), `the cron-side row does not name certbot.timer's window: ${row}`);
        // Its related information (a row under it) points at the timer's RandomizedDelaySec= (line 6).
        await waitFor('the related row pointing at certbot.timer', async () => (await workbench.problemRows()).some((text) => text.includes('at line 6 and character 20 in certbot.timer')));
      });
      await workbench.step('timer-side', async () => {
        await workbench.quickOpen(CERTBOT_TIMER);
        await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const row = await workbench.waitForProblem(OVERLAP_TIMER_SIDE);
        assert(row.includes(OVERLAP_RULE), `the timer-side row does not name ${OVERLAP_RULE}: ${row}`);
        assert(row.startsWith('Warning'), `the timer-side finding is not a warning: ${row}`);
        assert(row.includes(OVERLAP_CRON_JOB), `the timer-side row does not name root's crontab job: ${row}`);
        await waitFor('the related row pointing at root\'s crontab', async () => (await workbench.problemRows()).some((text) => text.includes('at line 6 and character 12 in root |')));
      });
      await workbench.step('terminal-action-menu', async () => {
        const row = await workbench.quickFixRow('43200', DISABLE_TITLE); // RandomizedDelaySec=43200 carries the finding
        await workbench.shot('terminal-action-listed');
        await row.click();
        await page.locator('.action-widget:not(.action-list-submenu-panel)').waitFor({ state: 'hidden' });
      });
      await workbench.step('typed-not-run', () => assertTyped(workbench, DISABLE_COMMAND, mark));
      // The check above can fail: Enter (the user's choice) runs the typed command through the fake sudo.
      await workbench.step('enter-runs-it', () => assertEnterRunsIt(workbench, DISABLE_COMMAND, mark));
      await workbench.step('host-timeline', async () => {
        await workbench.runCommand('View: Toggle Panel Visibility'); // both shown until now
        await workbench.runCommand('View: Toggle Primary Side Bar Visibility'); // room for the whole day in the screenshot
        await workbench.runCommand('schedlint: Show Host Schedule');
        const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        const svg = view.locator('.picture svg');
        await svg.waitFor({ timeout: STEP_TIMEOUT_MS });
        await waitFor('certbot.timer in the timeline', async () => (await svg.textContent()).includes('certbot.timer'));
        const table = await view.locator('table').innerText();
        assert(table.includes('certbot.timer') && table.includes('renew-wildcard.sh'), `the job list lacks certbot.timer or root's job:\n${table}`);
      });
    },
  },
  {
    name: 'certbot',
    title: 'seed 002: standalone renewal next to nginx — language, hover, dry-run lens typed (shell integration) and run by Enter, the cli.ini fix saved',
    files: { [RENEWAL_PATH]: RENEWAL_TEXT, [NGINX_PATH]: NGINX_TEXT },
    settings: TERMINAL_SETTINGS,
    prepare: (tools, vsix, folder) => fakeSudo(folder, { shellIntegration: true }), // the host scenario's terminal has none
    async body(workbench, folder, { mark }) {
      const { page } = workbench;
      await workbench.step('open-renewal', async () => {
        await workbench.quickOpen(RENEWAL_PATH);
        await workbench.statusItem(RENEWAL_LANGUAGE).first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const row = await workbench.waitForProblem(STANDALONE_RULE);
        assert(row.startsWith('Warning'), `the standalone finding is not a warning: ${row}`);
        assert(row.includes('nginx'), `the standalone row does not name nginx: ${row}`);
      });
      await workbench.step('hover-authenticator', async () => {
        const hover = page.locator('.monaco-hover:visible').filter({ hasText: AUTHENTICATOR_DOC });
        // The dry-run lens above line 1 can arrive after the line was measured and push every line down (seen:
        // the hover of the line above): measure again and move there until the hover is the authenticator's.
        await waitFor('the hover of authenticator', async () => {
          const box = await workbench.textBox('authenticator');
          await page.mouse.move(10, 10);
          await page.mouse.move(box.centerX, box.centerY);
          return hover.first().waitFor({ timeout: 4000 }).then(() => true, () => false);
        });
      });
      await workbench.step('dry-run-lens', async () => {
        await page.mouse.move(10, 10);
        await page.keyboard.press('Escape');
        // The workbench asks for lenses while the editor has focus (and drops the request when it loses it, as it
        // did when the Problems panel opened): click into the text, as a user coming back to the file does.
        const version = await workbench.textBox('version');
        await page.mouse.click(version.x + 2, version.centerY);
        const lens = page.locator('.editor-group-container.active .codelens-decoration').filter({ hasText: DRY_RUN_LENS });
        await lens.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const lensBox = await lens.first().boundingBox();
        const first = await workbench.textBox('version');
        assert(lensBox.y + lensBox.height <= first.y + 1 && first.y - lensBox.y < 2 * first.height + 10, `the lens is not just above line 1 (lens y ${lensBox.y}, line 1 y ${first.y})`);
        await lens.first().locator('a', { hasText: DRY_RUN_LENS }).click();
        await assertTyped(workbench, DRY_RUN_COMMAND, mark);
      });
      await workbench.step('dry-run-enter', () => assertEnterRunsIt(workbench, DRY_RUN_COMMAND, mark));
      await workbench.step('fix-menu', async () => {
        const row = await workbench.quickFixRow('authenticator', STANDALONE_FIX);
        await workbench.shot('fix-listed');
        await row.click();
        await page.locator('.action-widget:not(.action-list-submenu-panel)').waitFor({ state: 'hidden' });
      });
      await workbench.step('save-all', async () => {
        await workbench.runCommand('File: Save All');
        const path = join(folder, CLI_INI_PATH);
        await waitFor('cli.ini on disk with the hooks', async () => existsSync(path) && readFileSync(path, 'utf8') === CLI_INI_FIXED);
        assert(readFileSync(join(folder, RENEWAL_PATH), 'utf8') === RENEWAL_TEXT, 'the fix changed the renewal file');
        await workbench.showProblems();
        await waitFor('the standalone warning to go', async () => !(await workbench.problemRows()).some((row) => row.includes(STANDALONE_RULE)));
      });
    },
  },
  {
    name: 'certificate',
    title: 'seed 004: example.crt with its key and the wrong intermediate.crt — Problems, hover with names and days left, compared with the older certificate',
    files: {},
    prepare(tools, vsix, folder) {
      certificateFolder(folder);
      return {};
    },
    async body(workbench, folder) {
      const { page } = workbench;
      await workbench.step('open-certificate', async () => {
        await workbench.quickOpen('example.crt');
        const row = await workbench.waitForProblem(CHAIN_RULE);
        assert(row.startsWith('Error'), `the chain finding is not an error: ${row}`);
        assert(row.includes('Other CA') && row.includes('Real CA'), `the row does not name the wrong and the right intermediate: ${row}`);
      });
      await workbench.step('hover-names-days', async () => {
        const box = await workbench.textBox('CERTIFICATE');
        await page.mouse.move(box.centerX, box.centerY);
        const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'days left' });
        await hover.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const text = await hover.first().innerText();
        assert(text.includes('example.com, www.example.com') && /\((199|200) days left\)/.test(text), `the hover lacks the names or the days left: ${text}`);
        assert(text.includes('Real CA') && text.includes('SHA-256'), `the hover lacks the issuer or the fingerprint: ${text}`);
      });
      await workbench.step('compare-with-older', async () => {
        await page.mouse.move(10, 10);
        await page.keyboard.press('Escape');
        const first = await workbench.textBox('CERTIFICATE');
        await page.mouse.click(first.x + 2, first.centerY);
        const lens = page.locator('.editor-group-container.active .codelens-decoration').filter({ hasText: 'Compare with' });
        await lens.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        const status = await page.locator('.editor-group-container.active .codelens-decoration').first().innerText();
        assert(/example\.com · (199|200) days left/.test(status), `the status lens is not the days left: ${status}`);
        await lens.first().locator('a', { hasText: 'Compare with' }).click();
        // code-server's file dialog is a quick input holding a path: replace it with the older certificate's.
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        // The dialog writes the current folder into the box when it is ready, which can be after our text on a
        // busy machine (seen: the folder, then our path appended): write it until the box holds only our path.
        const older = join(folder, 'old', 'example-old.crt');
        await waitFor('the file dialog to hold the older certificate\'s path', async () => {
          await input.fill(older);
          await sleep(500);
          return (await input.inputValue()) === older;
        });
        await page.keyboard.press('Enter');
        // The editor draws spaces as no-break spaces.
        await waitFor('the comparison beside the certificate', async () => (await workbench.editorText().catch(() => '')).includes('Names dropped'));
        const text = await workbench.editorText();
        assert(text.includes(`Names dropped:** ${DROPPED_NAME}`), `the comparison does not show ${DROPPED_NAME} dropped:\n${text}`);
        assert(text.includes('Names added:** none'), `the comparison lists added names:\n${text}`);
      });
    },
  },
  {
    name: 'api-suite',
    title: 'test/suite (the @vscode/test-electron suite) through the vscode API in code-server\'s extension host',
    // No crontab in the folder (nothing activates schedlint at startup): the suite opens its own files.
    files: { 'README.txt': 'The API suite opens its own crontabs in a temp folder.\n' },
    settings: { 'security.workspace.trust.enabled': false }, // the runner extension must activate
    /** Its own extensions dir: schedlint and the runner (which must not run in the other scenarios). */
    prepare(tools, vsix, folder) {
      const suite = compileSuite();
      const runner = packageSuiteRunner(suite);
      const extensionsDir = join(tempRoot, 'api-suite-extensions');
      installExtensions(tools, [vsix, runner], extensionsDir);
      const resultFile = join(tempRoot, 'api-suite-result.json');
      // TMPDIR: the suite's temp crontabs (os.tmpdir()) land in our temp folder and go with it.
      const tmp = join(folder, '..', 'api-suite-tmp');
      mkdirSync(tmp, { recursive: true });
      return { extensionsDir, resultFile, env: { SCHEDLINT_SUITE_RESULT: resultFile, TMPDIR: tmp } };
    },
    async body(workbench, folder, { server, resultFile }) {
      const result = await workbench.step('suite-result', () =>
        waitFor('the API suite\'s result file', () => {
          if (server.child.exitCode !== null) throw new StopWaiting(`code-server exited:\n${server.output}`);
          if (existsSync(resultFile)) return JSON.parse(readFileSync(resultFile, 'utf8'));
          // A runner that cannot activate never writes: say so at once, with the extension host's words.
          const log = extensionHostLog(server.userData);
          const at = log.indexOf('Activating extension schedlint-e2e.suite-runner failed');
          if (at >= 0) throw new StopWaiting(`the suite runner did not activate:\n${log.slice(at, at + 2000)}`);
          return false;
        }, SUITE_TIMEOUT_MS),
      );
      writeFile(join(ARTIFACTS, 'api-suite-output.log'), result.output);
      console.log(result.output.trimEnd().split('\n').map((line) => `    ${line}`).join('\n'));
      // The output is printed just above (and kept in api-suite-output.log): the failure names what threw.
      assert(result.ok, `the API suite failed: ${result.output.match(/^(?:run\(\) threw|runner failed): .*$/m)?.[0] ?? 'see its output above'}`);
      // Its own summary line, so that a suite that ran nothing (or whose output got lost) cannot pass.
      const summary = result.output.match(/^(\d+) passed, 0 failed$/m);
      assert(summary && Number(summary[1]) > 0, `run() resolved but the suite reported no passing cases:\n${result.output}`);
    },
  },
  editCrontabScenario(),
];

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const only = process.env.SCHEDLINT_E2E_ONLY?.split(',').filter(Boolean);
  const selected = scenarios.filter((scenario) => !only || only.includes(scenario.name));
  if (selected.length === 0) {
    console.log(`e2e: no scenario called ${only.join(', ')} (there are ${scenarios.map((scenario) => scenario.name).join(', ')})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const results = new Map(selected.map((scenario) => [scenario.name, 'not run']));
  const started = Date.now();
  // The closing line CI reads; scenarios that never ran count as failed.
  const finish = () => {
    for (const [name, result] of results) if (result === 'not run' || result === 'interrupted') console.log(`FAIL ${name}: ${result}`);
    const passed = [...results.values()].filter((result) => result === 'passed').length;
    console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in ${ARTIFACTS}`);
    console.log(`${passed} passed, ${results.size - passed} failed`);
    return passed === results.size ? 0 : 1;
  };
  const removeTemp = () => {
    if (process.env.SCHEDLINT_E2E_KEEP) console.log(`e2e: kept ${tempRoot}`);
    else rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  };

  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  tempRoot = mkdtempSync(join(tmpdir(), 'schedlint-e2e-'));
  abort = (reason) => {
    console.log(`e2e: ${reason}`);
    killEverything();
    removeTemp();
    process.exit(finish() || 1);
  };

  let chromium;
  try {
    const tools = setup();
    const vsix = packageVsix();
    // From here on, processes that could hang: a hard limit that kills them all and still reports.
    const timeoutMs = runTimeoutMs(selected.length);
    setTimeout(() => abort(`overall timeout (${timeoutMs / 1000} s) reached: killing code-server and chromium`), timeoutMs).unref();

    const extensionsDir = join(tempRoot, 'extensions');
    installExtensions(tools, [vsix], extensionsDir);
    const playwright = await import(pathToFileURL(tools.SCHEDLINT_E2E_PLAYWRIGHT).href);
    chromium = await startChromium(tools, playwright);

    for (const scenario of selected) {
      console.log(`scenario ${scenario.name}: ${scenario.title}`);
      results.set(scenario.name, 'interrupted');
      const scenarioStarted = Date.now();
      const folder = join(tempRoot, scenario.name);
      for (const [path, text] of Object.entries(scenario.files ?? {})) writeFile(join(folder, path), text);
      // Trees from the repo, symlinks kept as they are (an enabling link in a *.wants/ folder is a link).
      for (const [path, source] of Object.entries(scenario.trees ?? {})) cpSync(join(REPO, source), join(folder, path), { recursive: true, verbatimSymlinks: true });
      let server;
      let context;
      let workbench;
      try {
        const prepared = scenario.prepare ? scenario.prepare(tools, vsix, folder) : {};
        server = await startCodeServer(tools, {
          name: scenario.name,
          folder,
          extensionsDir: prepared.extensionsDir ?? extensionsDir,
          settings: { ...BASE_SETTINGS, ...scenario.settings, ...prepared.settings },
          extraArgs: scenario.args,
          env: prepared.env,
        });
        context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
        context.setDefaultTimeout(STEP_TIMEOUT_MS);
        const page = await context.newPage();
        workbench = new Workbench(page, { name: scenario.name, shots: 0 });
        await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        if (scenario.before) await scenario.before(workbench, folder);
        // The explorer shows the folder's first row once the workbench has loaded it.
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
        await scenario.body(workbench, folder, { ...prepared, server });
        await workbench.step('healthy', () => assertHealthy(workbench, server, server.extensionsDir));
        results.set(scenario.name, 'passed');
        console.log(`PASS ${scenario.name} (${((Date.now() - scenarioStarted) / 1000).toFixed(1)} s)`);
      } catch (error) {
        results.set(scenario.name, error.message);
        console.log(`FAIL ${scenario.name}: ${error.stack ?? error}`);
        if (workbench) await reportFailureContext(workbench);
      } finally {
        await context?.close().catch(() => {});
        if (server) await stopCodeServer(server).catch((error) => console.log(`e2e: stopping code-server: ${error.message}`));
      }
    }
  } catch (error) {
    console.log(`e2e: ${error.stack ?? error}`);
  } finally {
    if (chromium) await stopChromium(chromium);
    killEverything();
    await waitFor('our processes to exit', async () => strays().length === 0, 5000).catch(() => console.log(`e2e: still running after cleanup: ${strays().join(' ')}`));
    removeTemp();
  }
  process.exit(finish());
}

await main();
