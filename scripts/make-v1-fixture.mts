/**
 * Writes tests/fixtures/project-v1.wijkweb: a project file as Wijkweb 0.1 wrote it at schema version 1 (before
 * migration 0002), with a few rows in it. Run once and commit the bytes; the migration tests open it.
 *   npx tsx scripts/make-v1-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { ProjectDb } from '../shared/db/connection';
import { migrate } from '../shared/db/migrations';
import { migration0001 } from '../shared/db/migrations/0001-basis';
import { seedDefaultTaxonomies } from '../shared/db/repos/taxonomies';
import { insertProject } from '../shared/db/repos/project';
import { loadSqlJs } from '../node/sqljs';

const SQL = await loadSqlJs();
const db = new ProjectDb(new SQL.Database());
db.run('PRAGMA foreign_keys = ON');
migrate(db, [migration0001]);
db.transaction(() => {
  insertProject(db, 'Boswinkel (versie 1)', '2026-01-05T09:00:00.000Z', '0.0.9');
  seedDefaultTaxonomies(db);
  db.run(
    `INSERT INTO bron (id, soort, bestandsnaam, sha256, geimporteerd_op, rijen_gelezen, rijen_geimporteerd)
     VALUES (1, 'handmatig', 'handmatig ingevoerd', NULL, '2026-01-05T09:05:00.000Z', 2, 2)`,
  );
  db.run(
    `INSERT INTO gebied (id, code, naam, niveau, ouder_id, jaar, bron_id) VALUES
     (1, 'GM0153', 'Enschede', 'gemeente', NULL, 2023, 1),
     (2, 'BU01530710', 'Boswinkel-De Braker', 'buurt', 1, 2023, 1)`,
  );
  db.run(
    `INSERT INTO organisatie (id, naam, soort, postcode, gebied_id, bron_id, aangemaakt, gewijzigd)
     VALUES (1, 'Alifa', 'welzijn', '7544 AB', 2, 1, '2026-01-05T09:05:00.000Z', '2026-01-05T09:05:00.000Z')`,
  );
});
writeFileSync(new URL('../tests/fixtures/project-v1.wijkweb', import.meta.url), db.export());
db.close();
console.log('tests/fixtures/project-v1.wijkweb written (schema version 1)');
