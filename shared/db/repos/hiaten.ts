import type { ProjectDb } from '../connection';
import type { HiatenGebied, HiatenInput, HiatenInstellingen, HiatenMeting } from '../../analysis/hiaten';
import { STANDAARD_INSTELLINGEN } from '../../analysis/hiaten';
import { listVoorzieningen } from './sociale-kaart';
import { datumNl, wanneerNl } from '../../report/format';

const NODIG = ['inwoners', 'leeftijd_0_14', 'leeftijd_65_plus', 'huishoudens', 'eenpersoonshuishoudens'];

/**
 * What the gap analysis needs, read from the project: the buurten of a year with their CBS figures, the newest
 * Cognos counts per maat (one peildatum or period), the voorzieningen and the leefgebieden.
 */
export function loadHiatenInput(
  db: ProjectDb,
  instellingen: HiatenInstellingen,
  jaar?: number,
  /** Only counts up to this date (ISO): the state at a stuurgroep moment. */
  totEnMet?: string,
): HiatenInput & { jaar: number | null } {
  const jaren = db
    .all<{ jaar: number }>(
      `SELECT DISTINCT jaar FROM gebied WHERE niveau = 'buurt' AND jaar IS NOT NULL ORDER BY jaar DESC`,
    )
    .map((r) => r.jaar);
  const chosen = jaar !== undefined && jaren.includes(jaar) ? jaar : (jaren[0] ?? null);
  const keys = new Set([...NODIG, ...instellingen.signalen.flatMap((s) => [s.teller, s.noemer])]);
  const gebieden: HiatenGebied[] = [];
  let gemeente: HiatenGebied | null = null;
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
    // One gemeente in the year: its own figures are the reference.
    const gms = db.all<{ code: string; naam: string }>(
      `SELECT code, naam FROM gebied WHERE jaar = ? AND niveau = 'gemeente' ORDER BY code`,
      [chosen],
    );
    if (gms.length === 1)
      gemeente = { code: gms[0]!.code, naam: gms[0]!.naam, wijkCode: null, cijfers: cijfers.get(gms[0]!.code) ?? {} };
  }
  // The newest count per maat: one peildatum, or one period.
  const laatste = db.all<{ maat: string; tot: string }>(
    `SELECT maat, max(coalesce(peildatum, periode_eind)) AS tot FROM meting
     WHERE ? IS NULL OR coalesce(peildatum, periode_eind) <= ? GROUP BY maat`,
    [totEnMet ?? null, totEnMet ?? null],
  );
  const metingen: HiatenMeting[] = [];
  const perioden: string[] = [];
  for (const { maat, tot } of laatste) {
    const rows = db.all<{
      code: string;
      wet: string | null;
      ob: number | null;
      vorm: string | null;
      subniveau: string | null;
      product: string | null;
      waarde: number | null;
      onderdrukt: number;
      peildatum: string | null;
      start: string | null;
    }>(
      `SELECT g.code, m.wet, m.ondersteuningsbehoefte AS ob, m.vorm, m.subniveau, m.product, m.waarde, m.onderdrukt,
              m.peildatum, m.periode_start AS start
       FROM meting m JOIN gebied g ON g.id = m.gebied_id
       WHERE m.maat = ? AND coalesce(m.peildatum, m.periode_eind) = ?`,
      [maat, tot],
    );
    // Sub-levels (1A, 1B) and vorm (individueel, groep) are parts of a product's count: when the product's own
    // count is there too, they are details (counted only by a rule that asks for a vorm).
    const productKey = (r: (typeof rows)[number]) => `${r.code}\u0000${r.wet}\u0000${r.ob}`;
    const producten = new Set(rows.filter((r) => r.subniveau === null && r.vorm === null).map(productKey));
    for (const r of rows) {
      metingen.push({
        detail: (r.subniveau !== null || r.vorm !== null) && producten.has(productKey(r)),
        gebied: r.code,
        maat,
        wet: r.wet,
        ondersteuningsbehoefte: r.ob,
        vorm: r.vorm,
        product: r.product,
        waarde: r.waarde,
        onderdrukt: r.onderdrukt === 1,
      });
    }
    const r0 = rows[0];
    if (r0) perioden.push(r0.peildatum ? `peildatum ${datumNl(r0.peildatum)}` : wanneerNl(`${r0.start}/${tot}`));
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
    gebieden,
    gemeente,
    metingen,
    voorzieningen,
    leefgebieden,
    doelgroepLabels,
    periode: [...new Set(perioden)].join(', ') || null,
  };
}

export function loadHiatenInstellingen(db: ProjectDb): HiatenInstellingen {
  const raw = db.value(`SELECT waarde FROM instelling WHERE sleutel = 'hiaten'`);
  return typeof raw === 'string' ? (JSON.parse(raw) as HiatenInstellingen) : STANDAARD_INSTELLINGEN;
}

export function saveHiatenInstellingen(db: ProjectDb, instellingen: HiatenInstellingen): void {
  db.run(
    `INSERT INTO instelling (sleutel, waarde) VALUES ('hiaten', ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde`,
    [JSON.stringify(instellingen)],
  );
}
