/** The commands on a project as a whole: new, info, dubbelen, samenvoegen, export, snapshot(s), weergave. */
import { basename, resolve } from 'node:path';
import { acquireLock, releaseLock } from '../../node/lock';
import { atomicWrite } from '../../node/atomic-write';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '../../shared/contract';
import { toCsv, toJsonRows } from '../../shared/export/formats';
import { formatMessage } from '../../shared/i18n/messages';
import { AppException, unwrap } from '../../shared/result';
import { projectNameSchema } from '../../shared/service/project-service';
import { naamVan, type Command } from '../command';
import { conflictenLijst } from '../team';

export const newCommand: Command = {
  name: 'new',
  help: `new P.wijkweb [--naam "Enschede West"] [--overschrijven]
Maakt een nieuw, leeg project.`,
  options: { naam: { type: 'string' }, overschrijven: { type: 'boolean' } },
  run: async ({ io, flags, service, store, lock, projectPath }) => {
    const path = projectPath();
    const naam = naamVan(flags, path);
    if (!projectNameSchema.safeParse(naam).success) throw new AppException('project.naam-ongeldig');
    unwrap(await service.createProject(naam));
    const bytes = unwrap(await service.exportProject());
    // Never over a project that a running Wijkweb (a window or another command) has open: take its lock first.
    const lockt = await acquireLock(lock, path);
    if (!lockt.acquired) throw new AppException('bestand.in-gebruik-overschrijven', { bestand: basename(path) });
    try {
      await store.create(path, bytes, flags.has('overschrijven'));
    } finally {
      await releaseLock(lock, path);
    }
    io.stdout(`Project ‘${naam}’ gemaakt: ${path}\n`);
    return 0;
  },
};

