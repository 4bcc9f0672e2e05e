/**
 * Builds the stuurgroep report and the snapshot of "now" from the project: resolves the selection, the moments to
 * compare and the privacy rule, and has each section of the registry (`sections/index.ts`) build its part in turn.
 * Every count is protected on the way out (privacy.ts): what this module returns may leave the machine. The
 * presentation's slides are built in `presentatie.ts`.
 */
import type { ProjectDb } from '../db/connection';
import { AppException } from '../result';
import type { NetwerkData } from '../analysis/types';
import { analyseNetwerk } from '../analysis/analyse';
import { listBronnen } from '../db/repos/overview';
import { listOrganisaties, listRelaties, listVoorzieningen } from '../db/repos/sociale-kaart';
import { isDatum, snapshotOp, snapshotVoor } from '../db/repos/snapshots';
import { loadPrivacy } from '../db/repos/privacy';
import type { Rapport, RapportOpties, RapportSectie } from './model';
import type { PrivacyInstellingen } from './privacy';
import { maakSnapshotInhoud, type SnapshotInhoud } from './snapshot';
import { datumNl } from './format';
import { woorden } from './tekst';
import { selectie } from './selectie';
import { hiatenCellen, netwerkFilter, profielenVan } from './sections/gedeeld';
import { SECTIE_REGISTER, sectie, type SectieContext } from './sections';

export { bouwPresentatie } from './presentatie';

/** The sociale kaart, the network's key figures and the gaps as they are now. */
export function huidigeSnapshot(
  db: ProjectDb,
  netwerk: NetwerkData,
  /** The network's key figures (the whole analysis); a comparison of "now" with a snapshot does not need them. */
  metKengetallen = true,
): SnapshotInhoud {
  const kengetallen =
    metKengetallen && netwerk.knopen.length ? analyseNetwerk(netwerk, netwerkFilter(null)).netwerk : null;
  return maakSnapshotInhoud({
    organisaties: listOrganisaties(db),
    voorzieningen: listVoorzieningen(db),
    relaties: listRelaties(db),
    kengetallen,
    hiaten: hiatenCellen(db, null, null, null).cellen,
  });
}

/** The glossary of the report; what it says of small counts follows the project's rule. */
export function leeswijzer(p: PrivacyInstellingen, taal: 'nl' | 'en' = 'nl'): { term: string; uitleg: string }[] {
  const w = woorden(taal);
  const term = (key: string) => ({ term: w.t(`lw.${key}.term`), uitleg: w.t(`lw.${key}.uitleg`) });
  return [
    term('peildatum'),
    term('per1000'),
    {
      term: w.t('lw.klein.term', { drempel: p.drempel }),
      uitleg: p.aan ? w.t('lw.klein.aan', { drempel: p.drempel }) : w.t('lw.klein.uit'),
    },
    ...['hiaat', 'index', 'collectief', 'dichtheid', 'tussenpositie', 'losseDelen', 'verwijsbalans', 'scenario'].map(
      term,
    ),
  ];
}

export interface RapportContext {
  readonly db: ProjectDb;
  readonly netwerk: NetwerkData;
  /** ISO timestamp of now. */
  readonly now: string;
}

/** Computed once, when first asked. */
function eenmaal<T>(f: () => T): () => T {
  let klaar = false;
  let waarde: T;
  return () => {
    if (!klaar) {
      waarde = f();
      klaar = true;
    }
    return waarde;
  };
}

/** The whole report, protected. */
export function bouwRapport(ctx: RapportContext, opties: RapportOpties): Rapport {
  const { db, netwerk: data } = ctx;
  if (!isDatum(opties.peildatum)) throw new AppException('invoer.ongeldig', { veld: 'peildatum', code: 'datum' });
  if (opties.vergelijkMet && !isDatum(opties.vergelijkMet))
    throw new AppException('invoer.ongeldig', { veld: 'vergelijkMet', code: 'datum' });
  if (opties.vergelijkMet && opties.vergelijkMet >= opties.peildatum)
    throw new AppException('rapport.vergelijk-niet-eerder', {
      vergelijk: datumNl(opties.vergelijkMet),
      peildatum: datumNl(opties.peildatum),
    });
  const p = loadPrivacy(db);
  const w = woorden(opties.taal === 'en' ? 'en' : 'nl');
  const sel = selectie(db, opties.gebieden, opties.peildatum);
  // In the asked order; by default all, in the registry's.
  const alle = SECTIE_REGISTER.map((s) => s.id);
  const secties = (opties.secties?.length ? opties.secties : alle).filter((s) => alle.includes(s));
  // The state at the peildatum: its snapshot if there is one, else the project now.
  const vast = snapshotOp(db, opties.peildatum);
  const vergelijk =
    opties.vergelijkMet === null
      ? null
      : opties.vergelijkMet
        ? snapshotOp(db, opties.vergelijkMet)
        : snapshotVoor(db, opties.peildatum);
  if (opties.vergelijkMet && !vergelijk)
    throw new AppException('rapport.geen-snapshot', { peildatum: datumNl(opties.vergelijkMet) });

  const profielen = eenmaal(() => profielenVan(db, sel));
  const context: SectieContext = {
    db,
    netwerk: data,
    now: ctx.now,
    opties,
    peildatum: opties.peildatum,
    sel,
    p,
    w,
    profielen,
    // Per 1,000 inwoners only for one gebied.
    inwoners: () => {
      const eerste = sel.gekozen.length === 1 ? profielen()[0] : undefined;
      return eerste ? ([...eerste.rijen].find((r) => r.sleutel === 'inwoners')?.waarde ?? null) : null;
    },
    hiaten: eenmaal(() => hiatenCellen(db, sel.jaar, opties.peildatum, p, w)),
    vast,
    vergelijk,
    // Only the comparison needs the state of now, and it needs no network figures: the preview stays quick.
    nu: () => vast?.inhoud ?? huidigeSnapshot(db, data, false),
  };

  const gemaakt: RapportSectie[] = [];
  for (const id of secties) {
    const s = sectie(id);
    const inhoud = s.build(context);
    if (inhoud) gemaakt.push({ soort: id, titel: s.title(w), ...inhoud });
  }
  const namen = sel.gekozen.map((g) => g.naam).join(', ');
  return {
    titel: opties.titel?.trim() || w.t('titel', { namen }),
    ondertitel:
      w.t('ondertitel', { datum: w.datum(opties.peildatum) }) +
      (vergelijk
        ? ` ${w.t('vergelekenMet', { naam: vergelijk.info.naam, datum: w.datum(vergelijk.info.peildatum) })}`
        : ''),
    taal: w.taal,
    gebieden: sel.gekozen,
    peildatum: opties.peildatum,
    vergelijkMet: vergelijk?.info.peildatum ?? null,
    gemaaktOp: ctx.now.slice(0, 10),
    privacy: p,
    leeswijzer: leeswijzer(p, w.taal),
    secties: gemaakt,
    bronnen: listBronnen(db).map((b) => ({
      soort: b.soort,
      // The file name only: a path could name a person's folder.
      naam: (b.bestandsnaam ?? b.soort).split(/[\\/]/).pop() ?? b.soort,
      geimporteerdOp: b.geimporteerdOp.slice(0, 10),
    })),
  };
}
