import type { ProjectDb } from '../db/connection';
import { AppException } from '../result';
import { EENVOUDIGE_COLLECTIES } from './collecties';
import { deleteTaxonomieItem, hasTaxonomieItem, listTaxonomieItems, saveTaxonomieItem } from '../db/repos/taxonomies';
import type { EntiteitSoort, OrganisatieInput, RelatieInput, VoorzieningInput } from '../model/sociale-kaart';
import {
  deleteItems,
  listOrganisaties,
  listRelaties,
  listVoorzieningen,
  saveOrganisatie,
  saveRelatie,
  saveVoorziening,
} from '../db/repos/sociale-kaart';
import {
  bronManifest,
  idsZonderSleutel,
  listMeldingen,
  koppelId,
  lokaalId,
  ontkoppelId,
  opruimenIds,
  sleutelVan,
  vervangMeldingen,
  type SyncMeldingRij,
} from '../db/repos/sync';
import {
  COLLECTIE,
  isVerwijderd,
  knoopTekst,
  leegDocument,
  leesKnoop,
  leesLijst,
  leesVolumes,
  lijstTekst,
  SOORTEN,
  VELDEN,
  VERWIJDERD,
  waardeVan,
  itemsVan,
  bronKey,
  collectieVan,
  EENVOUDIGE_SOORTEN,
  leesTaxonomieSleutel,
  taxonomieSleutel,
  veldenVan,
  type DocItem,
  type TeamSoort,
  type IdSoort,
  type TeamDoc,
  type Veld,
  type Waarde,
} from './model';

/**
 * The document → SQLite projection, and the project → document first share. Pure: Automerge is not imported here;
 * the caller gives the document as a plain object (an Automerge document reads as one) and, for the review list,
 * a function that returns every concurrent value of a field (Automerge's `getConflicts`).
 */

export type Gewijzigd = Record<TeamSoort, Set<string>>;

export const nietsGewijzigd = (): Gewijzigd => ({
  organisatie: new Set(),
  voorziening: new Set(),
  relatie: new Set(),
  taxonomie: new Set(),
  doel: new Set(),
  scenario: new Set(),
});

/** Every value a field holds now: one normally, more after concurrent edits (winner first). */
export type AlleWaarden = (soort: TeamSoort, sleutel: string, veld: string) => readonly Veld[];

export interface ProjectieUitkomst {
  readonly bijgewerkt: number;
  readonly verwijderd: number;
  readonly meldingen: number;
}

// ---------------------------------------------------------------- document item → repo input

const tekst = (item: DocItem, veld: string): string | null => {
  const w = waardeVan(item, veld);
  return typeof w === 'string' ? w : w === null ? null : String(w);
};
const bool = (item: DocItem, veld: string, standaard: boolean): boolean => {
  const w = waardeVan(item, veld);
  return typeof w === 'boolean' ? w : standaard;
};

export function organisatieInput(item: DocItem): OrganisatieInput {
  const v: Record<string, string | null> = {};
  for (const veld of Object.keys(VELDEN.organisatie)) v[veld] = tekst(item, veld);
  return { ...v, naam: v.naam ?? '' } as OrganisatieInput;
}

export function voorzieningInput(item: DocItem, organisatieId: number | null): VoorzieningInput {
  const cap = waardeVan(item, 'capaciteit');
  return {
    naam: tekst(item, 'naam') ?? '',
    organisatieId,
    collectief: bool(item, 'collectief', true),
    vrijToegankelijk: bool(item, 'vrijToegankelijk', true),
    preventieniveau: tekst(item, 'preventieniveau'),
    status: (tekst(item, 'status') ?? 'actief') as VoorzieningInput['status'],
    startdatum: tekst(item, 'startdatum'),
    einddatum: tekst(item, 'einddatum'),
    leefgebieden: leesLijst(waardeVan(item, 'leefgebieden')),
    doelgroepen: leesLijst(waardeVan(item, 'doelgroepen')),
    werkgebied: leesLijst(waardeVan(item, 'werkgebied')),
    locatieBuurtCode: tekst(item, 'locatieBuurtCode'),
    adres: tekst(item, 'adres'),
    postcode: tekst(item, 'postcode'),
    capaciteit: typeof cap === 'number' ? cap : null,
    kosten: tekst(item, 'kosten'),
    contact: tekst(item, 'contact'),
    notities: tekst(item, 'notities'),
  };
}

