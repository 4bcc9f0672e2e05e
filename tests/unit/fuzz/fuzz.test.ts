import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../node/sqljs';
import { createHarness, MAX_RSS, TARGET_NAMES, type CaseResult, type Harness } from '../../fuzz/harness';

/**
 * Issue 15, the short fuzz run: 2,100 seeded cases, 150 per target (CBS csv/xlsx/json, Cognos csv/xlsx, partners
 * csv/xlsx, relaties csv/xlsx, the postcode table, GeoPackage, GeoJSON, TopoJSON, project files), each a small real
 * fixture mutated (bit flips, truncation, rows and columns shuffled or repeated, huge cells, UTF-16, Latin-1 and broken
 * UTF-8, zip and XML damage, SQLite page and record damage) and fed through the project service as the app does.
 * Every case is a clean import or a Dutch refusal that leaves the project byte-identical; nothing throws, nothing is
 * `intern.onverwacht`, memory stays under 1 GB. The long run is `npm run fuzz -- --cases 100000 --seed 1`; a case
 * that fails here is replayed there with `--seed 20261123 --case N --targets <target>`.
 */

const SEED = 20261123;
const PER_TARGET = 150;

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness(await loadSqlJs(), { lang: false, maxBytes: 4 * 1024 * 1024 });
}, 60_000);

function describeFailure(r: CaseResult): string {
  return `case ${r.index} (${r.seed} → ‘${r.name}’, ${r.bytes.length} bytes, [${r.mutations.join(', ')}]): ${r.problems.join(' | ')}`;
}

describe('fuzz: mutated fixtures through the project service (issue 15)', () => {
  const totals = { schoon: 0, geweigerd: 0 };

  for (const target of TARGET_NAMES) {
    it(`${target}: ${PER_TARGET} cases, each a clean import or a Dutch refusal`, { timeout: 120_000 }, async () => {
      const failures: string[] = [];
      let schoon = 0;
      let geweigerd = 0;
      for (let i = 0; i < PER_TARGET; i++) {
        const r = await harness.runCase(SEED, i, { only: [target] });
        if (r.uitkomst === 'fout') failures.push(describeFailure(r));
        else if (r.uitkomst === 'schoon') schoon++;
        else geweigerd++;
        expect(r.rss).toBeLessThan(MAX_RSS);
      }
      expect(failures).toEqual([]);
      // The mutations are neither all harmless nor all fatal: both outcomes occur for every target.
      expect(schoon, 'clean imports').toBeGreaterThan(0);
      expect(geweigerd, 'refusals').toBeGreaterThan(0);
      totals.schoon += schoon;
      totals.geweigerd += geweigerd;
    });
  }

  it('covered every target, with at least 2,000 cases in all', () => {
    expect(totals.schoon + totals.geweigerd).toBeGreaterThanOrEqual(2000);
  });
});
