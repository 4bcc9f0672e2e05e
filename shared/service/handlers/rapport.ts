/** Stuurgroep: the report (data and xlsx), the snapshots, the privacy threshold and the presentation. */
import type {
  Changed,
  Dia,
  PresentatieOpties,
  PrivacyInstellingen,
  Rapport,
  RapportOpties,
  SnapshotInfo,
} from '../../contract';
import * as snapshots from '../../db/repos/snapshots';
import { loadPrivacy, savePrivacy as savePrivacyRow } from '../../db/repos/privacy';
import { bouwPresentatie, bouwRapport, huidigeSnapshot } from '../../report/build';
import { privacySchema } from '../../report/privacy';
import { rapportXlsx } from '../../report/xlsx';
import { fail, type Result } from '../../result';
import { guard, mutate, mutating, netwerk, ongeldig, reading, requireDb, type ServiceContext } from '../app';

/** The stuurgroep report as data (small counts already protected), with its plates as SVG. */
export const getRapport = reading((ctx, opties: RapportOpties): Rapport =>
  bouwRapport({ db: requireDb(ctx), netwerk: netwerk(ctx), now: ctx.now() }, opties),
);

/** The same report as an xlsx workbook: one sheet per table, typed cells, frozen header rows. */
export const exportRapportXlsx = reading((ctx, opties: RapportOpties): Uint8Array =>
  rapportXlsx(bouwRapport({ db: requireDb(ctx), netwerk: netwerk(ctx), now: ctx.now() }, opties)),
);

export const listSnapshots = reading((ctx): SnapshotInfo[] => snapshots.listSnapshots(requireDb(ctx)));

/** Freezes the sociale kaart, network and gaps as they are now, under a stuurgroep date. One undo step. */
export async function createSnapshot(
  ctx: ServiceContext,
  naam: string,
  peildatum: string,
): Promise<Result<Changed<SnapshotInfo>>> {
  if (ctx.importing) return fail('import.al-bezig');
  // Made before the transaction (the analysis only reads), then written as one undo step.
  const inhoud = guard(() => huidigeSnapshot(requireDb(ctx), netwerk(ctx)));
  if (!inhoud.ok) return inhoud;
  return mutate(ctx, `Stuurgroepmoment ‘${naam.trim()}’ vastgelegd`, (d, tijd): SnapshotInfo =>
    snapshots.insertSnapshot(d, naam, peildatum, inhoud.value, tijd),
  );
}

export const deleteSnapshot = mutating('Stuurgroepmoment verwijderd', (d, _tijd, id: number): number =>
  snapshots.deleteSnapshot(d, id),
);

export const getPrivacy = reading((ctx): PrivacyInstellingen => loadPrivacy(requireDb(ctx)));

export async function savePrivacy(
  ctx: ServiceContext,
  instellingen: PrivacyInstellingen,
): Promise<Result<Changed<PrivacyInstellingen>>> {
  const parsed = privacySchema.safeParse(instellingen);
  if (!parsed.success) return ongeldig(parsed.error);
  return mutate(ctx, 'Privacy-instelling gewijzigd', (d): PrivacyInstellingen => {
    savePrivacyRow(d, parsed.data);
    return loadPrivacy(d);
  });
}

/**
 * Slides for presentation mode: a title slide, then the saved views (netwerk, kaart, hiaten) with their title and
 * note, as plates. With the report's selection (gebieden, peildatum) the title slide and the map, gap and default
 * network slides are of that selection; without it, of the whole project today.
 */
export async function getPresentatie(ctx: ServiceContext, opties?: PresentatieOpties | null): Promise<Result<Dia[]>> {
  if (
    opties &&
    (!Array.isArray(opties.gebieden) ||
      !opties.gebieden.every((g) => typeof g === 'string') ||
      typeof opties.peildatum !== 'string')
  )
    return fail('invoer.ongeldig', { veld: 'gebieden', code: 'ongeldig' });
  // Only what the presentation needs of the report's options.
  const keuze = opties
    ? {
        gebieden: opties.gebieden,
        peildatum: opties.peildatum,
        taal: opties.taal === 'en' ? ('en' as const) : ('nl' as const),
      }
    : null;
  return guard(() => bouwPresentatie({ db: requireDb(ctx), netwerk: netwerk(ctx), now: ctx.now() }, keuze));
}