// ---------------------------------------------------------------- projection

interface Ctx {
  readonly db: ProjectDb;
  readonly doc: TeamDoc;
  readonly now: string;
  readonly meldingen: SyncMeldingRij[];
  bijgewerkt: number;
  verwijderd: number;
}

function itemNaam(doc: TeamDoc, soort: TeamSoort, sleutel: string): string {
  const item = itemsVan(doc, soort)[sleutel];
  return tekst(item ?? {}, soort === 'relatie' ? 'soort' : soort === 'taxonomie' ? 'label' : 'naam') ?? sleutel;
}

/** Saves one item through the repo in its own savepoint; a refusal (unknown code, gebied) becomes a review entry. */
function bewaar(ctx: Ctx, soort: IdSoort, sleutel: string, save: (id: number | null) => number): void {
  const id = lokaalId(ctx.db, soort, sleutel);
  try {
    ctx.db.transaction(() => {
      const nieuw = save(id);
      if (nieuw !== id) koppelId(ctx.db, soort, sleutel, nieuw);
    });
    ctx.bijgewerkt++;
  } catch (e) {
    if (!(e instanceof AppException)) throw e;
    ctx.meldingen.push({
      soort,
      sleutel,
      veld: '*',
      melding: 'niet-getoond',
      details: { naam: itemNaam(ctx.doc, soort, sleutel), code: e.appError.code, params: e.appError.params ?? {} },
    });
  }
}

function weg(ctx: Ctx, soort: EntiteitSoort, sleutel: string): void {
  const id = lokaalId(ctx.db, soort, sleutel);
  if (id === null) return;
  ctx.verwijderd += deleteItems(ctx.db, soort, [id], ctx.now);
  ontkoppelId(ctx.db, soort, sleutel);
}

/** A list value of a teammate: added, relabelled or deleted here; a refusal (a label this list already has under another
 * code, a value still in use) becomes a review entry. */
function projecteerTaxonomie(ctx: Ctx, sleutel: string): void {
  const ref = leesTaxonomieSleutel(sleutel);
  const item = itemsVan(ctx.doc, 'taxonomie')[sleutel];
  const melding = (e: AppException) =>
    ctx.meldingen.push({
      soort: 'taxonomie',
      sleutel,
      veld: '*',
      melding: 'niet-getoond',
      details: {
        naam: itemNaam(ctx.doc, 'taxonomie', sleutel),
        code: e.appError.code,
        params: e.appError.params ?? {},
      },
    });
  if (!ref) return;
  try {
    ctx.db.transaction(() => {
      const bestaat = hasTaxonomieItem(ctx.db, ref.taxonomie, ref.code);
      if (isVerwijderd(item)) {
        if (bestaat) ctx.verwijderd += deleteTaxonomieItem(ctx.db, ref.taxonomie, ref.code);
        return;
      }
      const input = { label: tekst(item!, 'label') ?? '', omschrijving: tekst(item!, 'omschrijving') };
      if (bestaat) saveTaxonomieItem(ctx.db, ref.taxonomie, ref.code, input);
      else saveTaxonomieItem(ctx.db, ref.taxonomie, null, input, ref.code);
      ctx.bijgewerkt++;
    });
  } catch (e) {
    if (!(e instanceof AppException)) throw e;
    melding(e);
  }
}

/** An end of a relation or a voorziening's organisation: its local id, or why it is not there. */
function eind(
  ctx: Ctx,
  soort: 'organisatie' | 'voorziening',
  sleutel: string,
): { id: number } | { verwijderd: Record<string, unknown> } {
  const item = ctx.doc[COLLECTIE[soort]][sleutel];
  const id = lokaalId(ctx.db, soort, sleutel);
  if (item && !isVerwijderd(item) && id !== null) return { id };
  const tomb = item?.[VERWIJDERD];
  return {
    verwijderd: {
      soort,
      sleutel,
      naam: itemNaam(ctx.doc, soort, sleutel),
      verwijderdOp: tomb?.op ?? null,
      verwijderdDoor: tomb?.door ?? null,
      ontbreekt: !item,
    },
  };
}

/**
 * Brings the SQLite tables in line with the document for the changed keys (or everything), in the caller's
 * transaction. Organisations first, then voorzieningen, then relaties (and every relation or voorziening that points
 * at a changed organisation or voorziening). A relation whose end is deleted is not drawn (nothing dangles) but stays
 * in the document and in the review list with its deleted end; restoring the end brings it back.
 */
