/** `import P <soort> BESTAND …`: one command per kind of file. */
import type { PartnersImportOptions, WaardeKeuze } from '../../shared/importers/partners/types';
import { waardeKey, normaliseWaarde } from '../../shared/importers/partners/taxonomie-waarden';
import { AppException, unwrap } from '../../shared/result';
import type { Command, Flags } from '../command';

export const IMPORT_SOORTEN = 'cbs, cognos, partners, relaties, postcodes, geo';

function jaarFlag(flags: Flags): number | undefined {
  const text = flags.get('jaar');
  const jaar = typeof text === 'string' ? Number(text) : undefined;
  if (jaar !== undefined && !(Number.isInteger(jaar) && jaar >= 1990 && jaar <= 2100)) {
    throw new AppException('cli.jaar-ongeldig', { jaar: String(text) });
  }
  return jaar;
}

export const importCbsCommand: Command = {
  name: 'import cbs',
  help: `import P.wijkweb cbs BESTAND [--gemeente GM0153,GM0363] [--jaar 2024] [--overslaan] [--vervangen]
[--opnieuw]
Importeert CBS-cijfers per gemeente, wijk en buurt: de Kerncijfers wijken en buurten en andere StatLine-tabellen
(StatLine-CSV, cbs.nl-Excel/CSV of OData-JSON), ook van heel Nederland. Met --gemeente alleen die gemeenten: de
rijen van andere gemeenten worden niet gecontroleerd. Een bestand met meer jaren (kolom Perioden) gaat per jaar
in; met --jaar alleen dat jaar. Bij een fout wordt niets veranderd en zie je per bestand, werkblad, rij en kolom
wat er mis is; met --overslaan gaan de andere rijen wel in (de rijnummers staan bij de bron).`,
  options: {
    gemeente: { type: 'string' },
    jaar: { type: 'string' },
    overslaan: { type: 'boolean' },
    vervangen: { type: 'boolean' },
    opnieuw: { type: 'boolean' },
  },
  run: async ({ io, flags, positional, service, withProject, projectPath, importFile, printIssues, voortgang }) => {
    const path = projectPath();
    if (!positional[3]) throw new AppException('cli.argument-ontbreekt', { wat: 'het bestand om te importeren' });
    const jaar = jaarFlag(flags);
    const gemeenteFlag = flags.get('gemeente');
    const gemeenten = typeof gemeenteFlag === 'string' ? gemeenteFlag.split(/[,;\s]+/).filter(Boolean) : undefined;
    for (const g of gemeenten ?? []) {
      if (!/^GM\d{4}$/i.test(g)) throw new AppException('cli.gemeente-ongeldig', { gemeente: g });
    }
    const options = {
      ...(jaar !== undefined ? { jaar } : {}),
      ...(gemeenten ? { gemeenten: gemeenten.map((g) => g.toUpperCase()) } : {}),
      vervangen: flags.has('vervangen'),
      opnieuw: flags.has('opnieuw'),
      foutenOverslaan: flags.has('overslaan'),
    };
    const file = await importFile();
    await withProject(path, async () => {
      const preview = unwrap(await service.previewCbsImport(file, options));
      printIssues(preview.problemen);
      if (preview.grootBestand) {
        io.stderr(
          `Let op: dit bestand heeft ${preview.gemeenten.length} gemeenten. Alles wordt geïmporteerd; kies er enkele met --gemeente GM0153,GM0363 voor een kleiner project.\n`,
        );
      }
      if (preview.foutRijen > 0 && !options.foutenOverslaan) {
        io.stderr(`${preview.foutRijen} rijen hebben een fout. Met --overslaan importeer je de andere rijen.\n`);
      }
      voortgang.start();
      let outcome;
      try {
        outcome = unwrap(await service.importCbs(file, options));
      } finally {
        voortgang.stop();
      }
      const a = preview.aantallen;
      io.stdout(
        `CBS ${outcome.jaren.join(', ')} (${preview.formaat}) geïmporteerd uit ${file.name}: ${a.gemeente} gemeenten, ${a.wijk} wijken, ` +
          `${a.buurt} buurten, ${preview.indicatoren.length} indicatoren, ${outcome.waarden} cijfers.\n`,
      );
      const o = preview.overgeslagen;
      const redenen = [
        o.andereGemeente ? `${o.andereGemeente} van andere gemeenten` : '',
        o.anderJaar ? `${o.anderJaar} van andere jaren` : '',
        o.leeg ? `${o.leeg} lege rijen, voetregels of opmerkingen` : '',
        outcome.rijenOvergeslagen ? `${outcome.rijenOvergeslagen} met een fout` : '',
      ].filter(Boolean);
      if (redenen.length) io.stdout(`Overgeslagen rijen: ${redenen.join(', ')}.\n`);
      const w = preview.indelingswijziging;
      if (w && (w.nieuw.length || w.vervallen.length || w.hernoemd.length)) {
        io.stdout(
          `Indeling gewijzigd t.o.v. ${w.vergelekenMet}: ${w.nieuw.length} nieuwe, ${w.hernoemd.length} hernoemde en ` +
            `${w.vervallen.length} vervallen wijken en buurten.\n`,
        );
      }
      return true;
    });
    return 0;
  },
};

