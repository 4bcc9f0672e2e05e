import type { ProjectDb } from '../connection';
import type { ExportTableName, TableData } from '../../contract';
import { NETWERK_COLUMNS, netwerkTable } from '../../analysis/export';
import { loadNetwerk } from './netwerk';
import { berekenHiaten } from '../../analysis/hiaten';
import { loadHiatenInput, loadHiatenInstellingen } from './hiaten';
import { loadPrivacy } from './privacy';
import {
  beschermGroepen,
  BRON_ONDERDRUKT,
  GEHEIM,
  isAantalMaat,
  isKlein,
  kleinLabel,
  type PrivacyInstellingen,
} from '../../report/privacy';
import type { CelWaarde } from '../../report/model';
import { buildPilotMonitor, standaardPeildatum } from './pilot';
import { waardeKlein } from '../../report/pilot';
import type { DoelWaarde } from '../../analysis/pilot';

/** The documented columns of `export P hiaten` (README "Exporttabellen"). */
export const HIATEN_COLUMNS = [
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
] as const;

function hiatenTable(db: ProjectDb, peildatum?: string): TableData {
  const instellingen = loadHiatenInstellingen(db);
  const p = loadPrivacy(db);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  // Small counts leave the machine as "<5"; a demand from which one could be worked out (a sum with one small part
  // in it) is hidden ("x") with what is computed from it (per 1,000, index). The gemeente reference is the gemeente's
  // own total or a figure the user entered: nothing of a buurt can be worked out from it. Severity and sentence stay.
  const input = loadHiatenInput(db, instellingen, undefined, peildatum);
  const cellen = berekenHiaten(input, instellingen, { drempel: p.aan ? p.drempel : null });
  const moment = (c: (typeof cellen)[number]) =>
    [
      ...new Set(
        c.delen
          .filter((d) => d.moment)
          .map((d) => (d.moment!.soort === 'peildatum' ? d.moment!.tot : `${d.moment!.van ?? ''}/${d.moment!.tot}`)),
      ),
    ].join('; ') || null;
  return {
    columns: HIATEN_COLUMNS,
    rows: cellen.map((c) => {
      const weg = c.afgeschermd;
      return [
        c.gebiedCode,
        c.gebiedNaam,
        c.leefgebied,
        c.doelgroep,
        c.ernst,
        c.vraag !== null && isKlein(c.vraag, p) ? kleinLabel(p) : weg ? GEHEIM : c.vraag,
        weg ? GEHEIM : round(c.vraagPer1000),
        round(c.gemeentePer1000),
        c.aanbodCollectief.length,
        c.aanbodGepland.length,
        c.toelichting,
        weg ? GEHEIM : round(c.index),
        weg ? GEHEIM : c.kwartiel,
        c.onderdrukt ? 1 : 0,
        c.basis.join('+') || null,
        c.referentie,
        moment(c),
        c.controleer ? 1 : 0,
      ];
    }),
  };
}

/** The documented columns of `export P doelen` (README "Exporttabellen"). */
export const DOELEN_COLUMNS = [
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
] as const;

/** The documented columns of `export P afhandeling`. */
export const AFHANDELING_COLUMNS = ['gebied', 'periode_start', 'periode_eind', 'categorie', 'aantal', 'bron'] as const;

/**
 * The pilot's goals at one peildatum (default the newest data of the monitor): per goal its baseline, its value now,
 * its status and since when. A baseline or value of aanmeldingen or toewijzingen that would show a small count (also
 * behind a figure per year) leaves as "<5"; amounts, scores and shares are not counts.
 */