export function projecteer(
  db: ProjectDb,
  doc: TeamDoc,
  gewijzigd: Gewijzigd | 'alles',
  now: string,
  alleWaarden: AlleWaarden = () => [],
): ProjectieUitkomst {
  const ctx: Ctx = { db, doc, now, meldingen: [], bijgewerkt: 0, verwijderd: 0 };
  const sets: Gewijzigd =
    gewijzigd === 'alles'
      ? {
          organisatie: new Set(Object.keys(doc.organisaties ?? {})),
          voorziening: new Set(Object.keys(doc.voorzieningen ?? {})),
          relatie: new Set(Object.keys(doc.relaties ?? {})),
          taxonomie: new Set(Object.keys(doc.taxonomie ?? {})),
          doel: new Set(Object.keys(doc.doelen ?? {})),
          scenario: new Set(Object.keys(doc.scenarios ?? {})),
        }
      : {
          organisatie: new Set(gewijzigd.organisatie),
          voorziening: new Set(gewijzigd.voorziening),
          relatie: new Set(gewijzigd.relatie),
          taxonomie: new Set(gewijzigd.taxonomie),
          doel: new Set(gewijzigd.doel),
          scenario: new Set(gewijzigd.scenario),
        };
  // The lists first: a teammate's item may use a value that arrives with it. Items not shown for want of a value are
  // tried again when a list changed.
  const lijstWeg: string[] = [];
  for (const k of sets.taxonomie) {
    if (isVerwijderd(itemsVan(doc, 'taxonomie')[k])) lijstWeg.push(k);
    else projecteerTaxonomie(ctx, k);
  }
  if (sets.taxonomie.size > 0)
    for (const m of listMeldingen(db))
      if (m.melding === 'niet-getoond' && m.soort !== 'taxonomie') sets[m.soort].add(m.sleutel);
  // Dependants: voorzieningen of a changed organisation, relations with a changed end.
  for (const [k, item] of Object.entries(doc.voorzieningen ?? {})) {
    const org = waardeVan(item, 'organisatie');
    if (typeof org === 'string' && sets.organisatie.has(org)) sets.voorziening.add(k);
  }
  for (const [k, item] of Object.entries(doc.relaties ?? {})) {
    for (const e of ['van', 'naar']) {
      const ref = leesKnoop(waardeVan(item, e));
      if (ref && sets[ref.soort].has(ref.sleutel)) sets.relatie.add(k);
    }
  }

  for (const k of sets.organisatie) {
    const item = doc.organisaties[k];
    if (isVerwijderd(item)) weg(ctx, 'organisatie', k);
    else bewaar(ctx, 'organisatie', k, (id) => saveOrganisatie(db, id, organisatieInput(item!), now));
  }
  opruimenIds(db);
  for (const k of sets.voorziening) {
    const item = doc.voorzieningen[k];
    if (isVerwijderd(item)) {
      weg(ctx, 'voorziening', k);
      continue;
    }
    const orgKey = waardeVan(item!, 'organisatie');
    let orgId: number | null = null;
    if (typeof orgKey === 'string') {
      const e = eind(ctx, 'organisatie', orgKey);
      if ('id' in e) orgId = e.id;
      else
        ctx.meldingen.push({
          soort: 'voorziening',
          sleutel: k,
          veld: 'organisatie',
          melding: 'verwijderd-eind',
          details: e.verwijderd,
        });
    }
    bewaar(ctx, 'voorziening', k, (id) => saveVoorziening(db, id, voorzieningInput(item!, orgId), now));
  }
  opruimenIds(db);
  for (const k of sets.relatie) {
    const item = doc.relaties[k];
    if (isVerwijderd(item)) {
      weg(ctx, 'relatie', k);
      continue;
    }
    const ends: Partial<Record<'van' | 'naar', { soort: 'organisatie' | 'voorziening'; id: number }>> = {};
    let kapot = false;
    for (const e of ['van', 'naar'] as const) {
      const ref = leesKnoop(waardeVan(item!, e));
      if (!ref) {
        kapot = true;
        continue;
      }
      const r = eind(ctx, ref.soort, ref.sleutel);
      if ('id' in r) ends[e] = { soort: ref.soort, id: r.id };
      else {
        kapot = true;
        ctx.meldingen.push({
          soort: 'relatie',
          sleutel: k,
          veld: e,
          melding: 'verwijderd-eind',
          details: r.verwijderd,
        });
      }
    }
    if (kapot) {
      weg(ctx, 'relatie', k);
      continue;
    }
    const input: RelatieInput = {
      soort: tekst(item!, 'soort') ?? '',
      van: ends.van!,
      naar: ends.naar!,
      gericht: bool(item!, 'gericht', true),
      startdatum: tekst(item!, 'startdatum'),
      einddatum: tekst(item!, 'einddatum'),
      notities: tekst(item!, 'notities'),
      volumes: leesVolumes(waardeVan(item!, 'volumes')),
    };
    bewaar(ctx, 'relatie', k, (id) => saveRelatie(db, id, input, now));
  }
  opruimenIds(db);

  // Goals and scenarios: no references, each through its own repo.
  for (const soort of EENVOUDIGE_SOORTEN) {
    const c = EENVOUDIGE_COLLECTIES[soort];
    for (const k of sets[soort]) {
      const item = itemsVan(doc, soort)[k];
      if (isVerwijderd(item)) {
        const id = lokaalId(db, soort, k);
        if (id !== null) {
          c.verwijder(db, id);
          ctx.verwijderd++;
        }
        ontkoppelId(db, soort, k);
        continue;
      }
      bewaar(ctx, soort, k, (id) => c.bewaar(db, id, itemWaarden(soort, item), now));
    }
  }
  opruimenIds(db);

  // A deleted list value last: the items that used it have gone first (a value still in use stays, and is listed).
  // One that waited for that is tried again.
  for (const m of listMeldingen(db))
    if (
      m.soort === 'taxonomie' &&
      m.melding === 'niet-getoond' &&
      !sets.taxonomie.has(m.sleutel) &&
      isVerwijderd(itemsVan(doc, 'taxonomie')[m.sleutel])
    ) {
      sets.taxonomie.add(m.sleutel);
      lijstWeg.push(m.sleutel);
    }
  for (const k of lijstWeg) projecteerTaxonomie(ctx, k);

  // Concurrent values of one field: the winner is shown, every other value is listed until someone chooses.
  const items: { soort: TeamSoort; sleutel: string }[] = [];
  for (const soort of [...SOORTEN, 'taxonomie', ...EENVOUDIGE_SOORTEN] as const) {
    for (const sleutel of sets[soort]) {
      items.push({ soort, sleutel });
      const item = itemsVan(doc, soort)[sleutel];
      if (!item) continue;
      for (const veld of [...Object.keys(veldenVan(soort)), VERWIJDERD]) {
        const waarden = alleWaarden(soort, sleutel, veld);
        if (waarden.length < 2) continue;
        ctx.meldingen.push({
          soort,
          sleutel,
          veld,
          melding: 'conflict',
          details: {
            naam: itemNaam(doc, soort, sleutel),
            waarden: waarden.map((v) => ({ w: v.w, door: v.door, op: v.op })),
          },
        });
      }
    }
  }
  vervangMeldingen(db, gewijzigd === 'alles' ? 'alles' : items, ctx.meldingen);
  return { bijgewerkt: ctx.bijgewerkt, verwijderd: ctx.verwijderd, meldingen: ctx.meldingen.length };
}