/** `import P cognos FILE [--alias "naam=CODE;…"] [--afhandeling "woord=CODE;…"] [--vervangen | --beide] [--opnieuw]` */
export const importCognosCommand: Command = {
  name: 'import cognos',
  help: `import P.wijkweb cognos BESTAND [--alias "naam in bestand=BU01530710"] [--gebied BU01530710]
[--afhandeling "woord in bestand=CODE;…"] [--vervangen | --beide] [--opnieuw]
Importeert een Cognos-export (meldingen, toewijzingen, unieke cliënten per buurt en peildatum; ook
afhandeling van aanmeldingen, kosten in euro's en tevredenheid). --afhandeling koppelt een afhandeling die
Wijkweb niet kent aan een code van de taxonomie Afhandeling (wijkteam, voorliggend, maatwerk, overig).`,
  options: {
    alias: { type: 'string' },
    gebied: { type: 'string' },
    afhandeling: { type: 'string' },
    vervangen: { type: 'boolean' },
    beide: { type: 'boolean' },
    opnieuw: { type: 'boolean' },
  },
  run: async ({ io, flags, service, withProject, projectPath, importFile, printIssues }) => {
    const path = projectPath();
    const aliasFlag = flags.get('alias');
    const aliassen: Record<string, string> = {};
    if (typeof aliasFlag === 'string') {
      for (const part of aliasFlag.split(';').filter((p) => p.trim())) {
        const [naam, code] = part.split('=').map((x) => x.trim());
        if (!naam || !code) throw new AppException('cli.alias-ongeldig', { alias: part });
        aliassen[naam] = code.toUpperCase();
      }
    }
    // `--afhandeling "Wachtlijst=overig;Nog bezig=overig"`: categories of the file → codes of the taxonomy.
    const afhandelingFlag = flags.get('afhandeling');
    const afhandelingen: Record<string, string> = {};
    if (typeof afhandelingFlag === 'string') {
      for (const part of afhandelingFlag.split(';').filter((p) => p.trim())) {
        const i = part.lastIndexOf('=');
        const [tekst, code] = [part.slice(0, i).trim(), part.slice(i + 1).trim()];
        if (i < 0 || !tekst || !code) throw new AppException('cli.alias-ongeldig', { alias: part });
        afhandelingen[tekst] = code;
      }
    }
    const options = {
      aliassen,
      ...(Object.keys(afhandelingen).length > 0 ? { afhandelingen } : {}),
      ...(flags.has('vervangen')
        ? { overlap: 'vervangen' as const }
        : flags.has('beide')
          ? { overlap: 'beide' as const }
          : {}),
      opnieuw: flags.has('opnieuw'),
      ...(typeof flags.get('gebied') === 'string' ? { gebied: String(flags.get('gebied')) } : {}),
    };
    const file = await importFile();
    await withProject(path, async () => {
      const preview = unwrap(await service.previewCognosImport(file, options));
      printIssues(preview.problemen);
      const outcome = unwrap(await service.importCognos(file, options));
      const gebieden = preview.gebieden.map((g) => `${g.naam} → ${g.gebiedNaam} (${g.code})`).join(', ');
      io.stdout(
        `Cognos-export ${file.name} geïmporteerd: ${outcome.metingen} metingen uit ${preview.tabellen} tabellen` +
          `${gebieden ? `; ${gebieden}` : ''}.\n`,
      );
      return true;
    });
    return 0;
  },
};