function doelenTable(db: ProjectDb, peildatum: string | undefined, vandaag: string): TableData {
  const p = loadPrivacy(db);
  const m = buildPilotMonitor(db, peildatum ?? standaardPeildatum(db, vandaag) ?? vandaag, 'nl');
  const getal = (e: (typeof m.doelen)[number], v: DoelWaarde | null) =>
    v === null ? null : waardeKlein(e, v, p) ? kleinLabel(p) : Math.round(v.waarde * 1000) / 1000;
  const periode = (v: DoelWaarde | null) => (v === null ? null : v.van ? `${v.van}/${v.tot}` : v.tot || null);
  return {
    columns: DOELEN_COLUMNS,
    rows: m.doelen.map((e) => [
      e.doel.naam,
      e.doel.criterium,
      e.doel.gebied,
      e.doel.maat,
      getal(e, e.basis),
      periode(e.basis),
      e.doel.doelWaarde,
      e.doel.deadline,
      getal(e, e.huidig),
      periode(e.huidig),
      m.peildatum,
      e.status,
      e.sinds,
      [
        ...new Set([
          ...(e.basis?.ingevoerd ? ['ingevoerd bij het doel'] : []),
          ...(e.basis?.bronnen ?? []),
          ...(e.huidig?.bronnen ?? []),
        ]),
      ].join('; ') || null,
    ]),
  };
}

/** The afhandeling counts as stored, per gebied, period and category; small ones (and those hidden at the source) as "<5". */
function afhandelingTable(db: ProjectDb): TableData {
  const p = loadPrivacy(db);
  const rows = db.all<{
    gebied: string;
    van: string | null;
    tot: string | null;
    categorie: string | null;
    waarde: number | null;
    onderdrukt: number;
    bron: string;
  }>(
    `SELECT g.code AS gebied, m.periode_start AS van, coalesce(m.periode_eind, m.peildatum) AS tot,
            m.afhandeling AS categorie, m.waarde, m.onderdrukt, coalesce(b.bestandsnaam, b.omschrijving, b.soort) AS bron
     FROM meting m JOIN gebied g ON g.id = m.gebied_id JOIN bron b ON b.id = m.bron_id
     WHERE m.maat = 'afhandeling' AND m.uitgesloten = 0
     ORDER BY g.code, m.periode_start, m.periode_eind, m.afhandeling, m.id`,
  );
  return {
    columns: AFHANDELING_COLUMNS,
    rows: rows.map((r) => [
      r.gebied,
      r.van,
      r.tot,
      r.categorie,
      r.onderdrukt === 1 || r.waarde === null
        ? p.aan
          ? BRON_ONDERDRUKT
          : r.waarde
        : isKlein(r.waarde, p)
          ? kleinLabel(p)
          : r.waarde,
      r.bron,
    ]),
  };
}

/**
 * The documented columns of every exportable table (README "Exporttabellen"). The SQL returns exactly these
 * columns in this order; multi-valued fields are joined with "; ", periods are ISO intervals "start/eind".
 */
const EXPORTS: Readonly<
  Record<
    Exclude<ExportTableName, 'netwerk' | 'hiaten' | 'doelen' | 'afhandeling'>,
    { readonly columns: readonly string[]; readonly sql: string }
  >
