import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ProjectDb } from '../../../../shared/db/connection';
import { isSavableProjectFile } from '../../../../shared/db/file-header';
import { LATEST_SCHEMA_VERSION } from '../../../../shared/db/migrations';
import { unwrap } from '../../../../shared/result';
import { COUNT_KEYS, EXPORT_TABLE_NAMES, type ExportTableName } from '../../../../shared/contract';
import { exportColumns } from '../../../../shared/db/repos/export-tables';
import { createProjectService } from '../../../../shared/service/project-service';
import { FIXED_NOW, sha256, sql } from '../../../helpers/db';

async function service() {
  return createProjectService({ SQL: await sql(), now: () => FIXED_NOW, sha256 });
}

const DOCUMENTED: Record<ExportTableName, string[]> = {
  bronnen: [
    'id',
    'soort',
    'bestandsnaam',
    'sha256',
    'geimporteerd_op',
    'rijen_gelezen',
    'rijen_geimporteerd',
    'rijen_overgeslagen',
  ],
  gebieden: ['code', 'naam', 'niveau', 'ouder_code', 'jaar'],
  indicatoren: ['gebied_code', 'jaar', 'indicator', 'waarde'],
  metingen: [
    'gebied_code',
    'gebied_naam',
    'peildatum',
    'periode_start',
    'periode_eind',
    'maat',
    'wet',
    'ondersteuningsbehoefte',
    'subniveau',
    'vorm',
    'meldingstype',
    'waarde',
    'onderdrukt',
    'bron',
    'afhandeling',
  ],
  organisaties: [
    'id',
    'naam',
    'soort',
    'postcode',
    'buurt_code',
    'adres',
    'plaats',
    'website',
    'telefoon',
    'email',
    'notities',
  ],
  voorzieningen: [
    'id',
    'naam',
    'organisatie_id',
    'collectief',
    'vrij_toegankelijk',
    'leefgebieden',
    'doelgroepen',
    'status',
    'werkgebied',
    'organisatie_naam',
    'preventieniveau',
    'startdatum',
    'einddatum',
    'adres',
    'postcode',
    'capaciteit',
    'kosten',
    'contact',
    'notities',
  ],
  relaties: [
    'id',
    'van_id',
    'van_naam',
    'naar_id',
    'naar_naam',
    'soort',
    'aantal',
    'periode',
    'van_soort',
    'naar_soort',
  ],
  taxonomieen: ['taxonomie', 'code', 'label', 'omschrijving', 'volgorde'],
  netwerk: [
    'node_id',
    'naam',
    'soort',
    'degree',
    'in_degree',
    'out_degree',
    'gewogen_degree',
    'betweenness',
    'closeness',
    'pagerank',
    'eigenvector',
    'community',
    'articulatiepunt',
    'clustering',
    'sector',
    'buurt_code',
  ],
  hiaten: [
    'gebied_code',
    'gebied_naam',
    'leefgebied',
    'doelgroep',
    'ernst',
    'vraag',
    'vraag_per_1000',
    'gemeente_per_1000',
    'aanbod_collectief',
    'aanbod_gepland',
    'toelichting',
    'index',
    'kwartiel',
    'onderdrukt',
    'grondslag',
    'referentie',
    'peildatum',
    'controleer',
  ],
  doelen: [
    'doel',
    'criterium',
    'gebied',
    'maat',
    'nulmeting',
    'nulmeting_periode',
    'doelwaarde',
    'deadline',
    'waarde',
    'periode',
    'peildatum',
    'status',
    'sinds',
    'bron',
  ],
  afhandeling: ['gebied', 'periode_start', 'periode_eind', 'categorie', 'aantal', 'bron'],
};

