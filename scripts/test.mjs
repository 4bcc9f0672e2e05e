/**
 * `npm test`: everything, in order — typecheck, lint (ESLint + Prettier), Electronegativity, the unit tests, the
 * builds, and the end-to-end tests in headless Chromium. It goes on after a failure so one run shows all problems,
 * and ends with one line `N passed, N failed` (each check counts as one, each vitest test as one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', env: process.env });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'MISLUKT'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/**
 * Checks that share nothing, two at a time (the machines have 2 cores: tsc and ESLint each keep one busy); each one's
 * output is printed whole when it ends, so the log reads as if they ran one after the other.
 */
async function together(checks) {
  const run = ([name, cmd, args]) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(cmd, args, { shell: process.platform === 'win32', env: process.env });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => {
        console.log(`\n=== ${name}\n${out.trimEnd()}`);
        console.log(`=== ${name}: ${code === 0 ? 'ok' : 'MISLUKT'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        resolve(code === 0);
      });
      child.on('error', () => resolve(false));
    });
  const results = await Promise.all(checks.map(run));
  return results;
}

function count(name, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function vitest(project) {
  const report = `test-results/${project}.json`;
  rmSync(report, { force: true });
  const ok = step(`vitest ${project}`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed++;
    failures.push(`vitest ${project} (geen rapport)`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0);
  if (!ok || r.numFailedTests > 0) failures.push(`vitest ${project}: ${r.numFailedTests} mislukt`);
  if (!ok && r.numFailedTests === 0) failed++; // a suite that crashed outside a test
}

const statisch = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint (eslint + prettier)', 'npm', ['run', '-s', 'lint']],
];
(await together(statisch)).forEach((ok, i) => count(statisch[i][0], ok));
vitest('unit');
// The builds write their own folders (dist-electron/, dist/); Electronegativity only reads electron/.
const bouw = [
  ['electronegativity (electron/)', 'node', ['scripts/electronegativity.mjs']],
  ['build desktop (main + preload)', 'npm', ['run', '-s', 'build:electron']],
];
(await together(bouw)).forEach((ok, i) => count(bouw[i][0], ok));
if (step('build web (vite)', 'npm', ['run', '-s', 'build:web'])) {
  passed++;
  vitest('e2e');
} else {
  failed++;
  failures.push('build web');
}

if (failures.length) console.log(`\nMislukt: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