> = {
  bronnen: {
    columns: [
      'id',
      'soort',
      'bestandsnaam',
      'sha256',
      'geimporteerd_op',
      'rijen_gelezen',
      'rijen_geimporteerd',
      'rijen_overgeslagen',
    ],
    sql: `SELECT id, soort, bestandsnaam, sha256, geimporteerd_op, rijen_gelezen, rijen_geimporteerd, rijen_overgeslagen
          FROM bron ORDER BY id`,
  },
  gebieden: {
    columns: ['code', 'naam', 'niveau', 'ouder_code', 'jaar'],
    sql: `SELECT g.code, g.naam, g.niveau, o.code, g.jaar FROM gebied g LEFT JOIN gebied o ON o.id = g.ouder_id
          ORDER BY g.jaar, CASE g.niveau WHEN 'land' THEN 0 WHEN 'gemeente' THEN 1 WHEN 'wijk' THEN 2
          WHEN 'buurt' THEN 3 ELSE 4 END, g.code`,
  },
  indicatoren: {
    columns: ['gebied_code', 'jaar', 'indicator', 'waarde'],
    sql: `SELECT g.code, w.jaar, i.sleutel, w.waarde FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id
          JOIN indicator i ON i.id = w.indicator_id ORDER BY g.code, w.jaar, i.sleutel`,
  },
  metingen: {
    columns: [
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
    sql: `SELECT g.code, g.naam, m.peildatum, m.periode_start, m.periode_eind, m.maat, m.wet, m.ondersteuningsbehoefte,
                 m.subniveau, m.vorm, m.meldingstype, m.waarde, m.onderdrukt, coalesce(b.bestandsnaam, b.soort),
                 m.afhandeling
          FROM meting m JOIN gebied g ON g.id = m.gebied_id JOIN bron b ON b.id = m.bron_id
          ORDER BY g.code, coalesce(m.peildatum, m.periode_start), m.maat, m.id`,
  },
  organisaties: {
    columns: [
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
    sql: `SELECT o.id, o.naam, o.soort, o.postcode, g.code, o.adres, o.plaats, o.website, o.telefoon, o.email, o.notities
          FROM organisatie o LEFT JOIN gebied g ON g.id = o.gebied_id ORDER BY o.id`,
  },
  voorzieningen: {
    columns: [
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
    sql: `SELECT v.id, v.naam, v.organisatie_id, v.collectief, v.vrij_toegankelijk,
            (SELECT group_concat(leefgebied, '; ') FROM (SELECT leefgebied FROM voorziening_leefgebied
               WHERE voorziening_id = v.id ORDER BY leefgebied)),
            (SELECT group_concat(doelgroep, '; ') FROM (SELECT doelgroep FROM voorziening_doelgroep
               WHERE voorziening_id = v.id ORDER BY doelgroep)),
            v.status,
            (SELECT group_concat(code, '; ') FROM (SELECT g.code FROM voorziening_werkgebied w
               JOIN gebied g ON g.id = w.gebied_id WHERE w.voorziening_id = v.id ORDER BY g.code)),
            o.naam, v.preventieniveau, v.startdatum, v.einddatum, v.adres, v.postcode, v.capaciteit, v.kosten,
            v.contact, v.notities
          FROM voorziening v LEFT JOIN organisatie o ON o.id = v.organisatie_id ORDER BY v.id`,
  },
  relaties: {
    columns: [
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
    sql: `SELECT r.id,
            coalesce(r.van_organisatie_id, r.van_voorziening_id), coalesce(vo.naam, vv.naam),
            coalesce(r.naar_organisatie_id, r.naar_voorziening_id), coalesce(no.naam, nv.naam),
            r.soort, rv.aantal, CASE WHEN rv.periode_start IS NULL THEN NULL ELSE rv.periode_start || '/' || rv.periode_eind END,
            CASE WHEN r.van_organisatie_id IS NOT NULL THEN 'organisatie' ELSE 'voorziening' END,
            CASE WHEN r.naar_organisatie_id IS NOT NULL THEN 'organisatie' ELSE 'voorziening' END
          FROM relatie r
          LEFT JOIN organisatie vo ON vo.id = r.van_organisatie_id LEFT JOIN voorziening vv ON vv.id = r.van_voorziening_id
          LEFT JOIN organisatie no ON no.id = r.naar_organisatie_id LEFT JOIN voorziening nv ON nv.id = r.naar_voorziening_id
          LEFT JOIN relatie_volume rv ON rv.relatie_id = r.id
          ORDER BY r.id, rv.periode_start`,
  },
  taxonomieen: {
    columns: ['taxonomie', 'code', 'label', 'omschrijving', 'volgorde'],
    sql: `SELECT taxonomie, code, label, omschrijving, volgorde FROM taxonomie_item ORDER BY taxonomie, volgorde, code`,
  },
};

export function exportColumns(name: ExportTableName): readonly string[] {
  if (name === 'doelen') return DOELEN_COLUMNS;
  if (name === 'afhandeling') return AFHANDELING_COLUMNS;
  return name === 'netwerk' ? NETWERK_COLUMNS : name === 'hiaten' ? HIATEN_COLUMNS : EXPORTS[name].columns;
}

/**
 * Cognos counts are about people: small ones leave the machine as "<5" (those suppressed at the source keep their
 * own "<5"), and where a product's row and its sub-levels (or a level and its rows per vorm) are all listed, one
 * more is hidden ("x") when a small one could be recovered by subtraction. Amounts (kosten) and scores
 * (tevredenheid) are no counts: they leave as they are.
 */
function beschermMetingen(columns: readonly string[], rows: (string | number | null)[][], p: PrivacyInstellingen) {
  if (!p.aan) return;
  const col = (c: string) => columns.indexOf(c);
  const [w, o, sub, vorm, maat] = [col('waarde'), col('onderdrukt'), col('subniveau'), col('vorm'), col('maat')];
  const telt = (r: (string | number | null)[]) => isAantalMaat(String(r[maat] ?? ''));
  const waarden: CelWaarde[] = rows.map((r) => {
    const v = r[w] ?? null;
    if (!telt(r)) return v;
    if (r[o] === 1) return BRON_ONDERDRUKT;
    return typeof v === 'number' && isKlein(v, p) ? kleinLabel(p) : v;
  });
  const sleutel = (r: (string | number | null)[]) =>
    [
      'gebied_code',
      'maat',
      'peildatum',
      'periode_start',
      'periode_eind',
      'wet',
      'ondersteuningsbehoefte',
      'meldingstype',
      'afhandeling',
    ]
      .map((c) => String(r[col(c)] ?? ''))
      .join('\u0000');
  // Per product: its own row, its sub-level rows, its rows per vorm; per sub-level: its own row and rows per vorm.
  type Groep = { totaal: number; sub: number[]; vorm: number[] };
  const groepen = new Map<string, Groep>();
  const groep = (k: string) => groepen.get(k) ?? groepen.set(k, { totaal: -1, sub: [], vorm: [] }).get(k)!;
  rows.forEach((r, i) => {
    if (!telt(r)) return;
    const k = sleutel(r);
    const s = r[sub] ?? null;
    const v = r[vorm] ?? null;
    if (s === null && v === null) groep(k).totaal = i;
    else if (s === null) groep(k).vorm.push(i);
    else if (v === null) {
      groep(k).sub.push(i);
      groep(`${k}\u0000${s}`).totaal = i;
    } else groep(`${k}\u0000${s}`).vorm.push(i);
  });
  const lijnen = [...groepen.values()]
    .filter((g) => g.totaal >= 0)
    .map((g) => ({ totaal: g.totaal, delen: g.sub.length ? g.sub : g.vorm }))
    .filter((g) => g.delen.length > 0);
  beschermGroepen(waarden, lijnen, p);
  rows.forEach((r, i) => {
    r[w] = waarden[i] ?? null;
  });
}

/** A table of the project as stored; `netwerk` is computed (the metrics of the whole network). */
export function exportTable(
  db: ProjectDb,
  name: ExportTableName,
  opties: { peildatum?: string; exacteAantallen?: boolean; vandaag?: string } = {},
): TableData {
  if (name === 'netwerk') return netwerkTable(loadNetwerk(db));
  if (name === 'hiaten') return hiatenTable(db, opties.peildatum);
  // The pilot's tables follow the small-count rule always (they are not working files to import back).
  if (name === 'doelen')
    return doelenTable(db, opties.peildatum, opties.vandaag ?? new Date().toISOString().slice(0, 10));
  if (name === 'afhandeling') return afhandelingTable(db);
  const def = EXPORTS[name];
  const stmt = db.raw.prepare(def.sql);
  const rows: (string | number | null)[][] = [];
  try {
    while (stmt.step()) rows.push(stmt.get().map((v) => (v instanceof Uint8Array ? null : v)));
  } finally {
    stmt.free();
  }
  if (name === 'metingen') beschermMetingen(def.columns, rows, loadPrivacy(db));
  // Referral counts of 1–4 leave the machine as "<5", like every other count; only a working file for the team
  // (exported on purpose, to edit and import back) keeps them exact.
  if (name === 'relaties' && !opties.exacteAantallen) {
    const p = loadPrivacy(db);
    const k = def.columns.indexOf('aantal');
    for (const r of rows) {
      const v = r[k];
      if (typeof v === 'number' && isKlein(v, p)) r[k] = kleinLabel(p);
    }
  }
  return { columns: def.columns, rows };
}
