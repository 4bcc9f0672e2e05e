/**
 * Meldingen en toewijzingen: the Cognos counts of the selection's buurten per measure, the last four moments, summed
 * without counting anything twice.
 */
import { MONITOR_MATEN } from '../../model/pilot';
import type { ProjectDb } from '../../db/connection';
import { listMetingen, type MetingRow } from '../../db/repos/metingen';
import type { CelWaarde, Kerngetal, RapportTabel } from '../model';
import { BRON_ONDERDRUKT, beschermTabel, GEHEIM, totaalVeilig, type PrivacyInstellingen } from '../privacy';
import type { Woorden } from '../tekst';
import { maatLabel, opIn } from './gedeeld';
import type { Sectie, SectieInhoud, Selectie } from './types';

/** A row's label: the meldingstype, the product, or wet + level. */
function metingLabel(r: MetingRow, w: Woorden): string {
  if (r.meldingstype) return r.meldingstype;
  if (r.product) return r.product;
  return (
    [r.wet, r.ondersteuningsbehoefte !== null ? `OB${r.ondersteuningsbehoefte}` : null].filter(Boolean).join(' ') ||
    w.t('totaal')
  );
}
const wanneer = (r: MetingRow) => r.peildatum ?? `${r.periodeStart}/${r.periodeEind}`;

/**
 * The rows that make up a count without counting anything twice: per gebied, moment, wet and level the product's own
 * row; without it its sub-levels (1A, 1B); without those the rows per vorm.
 */
export function zonderDubbeleTelling<T extends MetingRow>(rows: readonly T[]): T[] {
  const key = (r: T) =>
    `${r.gebiedCode}\u0000${r.maat}\u0000${wanneer(r)}\u0000${r.wet}\u0000${r.ondersteuningsbehoefte}`;
  const niveau = (r: T) => (r.subniveau === null && r.vorm === null ? 0 : r.vorm === null ? 1 : 2);
  const best = new Map<string, number>();
  for (const r of rows) best.set(key(r), Math.min(best.get(key(r)) ?? 2, niveau(r)));
  return rows.filter((r) => niveau(r) === best.get(key(r)));
}