describe('project service (the worker API, run in Node)', () => {
  it('creates a project with the default taxonomies and counts every kind of data', async () => {
    const s = await service();
    const r = await s.createProject('  Enschede   West ');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.naam).toBe('Enschede West');
    expect(r.value.aangemaakt).toBe(FIXED_NOW);
    expect(Object.keys(r.value.counts).sort()).toEqual([...COUNT_KEYS].sort());
    expect(r.value.counts.taxonomieItems).toBe(41);
    expect(r.value.counts.organisaties).toBe(0);
    expect(r.value.bronnen).toEqual([]);
  });

  it('refuses an empty or too long name', async () => {
    const s = await service();
    expect(await s.createProject('   ')).toMatchObject({ ok: false, error: { code: 'project.naam-ongeldig' } });
    expect(await s.createProject('x'.repeat(121))).toMatchObject({
      ok: false,
      error: { code: 'project.naam-ongeldig' },
    });
  });

  it('round-trips through export and open, and counts each change as a revision', async () => {
    const s = await service();
    await s.createProject('A');
    expect(await s.getRevision()).toBe(0);
    await s.renameProject('B');
    expect(await s.getRevision()).toBe(1);
    const bytes = await s.exportProject();
    expect(bytes.ok).toBe(true);
    if (!bytes.ok) return;
    const s2 = await service();
    const opened = await s2.openProject(bytes.value, 'b.wijkweb');
    expect(opened).toMatchObject({ ok: true, value: { migratedFrom: null, overview: { naam: 'B' } } });
  });

  it('saves without re-checking the whole database, except once after an import that wrote with checks off', async () => {
    const s = await service();
    await s.createProject('A');
    const quickCheck = vi.spyOn(ProjectDb.prototype, 'quickCheck');
    await s.renameProject('B');
    const bytes = unwrap(await s.exportProject());
    expect(isSavableProjectFile(bytes, LATEST_SCHEMA_VERSION)).toBe(true);
    expect(quickCheck).not.toHaveBeenCalled();

    const csv = readFileSync(new URL('../../../fixtures/cbs/statline-untyped-2019-utrecht.csv', import.meta.url));
    unwrap(await s.importCbs({ name: 'kwb-2019.csv', bytes: new Uint8Array(csv) }, {}));
    unwrap(await s.exportProject());
    unwrap(await s.exportProject());
    expect(quickCheck).toHaveBeenCalledTimes(1);

    // A figure the bulk insert could have let through against the table's CHECK: the save is refused, and stays
    // refused until the project is good again.
    const haag = readFileSync(new URL('../../../fixtures/cbs/statline-untyped-2019-den-haag.csv', import.meta.url));
    unwrap(await s.importCbs({ name: 'kwb-2019-den-haag.csv', bytes: new Uint8Array(haag) }, {}));
    const d = s.currentDb()!;
    d.run('PRAGMA ignore_check_constraints = ON');
    d.run(
      'UPDATE indicator_waarde SET status = 7 WHERE status = 0 AND gebied_id = (SELECT max(gebied_id) FROM indicator_waarde)',
    );
    d.run('PRAGMA ignore_check_constraints = OFF');
    expect(await s.exportProject()).toMatchObject({ ok: false, error: { code: 'opslaan.controle-mislukt' } });
    expect(await s.exportProject()).toMatchObject({ ok: false, error: { code: 'opslaan.controle-mislukt' } });
    quickCheck.mockRestore();
  });

  it('answers "no project open" instead of throwing', async () => {
    const s = await service();
    expect(await s.getOverview()).toMatchObject({ ok: false, error: { code: 'project.geen-project-open' } });
    expect(await s.exportProject()).toMatchObject({ ok: false, error: { code: 'project.geen-project-open' } });
  });

  it('exports every table with exactly its documented columns', async () => {
    const s = await service();
    await s.createProject('A');
    for (const name of EXPORT_TABLE_NAMES) {
      expect(exportColumns(name)).toEqual(DOCUMENTED[name]);
      const t = await s.exportTable(name);
      expect(t.ok, name).toBe(true);
      if (t.ok) expect(t.value.columns).toEqual(DOCUMENTED[name]);
    }
    const tax = await s.exportTable('taxonomieen');
    expect(tax.ok && tax.value.rows.length).toBe(41);
    expect(await s.exportTable('bestaat-niet' as ExportTableName)).toMatchObject({
      ok: false,
      error: { code: 'export.onbekende-tabel' },
    });
  });

  it('exports data rows joined the documented way', async () => {
    const s = await service();
    await s.createProject('A');
    const db = s.currentDb()!;
    db.execScript(`
      INSERT INTO bron (id, soort, bestandsnaam, geimporteerd_op) VALUES (1, 'handmatig', 'lijst.xlsx', '${FIXED_NOW}');
      INSERT INTO gebied (id, code, naam, niveau, ouder_id, jaar, bron_id) VALUES
        (1, 'GM0153', 'Enschede', 'gemeente', NULL, 2023, 1), (2, 'BU01530101', 'Boswinkel', 'buurt', 1, 2023, 1);
      INSERT INTO organisatie (id, naam, soort, gebied_id, aangemaakt, gewijzigd) VALUES (1, 'Alifa', 'welzijn', 2, 'x', 'x');
      INSERT INTO voorziening (id, naam, organisatie_id, aangemaakt, gewijzigd) VALUES (1, 'Buurtkamer', 1, 'x', 'x');
      INSERT INTO voorziening_leefgebied VALUES (1, 'welzijn'), (1, 'zorg');
      INSERT INTO voorziening_werkgebied VALUES (1, 2);
      INSERT INTO relatie (id, soort, van_organisatie_id, naar_voorziening_id, aangemaakt, gewijzigd)
        VALUES (1, 'verwijzing', 1, 1, 'x', 'x');
      INSERT INTO relatie_volume VALUES (1, '2024-04-01', '2024-04-30', 12, 1);
    `);
    const gebieden = await s.exportTable('gebieden');
    expect(gebieden.ok && gebieden.value.rows).toEqual([
      ['GM0153', 'Enschede', 'gemeente', null, 2023],
      ['BU01530101', 'Boswinkel', 'buurt', 'GM0153', 2023],
    ]);
    const vz = await s.exportTable('voorzieningen');
    expect(vz.ok && vz.value.rows[0]).toEqual([
      1,
      'Buurtkamer',
      1,
      1,
      1,
      'welzijn; zorg',
      null,
      'actief',
      'BU01530101',
      'Alifa',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const rel = await s.exportTable('relaties');
    expect(rel.ok && rel.value.rows[0]).toEqual([
      1,
      1,
      'Alifa',
      1,
      'Buurtkamer',
      'verwijzing',
      12,
      '2024-04-01/2024-04-30',
      'organisatie',
      'voorziening',
    ]);
  });
});