export const importPartnersCommand: Command = {
  name: 'import partners',
  help: `import P.wijkweb partners BESTAND [--blad NAAM] [--overslaan] [--nieuwe-waarden toevoegen|negeren]
[--waarde "leefgebied:W&I=werk_inkomen"] [--samenvoegen SLEUTEL,SLEUTEL] [--opnieuw]
Importeert een partnerlijst (organisaties en hun aanbod). Namen die na normaliseren gelijk zijn, worden
samengevoegd; namen die alleen op elkaar lijken, worden getoond met een sleutel voor --samenvoegen.`,
  options: {
    blad: { type: 'string' },
    overslaan: { type: 'boolean' },
    'nieuwe-waarden': { type: 'string' },
    waarde: { type: 'string' },
    samenvoegen: { type: 'string' },
    opnieuw: { type: 'boolean' },
  },
  run: async ({ io, flags, service, withProject, projectPath, importFile, printIssues }) => {
    const path = projectPath();
    const file = await importFile();
    const nieuw = flags.get('nieuwe-waarden');
    if (nieuw !== undefined && nieuw !== 'toevoegen' && nieuw !== 'negeren') {
      throw new AppException('cli.waarde-ongeldig', { optie: '--nieuwe-waarden', waarden: 'toevoegen, negeren' });
    }
    const waarden: Record<string, WaardeKeuze> = {};
    const waardeFlag = flags.get('waarde');
    if (typeof waardeFlag === 'string') {
      for (const part of waardeFlag.split(';').filter((p) => p.trim())) {
        const m = /^\s*([a-z_]+)\s*:\s*(.+?)\s*=\s*(\S+)\s*$/.exec(part);
        if (!m) throw new AppException('cli.waarde-keuze-ongeldig', { waarde: part });
        waarden[`${m[1]}|${normaliseWaarde(m[2]!)}`] = { code: m[3]! };
      }
    }
    const samenvoegen = flags.get('samenvoegen');
    const options: PartnersImportOptions = {
      ...(typeof flags.get('blad') === 'string' ? { blad: String(flags.get('blad')) } : {}),
      waarden,
      samenvoegen: typeof samenvoegen === 'string' ? samenvoegen.split(',').map((x) => x.trim()) : [],
      foutenOverslaan: flags.has('overslaan'),
      opnieuw: flags.has('opnieuw'),
    };
    await withProject(path, async () => {
      let preview = unwrap(await service.previewPartnersImport(file, options));
      if (nieuw && preview.onbekend.some((o) => o.keuze === null)) {
        for (const o of preview.onbekend.filter((x) => x.keuze === null))
          waarden[waardeKey(o.taxonomie, o.waarde)] = nieuw;
        preview = unwrap(await service.previewPartnersImport(file, options));
      }
      printIssues(preview.problemen);
      for (const o of preview.onbekend.filter((x) => x.keuze === null)) {
        io.stderr(
          `Onbekende waarde: ${o.taxonomie} ‘${o.waarde}’ (${o.aantal}×)${o.voorstel ? `, bedoel je ${o.voorstel}? --waarde "${o.taxonomie}:${o.waarde}=${o.voorstel}"` : ''}\n`,
        );
      }
      for (const d of preview.dubbelen.filter((x) => x.zekerheid === 'mogelijk')) {
        io.stdout(
          `Mogelijk dezelfde organisatie: ${d.namen.join(' ↔ ')} (${d.redenen.join(', ')}). Samenvoegen: --samenvoegen "${d.sleutel}"\n`,
        );
      }
      const outcome = unwrap(await service.importPartners(file, options)).result;
      io.stdout(
        `Partnerlijst ${file.name} geïmporteerd: ${outcome.organisaties} nieuwe organisaties, ` +
          `${outcome.voorzieningen} nieuwe voorzieningen, ${outcome.bijgewerkt} bijgewerkt, ` +
          `${outcome.samengevoegd} namen samengevoegd, ${outcome.overgeslagen} rijen overgeslagen.\n`,
      );
      return true;
    });
    return 0;
  },
};

