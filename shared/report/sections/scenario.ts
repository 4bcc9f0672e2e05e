/**
 * Scenario: the saved (or standard) scenario's amounts per year for the selection's buurten, when no small count
 * can be worked out from them.
 */
import type { ProjectDb } from '../../db/connection';
import { AppException } from '../../result';
import {
  berekenScenario,
  EENVOUDIGE_REGELS,
  scenarioRijen,
  STANDAARD_SCENARIO,
  type ScenarioParameters,
  type ScenarioRegelUitkomst,
} from '../../analysis/scenario';
import { loadHiatenInput, loadHiatenInstellingen } from '../../db/repos/hiaten';
import { listScenarios } from '../../db/repos/scenarios';
import { beschermTabel, isKlein, kleinLabel, totaalVeilig, type PrivacyInstellingen } from '../privacy';
import type { Woorden } from '../tekst';
import type { Sectie, SectieInhoud, Selectie } from './types';

function scenarioInhoud(
  db: ProjectDb,
  sel: Selectie,
  scenarioId: number | null | undefined,
  totEnMet: string,
  p: PrivacyInstellingen,
  w: Woorden,
): SectieInhoud {
  const opgeslagen = listScenarios(db);
  const gekozen = scenarioId != null ? opgeslagen.find((s) => s.id === scenarioId) : opgeslagen[0];
  if (scenarioId != null && !gekozen)
    throw new AppException('item.niet-gevonden', { soort: 'scenario', id: scenarioId });
  const params: ScenarioParameters = { ...(gekozen?.parameters ?? STANDAARD_SCENARIO), gebieden: [...sel.buurten] };
  const instellingen = loadHiatenInstellingen(db);
  const u = berekenScenario(loadHiatenInput(db, instellingen, sel.jaar ?? undefined, totEnMet), params);
  const naam = gekozen?.naam ?? w.t('sc.standaard');
  if (u.indicaties === 0) {
    return {
      alineas: [w.t('sc.geen', { naam })],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const vol = u.perJaar.find((j) => j.opbouw >= 1) ?? u.perJaar[u.perJaar.length - 1];
  const geld = w.geld;
  // Every amount from counts is the number of indications times a known share and tariff: when a line's number is
  // small, or products of different tariffs would give a small count away, or the lines' numbers would give one
  // away next to the total, none of it is shown.
  const uitTellingen = u.regels.filter((r) => r.indicaties !== null);
  const perTarief = (r: (typeof uitTellingen)[number]) => {
    const m = new Map<number, number>();
    for (const x of r.producten) m.set(x.tarief, (m.get(x.tarief) ?? 0) + x.aantal);
    return m.size > 1 ? [...m.values()] : [];
  };
  if (
    !uitTellingen.every((r) => r.indicaties === 0 || totaalVeilig(r.indicaties!, perTarief(r), p)) ||
    !totaalVeilig(
      u.indicaties,
      uitTellingen.map((r) => r.indicaties!),
      p,
    )
  ) {
    return {
      alineas: [w.t('sc.teKlein', { naam })],
      kerngetallen: [],
      tabellen: [],
    };
  }
  const eigenRegels = !!params.regels?.length;
  const rijen = scenarioRijen(u, w.taal);
  return {
    alineas: [
      eigenRegels
        ? w.t('sc.eigenRegels', { naam, n: u.regels.length, pct: w.pct(params.verschuiving) })
        : w.t('sc.alinea', {
            naam,
            pct: w.pct(params.verschuiving),
            jaren: params.opbouw.length,
            inzet: w.pct(params.vervangendeInzet),
          }),
      params.toelichting ?? '',
      u.onderdrukt ? w.t('sc.onderdrukt') : '',
    ].filter(Boolean),
    kerngetallen: [
      {
        label: w.t('sc.indicaties'),
        waarde: isKlein(u.indicaties, p) ? kleinLabel(p) : w.getal(u.indicaties),
      },
      ...(vol
        ? [
            {
              label: w.t('sc.rendement', { jaar: vol.jaar }),
              waarde: geld(vol.rendement),
              toelichting: w.t('sc.rendementUitleg'),
            },
          ]
        : []),
    ],
    tabellen: [
      beschermTabel(
        {
          id: w.t('sc.tabelId'),
          titel: w.t('sc.tabel', { naam }),
          kolommen: [
            { titel: w.t('sc.regel'), soort: 'tekst' },
            ...u.jaren.map((j) => ({ titel: String(j), soort: 'geld' as const })),
          ],
          rijen: rijen.map((r) => {
            // The simple case's two lines are Wijkweb's, not the user's: their names in the report's language.
            const label =
              !eigenRegels && w.taal === 'en' && r.sleutel === EENVOUDIGE_REGELS.besparing
                ? w.t('sc.besparingMaatwerk')
                : !eigenRegels && w.taal === 'en' && r.sleutel === EENVOUDIGE_REGELS.vervangend
                  ? w.t('sc.vervangendeInzet')
                  : r.label;
            return [r.soort === 'rendement' ? label.toUpperCase() : label, ...r.bedragen];
          }),
          bron: w.t('sc.bron'),
          peildatum: w.datum(totEnMet),
          voetnoot: eigenRegels
            ? u.regels.map((r) => `${r.naam}: ${r.toelichting ?? regelUitleg(r, w)}`).join(' ')
            : w.t('sc.tarief', {
                tarief: geld(params.standaardTarief),
                opbouw: u.perJaar.map((j) => `${j.jaar} ${w.pct(j.opbouw)}`).join(', '),
              }),
        },
        p,
      ),
    ],
  };
}

/** One line's sum in words, for a line without the user's own explanation. */
function regelUitleg(r: ScenarioRegelUitkomst, w: Woorden): string {
  const opbouw = r.opbouw.map((f) => w.pct(f)).join(', ');
  const bedrag = w.geld(r.volledigJaar);
  if (r.bron === 'indicaties')
    return w.t('sc.uitlegIndicaties', {
      n: w.getal(r.indicaties ?? 0),
      pct: w.pct(r.verschuiving ?? 0),
      bedrag,
      opbouw,
    });
  if (r.bron === 'aandeel') return w.t('sc.uitlegAandeel', { bedrag, opbouw });
  return w.t('sc.uitlegIngevoerd', { bedrag, opbouw });
}

export const scenarioSectie: Sectie<'scenario'> = {
  id: 'scenario',
  title: (w) => w.t('sectie.scenario'),
  build: (c) => scenarioInhoud(c.db, c.sel, c.opties.scenarioId, c.peildatum, c.p, c.w),
};
