import type { ProjectDb } from '../connection';
import { MONITOR_MATEN } from '../../model/pilot';
import type { HiatenGebied, HiatenInput, HiatenInstellingen, HiatenMeting } from '../../analysis/hiaten';
import { STANDAARD_INSTELLINGEN, vulInstellingenAan } from '../../analysis/hiaten';
import { listVoorzieningen } from './sociale-kaart';
import { datumEn, datumNl, wanneerEn, wanneerNl } from '../../report/format';

const NODIG = ['inwoners', 'leeftijd_0_14', 'leeftijd_65_plus', 'huishoudens', 'eenpersoonshuishoudens'];

interface MetingRij {
  id: number;
  code: string;
  wet: string | null;
  ob: number | null;
  vorm: string | null;
  subniveau: string | null;
  product: string | null;
  meldingstype: string | null;
  waarde: number | null;
  onderdrukt: number;
  uitgesloten: number;
  peildatum: string | null;
  start: string | null;
  eind: string | null;
  bron: string | null;
}

/** The moments (peildatum, or end of a periode) that Cognos counts in the project have, newest first. */
export function listHiatenMomenten(db: ProjectDb): string[] {
  return db
    .all<{ tot: string }>(
      `SELECT DISTINCT coalesce(peildatum, periode_eind) AS tot FROM meting
       WHERE coalesce(peildatum, periode_eind) IS NOT NULL AND maat NOT IN (${MONITOR_MATEN.map(() => '?').join(', ')})
       ORDER BY tot DESC`,
      [...MONITOR_MATEN],
    )
    .map((r) => r.tot);
}

/**
 * What the gap analysis needs, read from the project: the buurten of a year with their CBS figures, the gemeenten
 * with theirs, for every measure the Cognos counts of ONE moment (the newest peildatum, or the newest periode,
 * on or before the chosen date), the voorzieningen and the leefgebieden.
 */