// ---------------------------------------------------------------- project → document

const veld = (w: Waarde, door: string, op: string): Veld => ({ w, door, op });

type Rij<S extends EntiteitSoort> = S extends 'organisatie'
  ? ReturnType<typeof listOrganisaties>[number]
  : S extends 'voorziening'
    ? ReturnType<typeof listVoorzieningen>[number]
    : ReturnType<typeof listRelaties>[number];

/** A key of a local row (references between items are by document key). */
export type SleutelVan = (soort: EntiteitSoort, id: number) => string;

/** A local row's fields as the document keeps them (`VELDEN`): the one mapping of row → document. */
export function rijWaarden<S extends EntiteitSoort>(soort: S, rij: Rij<S>, key: SleutelVan): Record<string, Waarde> {
  if (soort === 'organisatie') {
    const o = rij as Rij<'organisatie'>;
    return {
      naam: o.naam,
      soort: o.soort,
      adres: o.adres,
      postcode: o.postcode,
      plaats: o.plaats,
      buurtCode: o.buurtCode,
      website: o.website,
      telefoon: o.telefoon,
      email: o.email,
      notities: o.notities,
    };
  }
  if (soort === 'voorziening') {
    const v = rij as Rij<'voorziening'>;
    return {
      naam: v.naam,
      organisatie: v.organisatieId === null ? null : key('organisatie', v.organisatieId),
      collectief: v.collectief,
      vrijToegankelijk: v.vrijToegankelijk,
      preventieniveau: v.preventieniveau,
      status: v.status,
      startdatum: v.startdatum,
      einddatum: v.einddatum,
      leefgebieden: lijstTekst(v.leefgebieden),
      doelgroepen: lijstTekst(v.doelgroepen),
      werkgebied: lijstTekst(v.werkgebied),
      locatieBuurtCode: v.locatieBuurtCode,
      adres: v.adres,
      postcode: v.postcode,
      capaciteit: v.capaciteit,
      kosten: v.kosten,
      contact: v.contact,
      notities: v.notities,
    };
  }
  const r = rij as Rij<'relatie'>;
  return {
    soort: r.soort,
    van: knoopTekst(r.van.soort, key(r.van.soort, r.van.id)),
    naar: knoopTekst(r.naar.soort, key(r.naar.soort, r.naar.id)),
    gericht: r.gericht,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    notities: r.notities,
    volumes: JSON.stringify(
      r.volumes.map((x) => ({ periodeStart: x.periodeStart, periodeEind: x.periodeEind, aantal: x.aantal })),
    ),
  };
}