function metingen(
  db: ProjectDb,
  sel: Selectie,
  peildatum: string,
  p: PrivacyInstellingen,
  inwoners: number | null,
  w: Woorden,
): SectieInhoud {
  // The Pilotmonitor's measures (afhandeling, kosten, tevredenheid) are no demand counts: amounts and scores must not
  // be summed or hidden as small counts here; the Pilotmonitor shows them.
  const rows = [...sel.buurten]
    .flatMap((b) => listMetingen(db, { gebiedCode: b }).rijen)
    .filter((r) => !(MONITOR_MATEN as readonly string[]).includes(r.maat));
  const tot = zonderDubbeleTelling(rows.filter((r) => (r.peildatum ?? r.periodeEind ?? '') <= peildatum));
  if (!tot.length) {
    return {
      alineas: [w.t('met.geen')],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const tabellen: RapportTabel[] = [];
  const kern: Kerngetal[] = [];
  const alineas: string[] = [];
  for (const maat of [...new Set(tot.map((r) => r.maat))].sort()) {
    let onvolledig = false;
    const lijst = tot.filter((r) => r.maat === maat);
    const momenten = [...new Set(lijst.map(wanneer))].sort().slice(-4);
    const labels = [...new Set(lijst.map((r) => metingLabel(r, w)))];
    // Per label and moment: the sum over the buurten, and the buurten's own counts (the Metingen export shows them).
    const som = new Map<string, { n: number; onderdrukt: boolean; delen: number[] }>();
    for (const r of lijst) {
      const k = `${metingLabel(r, w)}\u0000${wanneer(r)}`;
      const cur = som.get(k) ?? { n: 0, onderdrukt: false, delen: [] };
      if (r.onderdrukt || r.waarde === null) cur.onderdrukt = true;
      else {
        cur.n += r.waarde;
        cur.delen.push(r.waarde);
      }
      som.set(k, cur);
    }
    const cel = (label: string, m: string): CelWaarde => {
      const c = som.get(`${label}\u0000${m}`);
      if (!c) return null;
      if (c.onderdrukt) {
        onvolledig = true;
        // Suppressed at the source: "<5" alone, or "at least" what is known.
        return c.n === 0 ? BRON_ONDERDRUKT : `≥ ${w.getal(c.n)}`;
      }
      // A sum over buurten that would give a small buurt count away is hidden.
      return c.delen.length > 1 && !totaalVeilig(c.n, c.delen, p) ? GEHEIM : c.n;
    };
    const rijen: CelWaarde[][] = labels.map((l) => [l, ...momenten.map((m) => cel(l, m))]);
    const totalen = momenten.map((m) =>
      labels.reduce((t, l) => {
        const c = som.get(`${l}\u0000${m}`);
        return t + (c ? c.n : 0);
      }, 0),
    );
    const laatste = totalen[totalen.length - 1] ?? 0;
    const per1000 = inwoners ? (laatste / inwoners) * 1000 : null;
    rijen.push([w.t('totaal'), ...totalen]);
    const bronnen = [...new Set(lijst.map((r) => r.bron))].join(', ');
    const beschermd = beschermTabel(
      {
        id: maatLabel(w, maat),
        titel: w.t(lijst.some((r) => r.meldingstype) ? 'met.tabelSoortMelding' : 'met.tabelProduct', {
          maat: maatLabel(w, maat),
        }),
        kolommen: [
          { titel: w.t('kolom.soort'), soort: 'tekst' },
          ...momenten.map((m) => ({ titel: w.wanneer(m), soort: 'aantal' as const })),
        ],
        rijen,
        totaalRij: true,
        bron: `Cognos (${bronnen})`,
        peildatum: w.wanneer(momenten[momenten.length - 1]!),
        voetnoot: onvolledig ? w.t('met.voetnoot') : undefined,
      },
      p,
    );
    tabellen.push(beschermd);
    // Key figures and sentences only use totals the table itself shows.
    const totaalRij = beschermd.rijen[beschermd.rijen.length - 1]!;
    const getoond = (i: number) => {
      const v = totaalRij[i + 1];
      return typeof v === 'number' ? v : null;
    };
    const nu = getoond(momenten.length - 1);
    const vorige = momenten.length > 1 ? getoond(momenten.length - 2) : null;
    const toon = (i: number) => (getoond(i) === null ? String(totaalRij[i + 1] ?? '') : w.getal(getoond(i)!));
    kern.push({
      label: `${maatLabel(w, maat)}, ${w.wanneer(momenten[momenten.length - 1]!)}`,
      waarde: toon(momenten.length - 1),
      toelichting:
        [
          momenten.length > 1 ? w.t('met.vorigeKeer', { waarde: toon(momenten.length - 2) }) : null,
          per1000 !== null && nu !== null ? w.t('met.per1000', { waarde: w.getal(per1000, 1) }) : null,
        ]
          .filter(Boolean)
          .join('; ') || undefined,
    });
    if (nu !== null && vorige !== null && laatste === nu) {
      const verschil = nu - vorige;
      alineas.push(
        w.t(verschil === 0 ? 'met.gelijk' : verschil > 0 ? 'met.meer' : 'met.minder', {
          maat: maatLabel(w, maat),
          n: w.getal(nu),
          wanneer: opIn(w, momenten[momenten.length - 1]!),
          verschil: w.getal(Math.abs(verschil)),
          vorige: opIn(w, momenten[momenten.length - 2]!),
        }),
      );
    }
  }
  return { alineas, kerngetallen: kern, tabellen };
}

export const metingenSectie: Sectie<'metingen'> = {
  id: 'metingen',
  title: (w) => w.t('sectie.metingen'),
  build: (c) => metingen(c.db, c.sel, c.peildatum, c.p, c.inwoners(), c.w),
};