export function loadHiatenInput(
  db: ProjectDb,
  instellingen: HiatenInstellingen,
  jaar?: number,
  /** The peildatum (ISO): per measure the newest moment on or before it; absent = the newest there is. */
  totEnMet?: string,
  /** The language of `periode` (the moments in words). */
  taal: 'nl' | 'en' = 'nl',
): HiatenInput & { jaar: number | null; peildatum: string | null } {
  const jaren = db
    .all<{ jaar: number }>(
      `SELECT DISTINCT jaar FROM gebied WHERE niveau = 'buurt' AND jaar IS NOT NULL ORDER BY jaar DESC`,
    )
    .map((r) => r.jaar);
  const chosen = jaar !== undefined && jaren.includes(jaar) ? jaar : (jaren[0] ?? null);
  const keys = new Set([
    ...NODIG,
    ...instellingen.signalen.flatMap((s) => [s.teller, s.noemer, s.waarde].filter((k): k is string => !!k)),
  ]);
  const gebieden: HiatenGebied[] = [];
  const gemeenten: HiatenGebied[] = [];
  if (chosen !== null) {
    const cijfers = new Map<string, Record<string, number>>();
    const marks = [...keys].map(() => '?').join(',');
    for (const r of db.all<{ code: string; sleutel: string; waarde: number }>(
      `SELECT g.code, i.sleutel, w.waarde FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id
       JOIN indicator i ON i.id = w.indicator_id
       WHERE g.jaar = ? AND g.niveau IN ('buurt', 'gemeente') AND w.status = 0 AND i.sleutel IN (${marks})
       ORDER BY w.jaar`,
      [chosen, ...keys],
    )) {
      (cijfers.get(r.code) ?? cijfers.set(r.code, {}).get(r.code)!)[r.sleutel] = r.waarde;
    }
    for (const g of db.all<{ code: string; naam: string; wijk: string | null }>(
      `SELECT g.code, g.naam, o.code AS wijk FROM gebied g LEFT JOIN gebied o ON o.id = g.ouder_id
       WHERE g.jaar = ? AND g.niveau = 'buurt' ORDER BY g.code`,
      [chosen],
    )) {
      gebieden.push({ code: g.code, naam: g.naam, wijkCode: g.wijk, cijfers: cijfers.get(g.code) ?? {} });
    }
    for (const g of db.all<{ code: string; naam: string }>(
      `SELECT code, naam FROM gebied WHERE jaar = ? AND niveau = 'gemeente' ORDER BY code`,
      [chosen],
    )) {
      gemeenten.push({
        code: g.code,
        naam: g.naam,
        wijkCode: null,
        gemeenteCode: g.code,
        cijfers: cijfers.get(g.code) ?? {},
      });
    }
  }
  // Per measure ONE moment: the newest peildatum or periode end on or before the chosen date, and the one before
  // it (for the plausibility check). Counts of other moments never add up.
  const perMaat = db.all<{ maat: string; tot: string }>(
    `SELECT DISTINCT maat, coalesce(peildatum, periode_eind) AS tot FROM meting
     WHERE (? IS NULL OR coalesce(peildatum, periode_eind) <= ?) AND maat NOT IN (${MONITOR_MATEN.map(() => '?').join(', ')})
     ORDER BY maat, tot DESC`,
    [totEnMet ?? null, totEnMet ?? null, ...MONITOR_MATEN],
  );
  const momenten = new Map<string, string[]>();
  for (const { maat, tot } of perMaat) {
    const list = momenten.get(maat) ?? [];
    if (list.length < 2) list.push(tot);
    momenten.set(maat, list);
  }
  const metingen: HiatenMeting[] = [];
  const perioden: string[] = [];
  const rijenOp = (maat: string, tot: string) =>
    db.all<MetingRij>(
      `SELECT m.id, g.code, m.wet, m.ondersteuningsbehoefte AS ob, m.vorm, m.subniveau, m.product, m.meldingstype,
              m.waarde, m.onderdrukt, m.uitgesloten, m.peildatum, m.periode_start AS start, m.periode_eind AS eind,
              b.bestandsnaam AS bron
       FROM meting m JOIN gebied g ON g.id = m.gebied_id JOIN bron b ON b.id = m.bron_id
       WHERE m.maat = ? AND coalesce(m.peildatum, m.periode_eind) = ?`,
      [maat, tot],
    );
  const sleutel = (r: MetingRij) =>
    [r.code, r.wet, r.ob, r.subniveau, r.vorm, r.product, r.meldingstype].join('\u0000');
  for (const [maat, [tot, vorigTot]] of momenten) {
    if (!tot) continue;
    const rows = rijenOp(maat, tot);
    const vorige = new Map<string, number>();
    if (vorigTot) {
      for (const r of rijenOp(maat, vorigTot)) if (r.waarde !== null && !r.onderdrukt) vorige.set(sleutel(r), r.waarde);
    }
    // Sub-levels (1A, 1B) and vorm (individueel, groep) are parts of a product's count: when the product's own
    // count is there too, they are details (counted only by a rule that asks for a vorm).
    const productKey = (r: MetingRij) => `${r.code}\u0000${r.wet}\u0000${r.ob}`;
    const producten = new Set(rows.filter((r) => r.subniveau === null && r.vorm === null).map(productKey));
    for (const r of rows) {
      metingen.push({
        id: r.id,
        detail: (r.subniveau !== null || r.vorm !== null) && producten.has(productKey(r)),
        gebied: r.code,
        maat,
        wet: r.wet,
        ondersteuningsbehoefte: r.ob,
        vorm: r.vorm,
        product: r.product ?? r.meldingstype,
        waarde: r.waarde,
        onderdrukt: r.onderdrukt === 1,
        uitgesloten: r.uitgesloten === 1,
        moment: r.peildatum
          ? { soort: 'peildatum', tot: r.peildatum }
          : { soort: 'periode', tot: r.eind ?? tot, van: r.start },
        bron: r.bron,
        vorige: vorige.get(sleutel(r)) ?? null,
      });
    }
    const r0 = rows[0];
    if (r0)
      perioden.push(
        taal === 'en'
          ? r0.peildatum
            ? `reference date ${datumEn(r0.peildatum)}`
            : wanneerEn(`${r0.start}/${tot}`)
          : r0.peildatum
            ? `peildatum ${datumNl(r0.peildatum)}`
            : wanneerNl(`${r0.start}/${tot}`),
      );
  }
  const leefgebieden = db.all<{ code: string; label: string }>(
    `SELECT code, label FROM taxonomie_item WHERE taxonomie = 'leefgebied' ORDER BY volgorde, code`,
  );
  const doelgroepLabels = Object.fromEntries(
    db
      .all<{ code: string; label: string }>(`SELECT code, label FROM taxonomie_item WHERE taxonomie = 'doelgroep'`)
      .map((r) => [r.code, r.label]),
  );
  const voorzieningen = listVoorzieningen(db)
    .filter((v) => v.status !== 'gestopt')
    .map((v) => ({
      id: v.id,
      naam: v.naam,
      organisatie: v.organisatieNaam,
      collectief: v.collectief,
      vrijToegankelijk: v.vrijToegankelijk,
      status: v.status,
      leefgebieden: v.leefgebieden,
      doelgroepen: v.doelgroepen,
      werkgebied: v.werkgebied,
      locatie: v.locatieBuurtCode,
    }));
  return {
    jaar: chosen,
    peildatum: totEnMet ?? null,
    cbsJaar: chosen,
    gebieden,
    gemeenten,
    metingen,
    voorzieningen,
    leefgebieden,
    doelgroepLabels,
    periode: [...new Set(perioden)].join('; ') || null,
  };
}

export function loadHiatenInstellingen(db: ProjectDb): HiatenInstellingen {
  const raw = db.value(`SELECT waarde FROM instelling WHERE sleutel = 'hiaten'`);
  return typeof raw === 'string'
    ? vulInstellingenAan(JSON.parse(raw) as Partial<HiatenInstellingen>)
    : STANDAARD_INSTELLINGEN;
}

export function saveHiatenInstellingen(db: ProjectDb, instellingen: HiatenInstellingen): void {
  db.run(
    `INSERT INTO instelling (sleutel, waarde) VALUES ('hiaten', ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde`,
    [JSON.stringify(instellingen)],
  );
}

/** Leaves one Cognos count out of the gap analysis, or takes it back in. False when there is no such count. */
export function setMetingUitgesloten(db: ProjectDb, id: number, uitgesloten: boolean): boolean {
  if (db.value(`SELECT count(*) FROM meting WHERE id = ?`, [id]) !== 1) return false;
  db.run(`UPDATE meting SET uitgesloten = ? WHERE id = ?`, [uitgesloten ? 1 : 0, id]);
  return true;
}
