import type { ProjectDb } from '../connection';

export interface MetingRow {
  readonly id: number;
  readonly gebiedCode: string;
  readonly gebiedNaam: string;
  readonly maat: string;
  readonly peildatum: string | null;
  readonly periodeStart: string | null;
  readonly periodeEind: string | null;
  readonly wet: string | null;
  readonly product: string | null;
  readonly ondersteuningsbehoefte: number | null;
  readonly subniveau: string | null;
  readonly vorm: string | null;
  readonly meldingstype: string | null;
  /** Maat `afhandeling`: the code of the taxonomy afhandeling and its label (what happened with the aanmeldingen). */
  readonly afhandeling: string | null;
  readonly afhandelingLabel: string | null;
  readonly waarde: number | null;
  readonly onderdrukt: boolean;
  /** Per 1,000 inhabitants of the gebied (CBS, the newest year not after the measurement); null without figures. */
  readonly per1000: number | null;
  readonly inwonersJaar: number | null;
  readonly bron: string;
}

export interface MetingFilter {
  readonly gebiedCode?: string;
  readonly maat?: string;
}

export interface MetingenOverzicht {
  readonly rijen: readonly MetingRow[];
  readonly gebieden: readonly { readonly code: string; readonly naam: string }[];
  readonly maten: readonly string[];
  /** Per measure and gebied: the total per peildatum/periode in time order, for a small trend chart. */
  readonly trends: readonly {
    readonly maat: string;
    readonly gebiedCode: string;
    readonly punten: readonly { readonly wanneer: string; readonly totaal: number; readonly onvolledig: boolean }[];
  }[];
}

export function listMetingen(db: ProjectDb, filter: MetingFilter = {}): MetingenOverzicht {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.gebiedCode) {
    where.push('g.code = ?');
    params.push(filter.gebiedCode);
  }
  if (filter.maat) {
    where.push('m.maat = ?');
    params.push(filter.maat);
  }
  const rows = db.all<{
    id: number;
    code: string;
    naam: string;
    maat: string;
    peildatum: string | null;
    periode_start: string | null;
    periode_eind: string | null;
    wet: string | null;
    product: string | null;
    ondersteuningsbehoefte: number | null;
    subniveau: string | null;
    vorm: string | null;
    meldingstype: string | null;
    afhandeling: string | null;
    afhandeling_label: string | null;
    waarde: number | null;
    onderdrukt: number;
    bron: string;
  }>(
    `SELECT m.id, g.code, g.naam, m.maat, m.peildatum, m.periode_start, m.periode_eind, m.wet, m.product,
            m.ondersteuningsbehoefte, m.subniveau, m.vorm, m.meldingstype, m.afhandeling,
            (SELECT t.label FROM taxonomie_item t WHERE t.taxonomie = 'afhandeling' AND t.code = m.afhandeling)
              AS afhandeling_label,
            m.waarde, m.onderdrukt, coalesce(b.bestandsnaam, b.soort) AS bron
     FROM meting m JOIN gebied g ON g.id = m.gebied_id JOIN bron b ON b.id = m.bron_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY g.code, m.maat, coalesce(m.peildatum, m.periode_start), m.id`,
    params,
  );
  // Inhabitants per code and year (CBS), to relate each count to the newest year not after it.
  const inwoners = new Map<string, { jaar: number; waarde: number }[]>();
  for (const r of db.all<{ code: string; jaar: number; waarde: number }>(
    `SELECT g.code, w.jaar, w.waarde FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id
     JOIN indicator i ON i.id = w.indicator_id WHERE i.sleutel = 'inwoners' AND w.status = 0`,
  )) {
    inwoners.set(r.code, [...(inwoners.get(r.code) ?? []), { jaar: r.jaar, waarde: r.waarde }]);
  }
  const rijen: MetingRow[] = rows.map((r) => {
    const year = Number((r.peildatum ?? r.periode_start ?? '9999').slice(0, 4));
    const candidates = (inwoners.get(r.code) ?? []).filter((x) => x.jaar <= year).sort((a, b) => b.jaar - a.jaar);
    const base = candidates[0] ?? (inwoners.get(r.code) ?? []).sort((a, b) => a.jaar - b.jaar)[0];
    return {
      id: r.id,
      gebiedCode: r.code,
      gebiedNaam: r.naam,
      maat: r.maat,
      peildatum: r.peildatum,
      periodeStart: r.periode_start,
      periodeEind: r.periode_eind,
      wet: r.wet,
      product: r.product,
      ondersteuningsbehoefte: r.ondersteuningsbehoefte,
      subniveau: r.subniveau,
      vorm: r.vorm,
      meldingstype: r.meldingstype,
      afhandeling: r.afhandeling,
      afhandelingLabel: r.afhandeling_label ?? r.afhandeling,
      waarde: r.waarde,
      onderdrukt: r.onderdrukt === 1,
      per1000: r.waarde !== null && base && base.waarde > 0 ? (r.waarde / base.waarde) * 1000 : null,
      inwonersJaar: base?.jaar ?? null,
      bron: r.bron,
    };
  });
  // Trend: per measure and gebied, the sum of the rows without sub-level detail per moment.
  const trendMap = new Map<string, Map<string, { totaal: number; onvolledig: boolean }>>();
  for (const r of rijen) {
    if (r.subniveau !== null || r.vorm !== null) continue;
    const key = `${r.maat}\u0000${r.gebiedCode}`;
    const when = r.peildatum ?? `${r.periodeStart}/${r.periodeEind}`;
    const points = trendMap.get(key) ?? new Map<string, { totaal: number; onvolledig: boolean }>();
    const p = points.get(when) ?? { totaal: 0, onvolledig: false };
    if (r.waarde === null) p.onvolledig = true;
    else p.totaal += r.waarde;
    points.set(when, p);
    trendMap.set(key, points);
  }
  const trends = [...trendMap].map(([key, points]) => {
    const [maat = '', gebiedCode = ''] = key.split('\u0000');
    return {
      maat,
      gebiedCode,
      punten: [...points].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([wanneer, p]) => ({ wanneer, ...p })),
    };
  });
  const alle = db.all<{ code: string; naam: string; maat: string }>(
    'SELECT DISTINCT g.code, g.naam, m.maat FROM meting m JOIN gebied g ON g.id = m.gebied_id ORDER BY g.naam',
  );
  return {
    rijen,
    gebieden: [...new Map(alle.map((a) => [a.code, { code: a.code, naam: a.naam }])).values()],
    maten: [...new Set(alle.map((a) => a.maat))].sort(),
    trends,
  };
}