export const infoCommand: Command = {
  name: 'info',
  help: `info P.wijkweb [--json]
Toont de naam, de bestandsversie, de aantallen per soort gegevens en de bronnen.`,
  options: { json: { type: 'boolean' } },
  run: async ({ io, flags, service, store, language, projectPath }) => {
    const path = projectPath();
    const opened = unwrap(await service.openProject(await store.read(path), basename(path)));
    const o = opened.overview;
    if (flags.has('json')) {
      io.stdout(
        JSON.stringify(
          {
            app: 'wijkweb',
            naam: o.naam,
            schemaVersion: o.schemaVersion,
            migratedFrom: opened.migratedFrom,
            aangemaakt: o.aangemaakt,
            gewijzigd: o.gewijzigd,
            counts: o.counts,
            bronnen: o.bronnen,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      const lines = [
        `Project: ${o.naam}`,
        `Bestandsversie: ${o.schemaVersion}${opened.migratedFrom !== null ? ` (in het bestand: ${opened.migratedFrom}; wordt bijgewerkt bij opslaan in de app)` : ''}`,
        `Gemaakt: ${o.aangemaakt}   Gewijzigd: ${o.gewijzigd}`,
        '',
        'Aantallen:',
        ...Object.entries(o.counts).map(([k, v]) => `  ${formatMessage(language, `telling.${k}`).padEnd(40)} ${v}`),
        '',
        o.bronnen.length === 0 ? 'Bronnen: nog geen.' : 'Bronnen:',
        ...o.bronnen.map(
          (b) =>
            `  ${b.geimporteerdOp}  ${b.soort.padEnd(10)} ${b.bestandsnaam ?? '-'}  (${b.rijenGeimporteerd} rijen)`,
        ),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    return 0;
  },
};

export const dubbelenCommand: Command = {
  name: 'dubbelen',
  help: `dubbelen P.wijkweb [--json]
Toont organisaties die waarschijnlijk dezelfde zijn.`,
  options: { json: { type: 'boolean' } },
  run: async ({ io, flags, service, store, projectPath }) => {
    const path = projectPath();
    unwrap(await service.openProject(await store.read(path), basename(path)));
    const groups = unwrap(await service.findDubbeleOrganisaties());
    if (flags.has('json')) io.stdout(JSON.stringify(groups, null, 2) + '\n');
    else if (groups.length === 0) io.stdout('Geen dubbele organisaties gevonden.\n');
    else {
      for (const g of groups) {
        const namen = g.organisaties.map((o) => `${o.naam} (${o.id})`).join(' ↔ ');
        io.stdout(`${g.zekerheid === 'zeker' ? 'Zeker' : 'Mogelijk'}: ${namen} [${g.redenen.join(', ')}]\n`);
      }
      io.stdout('Samenvoegen: npm run -s cli -- samenvoegen P.wijkweb BEWAAR_ID ID …\n');
    }
    return 0;
  },
};

export const samenvoegenCommand: Command = {
  name: 'samenvoegen',
  help: `samenvoegen P.wijkweb BEWAAR_ID ID [ID …]
Voegt organisaties samen tot de eerste; aanbod, relaties en namen gaan mee.`,
  options: {},
  run: async ({ io, positional, service, withProject, projectPath }) => {
    const path = projectPath();
    const ids = positional.slice(2).map(Number);
    if (ids.length < 2 || ids.some((n) => !Number.isInteger(n) || n <= 0)) {
      throw new AppException('cli.argument-ontbreekt', { wat: 'twee of meer organisatienummers (id)' });
    }
    await withProject(path, async () => {
      const merged = unwrap(await service.mergeOrganisaties(ids[0]!, ids.slice(1))).result;
      io.stdout(
        `Samengevoegd tot ‘${merged.naam}’ (${merged.id}): ${merged.aantalVoorzieningen} voorzieningen, ${merged.aantalRelaties} relaties.\n`,
      );
      return true;
    });
    return 0;
  },
};

export const exportCommand: Command = {
  name: 'export',
  help: `export P.wijkweb <tabel> [--format csv|json] [--out BESTAND] [--peildatum JJJJ-MM-DD]
[--exacte-aantallen]
Schrijft een tabel als CSV (standaard) of JSON naar het scherm of naar een bestand. De hiaten gelden op één
peildatum: per soort aantal de nieuwste telling op of vóór die datum (standaard de nieuwste).
De doelen van de pilot ook op één peildatum: per doel de nulmeting, de waarde, de stand en sinds wanneer.
--exacte-aantallen: verwijzingen in ‘relaties’ met hun exacte aantal, ook 1 tot 5: een werkbestand om aan
te passen en terug te importeren, alleen voor het eigen team.
Tabellen: ${EXPORT_TABLE_NAMES.join(', ')}. Kleine aantallen staan als <5 (in doelen en afhandeling altijd).`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    peildatum: { type: 'string' },
    'exacte-aantallen': { type: 'boolean' },
  },
  run: async ({ io, fs, flags, positional, service, store, language, projectPath }) => {
    const path = projectPath();
    const table = positional[2];
    if (!table)
      throw new AppException('cli.argument-ontbreekt', { wat: `de tabel (${EXPORT_TABLE_NAMES.join(', ')})` });
    if (table === 'conflicten') {
      // The team's review list ("Wijzigingen om na te kijken"): JSON only.
      unwrap(await service.openProject(await store.read(path), basename(path)));
      const lijst = conflictenLijst(service.currentDb()!);
      const text = JSON.stringify(lijst, null, 2) + '\n';
      const out = flags.get('out');
      if (typeof out === 'string') await atomicWrite(fs, resolve(io.cwd, out), new TextEncoder().encode(text));
      else io.stdout(text);
      return 0;
    }
    if (!(EXPORT_TABLE_NAMES as readonly string[]).includes(table)) {
      throw new AppException('export.onbekende-tabel', { tabel: table, tabellen: EXPORT_TABLE_NAMES.join(', ') });
    }
    const format = flags.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json')
      throw new AppException('export.onbekend-formaat', { formaat: String(format) });
    unwrap(await service.openProject(await store.read(path), basename(path)));
    const peildatum = flags.get('peildatum');
    const exact = flags.has('exacte-aantallen');
    const data = unwrap(
      await service.exportTable(table as ExportTableName, {
        ...(typeof peildatum === 'string' ? { peildatum } : {}),
        ...(exact ? { exacteAantallen: true } : {}),
      }),
    );
    if (exact && table === 'relaties') io.stderr(`${formatMessage(language, 'fout.cli.exacte-aantallen')}\n`);
    const text = format === 'csv' ? toCsv(data) : JSON.stringify(toJsonRows(data), null, 2) + '\n';
    const out = flags.get('out');
    if (typeof out === 'string') {
      await atomicWrite(fs, resolve(io.cwd, out), new TextEncoder().encode(text));
      io.stderr(`${data.rows.length} rijen geschreven naar ${resolve(io.cwd, out)}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};

export const snapshotCommand: Command = {
  name: 'snapshot',
  help: `snapshot P.wijkweb --peildatum JJJJ-MM-DD [--naam "Stuurgroep april 2024"]
Legt de sociale kaart, het netwerk en de hiaten vast als stuurgroepmoment.`,
  options: { peildatum: { type: 'string' }, naam: { type: 'string' } },
  run: async ({ io, flags, service, withProject, projectPath }) => {
    const path = projectPath();
    const peildatum = flags.get('peildatum');
    if (typeof peildatum !== 'string')
      throw new AppException('cli.argument-ontbreekt', { wat: '--peildatum JJJJ-MM-DD' });
    const naam = flags.get('naam');
    await withProject(path, async () => {
      const info = unwrap(
        await service.createSnapshot(typeof naam === 'string' ? naam : `Stuurgroep ${peildatum}`, peildatum),
      ).result;
      io.stdout(
        `Stuurgroepmoment ‘${info.naam}’ (${info.peildatum}) vastgelegd: ${info.organisaties} organisaties, ` +
          `${info.voorzieningen} voorzieningen, ${info.relaties} relaties.\n`,
      );
      return true;
    });
    return 0;
  },
};

export const snapshotsCommand: Command = {
  name: 'snapshots',
  help: `snapshots P.wijkweb [--json]
Toont de vastgelegde stuurgroepmomenten.`,
  options: { json: { type: 'boolean' } },
  run: async ({ io, flags, service, store, projectPath }) => {
    const path = projectPath();
    unwrap(await service.openProject(await store.read(path), basename(path)));
    const list = unwrap(await service.listSnapshots());
    if (flags.has('json')) io.stdout(JSON.stringify(list, null, 2) + '\n');
    else if (!list.length) io.stdout('Er zijn nog geen stuurgroepmomenten vastgelegd.\n');
    else for (const s of list) io.stdout(`${s.peildatum}  ${s.naam} (${s.organisaties} organisaties)\n`);
    return 0;
  },
};

export const weergaveCommand: Command = {
  name: 'weergave',
  help: `weergave P.wijkweb --soort netwerk|kaart|hiaten --naam NAAM [--titel T] [--notitie N] [--instellingen JSON]
Bewaart een weergave voor de presentatie.`,
  options: {
    soort: { type: 'string' },
    naam: { type: 'string' },
    titel: { type: 'string' },
    notitie: { type: 'string' },
    instellingen: { type: 'string' },
  },
  run: async ({ io, flags, service, withProject, projectPath }) => {
    const path = projectPath();
    const soort = flags.get('soort');
    if (soort !== 'netwerk' && soort !== 'kaart' && soort !== 'hiaten')
      throw new AppException('cli.waarde-ongeldig', { optie: '--soort', waarden: 'netwerk, kaart, hiaten' });
    const naam = flags.get('naam');
    if (typeof naam !== 'string') throw new AppException('cli.argument-ontbreekt', { wat: '--naam' });
    const raw = flags.get('instellingen');
    let instellingen: Record<string, unknown> = {};
    if (typeof raw === 'string') {
      try {
        const value: unknown = JSON.parse(raw);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('geen object');
        instellingen = value as Record<string, unknown>;
      } catch {
        throw new AppException('cli.waarde-ongeldig', { optie: '--instellingen', waarden: 'een JSON-object' });
      }
    }
    const titel = flags.get('titel');
    const notitie = flags.get('notitie');
    await withProject(path, async () => {
      const w = unwrap(
        await service.saveWeergave(null, {
          naam,
          soort,
          instellingen,
          titel: typeof titel === 'string' ? titel : null,
          notitie: typeof notitie === 'string' ? notitie : null,
        }),
      ).result;
      io.stdout(`Weergave ‘${w.naam}’ (${w.soort}) bewaard.\n`);
      return true;
    });
    return 0;
  },
};