export const importRelatiesCommand: Command = {
  name: 'import relaties',
  help: `import P.wijkweb relaties BESTAND [--overslaan] [--naam "naam in bestand=organisatie:12"] [--opnieuw]
Importeert verwijzingen (van, naar, aantal, periode, soort). Onbekende namen worden getoond, nooit verzonnen.`,
  options: { overslaan: { type: 'boolean' }, naam: { type: 'string' }, opnieuw: { type: 'boolean' } },
  run: async ({ io, flags, service, withProject, projectPath, importFile, printIssues }) => {
    const path = projectPath();
    const file = await importFile();
    const namen: Record<string, string> = {};
    const naamFlag = flags.get('naam');
    if (typeof naamFlag === 'string') {
      for (const part of naamFlag.split(';').filter((p) => p.trim())) {
        const m = /^(.+?)=\s*(organisatie|voorziening):(\d+)\s*$/.exec(part);
        if (!m) throw new AppException('cli.naam-keuze-ongeldig', { waarde: part });
        namen[m[1]!.trim()] = `${m[2]}:${m[3]}`;
      }
    }
    const options = { namen, foutenOverslaan: flags.has('overslaan'), opnieuw: flags.has('opnieuw') };
    await withProject(path, async () => {
      const preview = unwrap(await service.previewRelatiesImport(file, options));
      printIssues(preview.problemen);
      for (const n of preview.namen.filter((x) => !x.gevonden)) {
        const opties = n.kandidaten.map((k) => `${k.naam} (${k.soort}:${k.id})`).join(', ');
        io.stderr(`Onbekende naam: ‘${n.naam}’ (${n.aantal}×)${opties ? `; lijkt op ${opties}` : ''}\n`);
      }
      const outcome = unwrap(await service.importRelaties(file, options)).result;
      io.stdout(
        `Verwijzingen ${file.name} geïmporteerd: ${outcome.relaties} nieuwe relaties, ${outcome.bijgewerkt} bijgewerkt, ` +
          `${outcome.volumes} aantallen per periode, ${outcome.overgeslagen} rijen overgeslagen.\n`,
      );
      return true;
    });
    return 0;
  },
};

export const importPostcodesCommand: Command = {
  name: 'import postcodes',
  help: `import P.wijkweb postcodes BESTAND
Importeert de CBS-tabel ‘buurt, wijk en gemeente per postcode’ (PC6 → buurt) als naslag.`,
  options: {},
  run: async ({ io, service, withProject, projectPath, importFile, printIssues }) => {
    const path = projectPath();
    const file = await importFile();
    await withProject(path, async () => {
      const outcome = unwrap(await service.importPostcodes(file)).result;
      printIssues(outcome.problemen);
      if (outcome.overgeslagen > outcome.problemen.length) {
        io.stderr(`In totaal ${outcome.overgeslagen} rijen overgeslagen.\n`);
      }
      io.stdout(
        `Postcodetabel ${file.name} geïmporteerd: ${outcome.postcodes} postcodes; ${outcome.gekoppeld} organisaties en ` +
          `voorzieningen kregen een buurt.${outcome.onbekendeBuurten ? ` ${outcome.onbekendeBuurten} buurtcodes uit de tabel zijn (nog) niet in het project.` : ''}\n`,
      );
      return true;
    });
    return 0;
  },
};

export const importGeoCommand: Command = {
  name: 'import geo',
  help: `import P.wijkweb geo BESTAND [--jaar 2023] [--opnieuw]
Importeert de wijk- en buurtkaart van CBS (GeoPackage, GeoJSON of TopoJSON) als vlakken voor de kaart.`,
  options: { jaar: { type: 'string' }, opnieuw: { type: 'boolean' } },
  run: async ({ io, flags, service, withProject, projectPath, importFile, printIssues }) => {
    const path = projectPath();
    const file = await importFile();
    const jaar = jaarFlag(flags);
    const options = { ...(jaar !== undefined ? { jaar } : {}), opnieuw: flags.has('opnieuw') };
    await withProject(path, async () => {
      const preview = unwrap(await service.previewGeoImport(file, options));
      printIssues(preview.problemen);
      const outcome = unwrap(await service.importGeo(file, options)).result;
      io.stdout(
        `Kaart ${file.name} (${preview.formaat}, ${preview.crs}) geïmporteerd: ${outcome.vlakken} vlakken` +
          `${outcome.nieuw ? `, ${outcome.nieuw} gebieden toegevoegd (${preview.jaar})` : ''}.\n`,
      );
      return true;
    });
    return 0;
  },
};
