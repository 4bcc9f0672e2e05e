/**
 * Kerncijfers: the CBS key figures of the chosen gebieden next to the gemeente's, with a few of them as key figures.
 */
import type { ProjectDb } from '../../db/connection';
import { gebiedProfiel, type GebiedProfiel } from '../../db/repos/gebieden';
import type { CelWaarde, Kerngetal } from '../model';
import { beschermTabel, type PrivacyInstellingen } from '../privacy';
import type { Woorden } from '../tekst';
import { cbsLabel } from './gedeeld';
import type { Sectie, SectieInhoud, Selectie } from './types';

function kerncijfers(
  db: ProjectDb,
  sel: Selectie,
  profielen: readonly GebiedProfiel[],
  p: PrivacyInstellingen,
  w: Woorden,
): SectieInhoud {
  if (!profielen.length) {
    return {
      alineas: [w.t('kern.geenCbs')],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const eerste = profielen[0]!;
  const sleutels: { sleutel: string; label: string; eenheid: string | null }[] = [];
  const gezien = new Set<string>();
  for (const prof of profielen) {
    for (const r of [...prof.rijen.filter((x) => x.canoniek), ...prof.afgeleid]) {
      if (gezien.has(r.sleutel)) continue;
      gezien.add(r.sleutel);
      sleutels.push({ sleutel: r.sleutel, label: cbsLabel(w, r.sleutel, r.label), eenheid: r.eenheid });
    }
  }
  const waarde = (prof: GebiedProfiel, sleutel: string) =>
    [...prof.rijen, ...prof.afgeleid].find((r) => r.sleutel === sleutel);
  // The gemeente figures: from a buurt or wijk profile (an eigen gebied's own profile has none).
  const metGemeente =
    profielen.find((prof) => prof.gemeente !== null) ??
    (() => {
      const buurt = [...sel.buurten][0];
      return buurt && sel.jaar !== null ? gebiedProfiel(db, buurt, sel.jaar) : null;
    })() ??
    eerste;
  const gemeente = metGemeente.gemeente ?? eerste.gemeente;
  const rijen: CelWaarde[][] = sleutels.map((s) => [
    s.label,
    ...profielen.map((prof) => {
      const r = waarde(prof, s.sleutel);
      if (!r) return null;
      return r.status === 'geheim' ? 'x' : r.waarde;
    }),
    waarde(metGemeente, s.sleutel)?.gemeente ?? null,
  ]);
  const bron = bronVanProfiel(eerste, w);
  const inw = waarde(eerste, 'inwoners');
  const kern: Kerngetal[] = [];
  if (inw?.waarde != null) {
    kern.push({
      label: w.t('kern.inwoners', { naam: eerste.gebied.naam }),
      waarde: w.getal(inw.waarde),
      toelichting: `${bron}, ${sel.jaar}`,
    });
  }
  for (const s of ['aandeel_65_plus', 'aandeel_eenpersoonshuishoudens', 'aandeel_0_14']) {
    const r = waarde(eerste, s);
    if (r?.waarde == null) continue;
    const gm = waarde(metGemeente, s)?.gemeente ?? null;
    kern.push({
      label: cbsLabel(w, r.sleutel, r.label).replace(/^% (.*)$/, (_, rest: string) =>
        w.t('kern.aandeel', { label: rest }),
      ),
      waarde: `${w.getal(r.waarde, 0)}%`,
      toelichting: gm !== null ? w.t('kern.gemeentePct', { pct: `${w.getal(gm, 0)}%` }) : undefined,
    });
  }
  return {
    alineas: [
      w.t(gemeente ? 'kern.alineaGemeente' : 'kern.alinea', {
        namen: sel.gekozen.map((g) => g.naam).join(', '),
        jaar: String(sel.jaar),
        gemeente: gemeente?.naam ?? '',
      }),
    ],
    kerngetallen: kern,
    tabellen: [
      beschermTabel(
        {
          id: w.t('kern.tabelId'),
          titel: w.t('kern.tabelTitel', { jaar: String(sel.jaar) }),
          kolommen: [
            { titel: w.t('kern.kenmerk'), soort: 'tekst' },
            ...profielen.map((prof) => ({ titel: prof.gebied.naam, soort: 'getal' as const, decimalen: 1 })),
            {
              titel: gemeente ? w.t('kern.gemeenteNaam', { naam: gemeente.naam }) : w.t('kern.gemeente'),
              soort: 'getal',
              decimalen: 1,
            },
          ],
          rijen,
          bron,
          peildatum: String(sel.jaar),
          voetnoot: w.t('kern.voetnoot'),
        },
        p,
      ),
    ],
  };
}

function bronVanProfiel(prof: GebiedProfiel, w: Woorden): string {
  const r = prof.rijen[0];
  return `${w.t('bron.cbsKerncijfers')}${r?.bron.bestandsnaam ? ` (${r.bron.bestandsnaam})` : ''}`;
}

export const kerncijfersSectie: Sectie<'kerncijfers'> = {
  id: 'kerncijfers',
  title: (w) => w.t('sectie.kerncijfers'),
  build: (c) => kerncijfers(c.db, c.sel, c.profielen(), c.p, c.w),
};