/** A list value's fields as the document keeps them. */
export const taxonomieWaarden = (t: { label: string; omschrijving: string | null }): Record<string, Waarde> => ({
  label: t.label,
  omschrijving: t.omschrijving,
});

/** Every local row of the sociale kaart, per kind (organisations first: the others refer to them). */
export function lokaleRijen(db: ProjectDb): { [S in EntiteitSoort]: Rij<S>[] } {
  return { organisatie: listOrganisaties(db), voorziening: listVoorzieningen(db), relatie: listRelaties(db) };
}

/** An item's fields as values (no who and when). */
export function itemWaarden(soort: TeamSoort, item: DocItem | undefined): Record<string, Waarde> {
  return Object.fromEntries(Object.keys(veldenVan(soort)).map((v) => [v, waardeVan(item, v)]));
}

/**
 * The project's sociale kaart as a new team document: every row gets a stable key (kept in `sync_id`), every field
 * its value with who and when. Runs in the caller's transaction.
 */
export function documentVanProject(db: ProjectDb, door: string, op: string, nieuweSleutel: () => string): TeamDoc {
  for (const soort of SOORTEN) for (const id of idsZonderSleutel(db, soort)) koppelId(db, soort, nieuweSleutel(), id);
  const doc = leegDocument();
  const key: SleutelVan = (soort, id) => sleutelVan(db, soort, id)!;
  const item = (waarden: Record<string, Waarde>): DocItem =>
    Object.fromEntries(Object.entries(waarden).map(([k, w]) => [k, veld(w, door, op)]));
  const rijen = lokaleRijen(db);
  for (const soort of SOORTEN)
    for (const r of rijen[soort]) doc[COLLECTIE[soort]][key(soort, r.id)] = item(rijWaarden(soort, r, key));
  for (const t of listTaxonomieItems(db))
    doc.taxonomie![taxonomieSleutel(t.taxonomie, t.code)] = item(taxonomieWaarden(t));
  for (const soort of EENVOUDIGE_SOORTEN) {
    const items = (doc[collectieVan(soort)] ??= {});
    for (const r of EENVOUDIGE_COLLECTIES[soort].lijst(db)) {
      const k = sleutelVan(db, soort, r.id) ?? nieuweSleutel();
      koppelId(db, soort, k, r.id);
      items[k] = item(r.waarden);
    }
  }
  for (const b of bronManifest(db)) {
    doc.bronnen[bronKey(b.sha256, door)] = { soort: b.soort, bestand: b.bestand, sha256: b.sha256, door, op: b.op };
  }
  return doc;
}

/** The document's item of a local row, as the user sees it (for `wijzig`: the current values to change). */
export function itemVanLokaal(
  db: ProjectDb,
  doc: TeamDoc,
  soort: EntiteitSoort,
  id: number,
): { sleutel: string; item: DocItem } | null {
  const sleutel = sleutelVan(db, soort, id);
  const item = sleutel ? doc[COLLECTIE[soort]][sleutel] : undefined;
  return sleutel && item ? { sleutel, item } : null;
}
