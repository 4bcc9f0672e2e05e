import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GebiedRow, Organisatie, Relatie, Voorziening } from '../../../shared/contract';
import { Button, Heading, Paragraph } from '../../components/ui';
import { TabPanel, Tabs } from '../../components/tabs';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { isKlein, kleinLabel, STANDAARD_PRIVACY, type PrivacyInstellingen } from '../../../shared/report/privacy';
import { TaxonomieenPanel } from '../taxonomieen/TaxonomieenPanel';
import { BulkDeleteDialog, OrganisatiesBulkDialog, VoorzieningenBulkDialog } from './BulkEdit';
import { useGegevens, useLookups, type GegevensData, type Lookups } from './data';
import { DataTable, type ColumnSpec } from './DataTable';
import { DubbelenDialog } from './DubbelenDialog';
import { ErrorText } from './ErrorText';
import { OrganisatieForm } from './OrganisatieForm';
import { RelatieForm } from './RelatieForm';
import { VoorzieningForm } from './VoorzieningForm';

const TABS = ['organisaties', 'voorzieningen', 'relaties', 'gebieden', 'taxonomieen'] as const;
type Tab = (typeof TABS)[number];
// The tab you were on, when you come back to Gegevens.
let lastTab: Tab = 'organisaties';

/** Gegevens: every organisatie, voorziening, relatie and gebied of the project in fast tables, to view and edit. */
export function GegevensPage() {
  const { t, i18n } = useTranslation();
  const [tab, setTabState] = useState<Tab>(lastTab);
  const setTab = (next: Tab) => {
    lastTab = next;
    setTabState(next);
  };
  const { data, error } = useGegevens();
  const lookups = useLookups(data, t('gegevens.tab.organisaties'), t('gegevens.tab.voorzieningen'));
  return (
    <div className="wijkweb-page wijkweb-page--full wijkweb-gegevens">
      <Heading level={1}>{t('gegevens.titel')}</Heading>
      <Tabs
        idPrefix="gegevens"
        label={t('gegevens.tabsLabel')}
        tabs={TABS.map((id) => ({
          id,
          label:
            data && id !== 'taxonomieen' && id !== 'gebieden'
              ? t(`gegevens.tabMetAantal.${id}`, {
                  count: data[id].length,
                  aantal: formatNumber(data[id].length, i18n.language),
                })
              : t(`gegevens.tab.${id}`),
        }))}
        selected={tab}
        onSelect={setTab}
      />
      <TabPanel idPrefix="gegevens" id={tab}>
        <ErrorText error={error} />
        {!data ? (
          <Paragraph>{t('gegevens.laden')}</Paragraph>
        ) : tab === 'organisaties' ? (
          <OrganisatiesTab data={data} lookups={lookups} />
        ) : tab === 'voorzieningen' ? (
          <VoorzieningenTab data={data} lookups={lookups} />
        ) : tab === 'relaties' ? (
          <RelatiesTab data={data} lookups={lookups} />
        ) : tab === 'gebieden' ? (
          <GebiedenTab data={data} />
        ) : (
          <TaxonomieenPanel taxonomieen={data.taxonomieen} />
        )}
      </TabPanel>
    </div>
  );
}

const byId = (id: string) => () => document.getElementById(id);

/** Helpers for the column definitions; stable per language, so the tables do not recompute on every render. */
function useCommon() {
  const { t, i18n } = useTranslation();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const lang = i18n.language;
  const helpers = useMemo(
    () => ({
      yesNo: (v: boolean) => (v ? t('waarde.ja') : t('waarde.nee')),
      date: (iso: string | null) => (iso ? formatDate(iso, lang) : ''),
      gewijzigd: <R extends { gewijzigd: string }>(): ColumnSpec<R> => ({
        id: 'gewijzigd',
        label: t('veld.label.gewijzigd'),
        value: (r) => r.gewijzigd,
        cell: (r) => formatDateTime(r.gewijzigd, lang),
        width: 190,
        hidden: true,
        search: false,
      }),
    }),
    [t, lang],
  );
  /** "12 van 1.480 organisaties" */
  const countLabel = (soort: string) => (shown: number, total: number) =>
    shown === total
      ? t(`gegevens.aantal.${soort}`, { count: total, totaal: formatNumber(total, lang) })
      : t(`gegevens.aantalVan.${soort}`, {
          count: total,
          totaal: formatNumber(total, lang),
          getoond: formatNumber(shown, lang),
        });
  return { t, readOnly, countLabel, ...helpers };
}

/**
 * The item open in a form (null inside: a new one). While the form is open the item is taken from the data as it
 * is now, so an undo or a change elsewhere shows in the form.
 */
function useEditing<R extends { id: number }>(rows: readonly R[]) {
  const [editing, setEditing] = useState<{ item: R | null } | null>(null);
  const opened = editing?.item;
  return {
    open: editing !== null,
    key: opened?.id ?? 'nieuw',
    item: opened ? (rows.find((r) => r.id === opened.id) ?? opened) : null,
    edit: (item: R | null) => setEditing({ item }),
    close: () => setEditing(null),
  };
}

/** Bulk wijzigen or verwijderen of the selected rows: the buttons over the table, and which dialog is open. */
function useBulk<R extends { id: number }>(canChange: boolean) {
  const { t } = useTranslation();
  const [bulk, setBulk] = useState<{ kind: 'wijzigen' | 'verwijderen'; ids: number[]; clear: () => void } | null>(null);
  const selectionActions = (selected: readonly R[], clear: () => void) => {
    const ids = selected.map((r) => r.id);
    return (
      <>
        {canChange && <Button onClick={() => setBulk({ kind: 'wijzigen', ids, clear })}>{t('bulk.wijzigen')}</Button>}
        <Button className="utrecht-button--danger" onClick={() => setBulk({ kind: 'verwijderen', ids, clear })}>
          {t('bulk.verwijderen')}
        </Button>
      </>
    );
  };
  /** Done: the selection is cleared. */
  const close = (done: boolean) => {
    if (done) bulk?.clear();
    setBulk(null);
  };
  return { kind: bulk?.kind ?? null, ids: bulk?.ids ?? [], selectionActions, close };
}

function OrganisatiesTab({ data, lookups }: { data: GegevensData; lookups: Lookups }) {
  const { t, readOnly, gewijzigd, countLabel } = useCommon();
  const editing = useEditing(data.organisaties);
  const bulk = useBulk<Organisatie>(true);
  const [dubbelen, setDubbelen] = useState(false);
  const columns = useMemo<ColumnSpec<Organisatie>[]>(
    () => [
      { id: 'naam', label: t('veld.label.naamKort'), value: (o) => o.naam, width: 230 },
      {
        id: 'soort',
        label: t('veld.label.soortOrganisatie'),
        value: (o) => lookups.taxLabel('soort_organisatie', o.soort),
        width: 160,
      },
      { id: 'adres', label: t('veld.label.adres'), value: (o) => o.adres, width: 200, hidden: true },
      { id: 'postcode', label: t('veld.label.postcode'), value: (o) => o.postcode, width: 100 },
      { id: 'plaats', label: t('veld.label.plaats'), value: (o) => o.plaats, width: 120 },
      {
        id: 'buurt',
        label: t('veld.label.buurt'),
        value: (o) => o.buurtNaam ?? lookups.buurtNaam(o.buurtCode),
        width: 160,
      },
      { id: 'website', label: t('veld.label.website'), value: (o) => o.website, width: 200, hidden: true },
      { id: 'telefoon', label: t('veld.label.telefoon'), value: (o) => o.telefoon, width: 150, hidden: true },
      { id: 'email', label: t('veld.label.email'), value: (o) => o.email, width: 210, hidden: true },
      {
        id: 'voorzieningen',
        label: t('veld.label.aantalVoorzieningen'),
        value: (o) => o.aantalVoorzieningen,
        numeric: true,
        width: 120,
      },
      {
        id: 'relaties',
        label: t('veld.label.aantalRelaties'),
        value: (o) => o.aantalRelaties,
        numeric: true,
        width: 90,
      },
      { id: 'notities', label: t('veld.label.notities'), value: (o) => o.notities, width: 220, hidden: true },
      gewijzigd<Organisatie>(),
    ],
    [t, lookups, gewijzigd],
  );
  return (
    <>
      <DataTable<Organisatie>
        tableId="organisaties"
        caption={t('gegevens.tab.organisaties')}
        rows={data.organisaties}
        columns={columns}
        getId={(o) => o.id}
        rowLabel={(o) => o.naam}
        openColumn="naam"
        onOpen={editing.edit}
        selectable={!readOnly}
        exportBase="organisaties"
        countLabel={countLabel('organisaties')}
        empty={<Paragraph>{t('gegevens.leeg.organisaties')}</Paragraph>}
        actions={
          !readOnly && (
            <>
              <Button id="toevoegen-organisatie" appearance="primary" onClick={() => editing.edit(null)}>
                {t('gegevens.toevoegen.organisatie')}
              </Button>
              <Button id="dubbelen-zoeken" onClick={() => setDubbelen(true)}>
                {t('dubbelen.knop')}
              </Button>
            </>
          )
        }
        selectionActions={bulk.selectionActions}
      />
      {editing.open && (
        <OrganisatieForm
          key={editing.key}
          item={editing.item}
          lookups={lookups}
          onClose={editing.close}
          returnFocus={byId('toevoegen-organisatie')}
        />
      )}
      {bulk.kind === 'wijzigen' && <OrganisatiesBulkDialog ids={bulk.ids} lookups={lookups} onClose={bulk.close} />}
      {bulk.kind === 'verwijderen' && <BulkDeleteDialog soort="organisatie" ids={bulk.ids} onClose={bulk.close} />}
      {dubbelen && <DubbelenDialog organisaties={data.organisaties} onClose={() => setDubbelen(false)} />}
    </>
  );
}

function VoorzieningenTab({ data, lookups }: { data: GegevensData; lookups: Lookups }) {
  const { t, readOnly, date, gewijzigd, countLabel } = useCommon();
  const editing = useEditing(data.voorzieningen);
  const bulk = useBulk<Voorziening>(true);
  const columns = useMemo<ColumnSpec<Voorziening>[]>(() => {
    const labels = (tax: 'leefgebied' | 'doelgroep', codes: readonly string[]) =>
      codes.map((c) => lookups.taxLabel(tax, c)).join(', ') || null;
    return [
      { id: 'naam', label: t('veld.label.naamKort'), value: (v) => v.naam, width: 250 },
      { id: 'aanbieder', label: t('veld.label.aanbieder'), value: (v) => v.organisatieNaam, width: 210 },
      {
        id: 'vorm',
        label: t('veld.label.vorm'),
        value: (v) => (v.collectief ? t('waarde.collectief') : t('waarde.individueel')),
        width: 120,
      },
      {
        id: 'toegang',
        label: t('veld.label.toegang'),
        value: (v) => (v.vrijToegankelijk ? t('waarde.vrijToegankelijk') : t('waarde.opIndicatie')),
        width: 160,
      },
      {
        id: 'leefgebieden',
        label: t('veld.label.leefgebieden'),
        value: (v) => labels('leefgebied', v.leefgebieden),
        width: 220,
      },
      {
        id: 'doelgroepen',
        label: t('veld.label.doelgroepen'),
        value: (v) => labels('doelgroep', v.doelgroepen),
        width: 220,
      },
      {
        id: 'preventieniveau',
        label: t('veld.label.preventieniveau'),
        value: (v) => (v.preventieniveau ? lookups.taxLabel('preventieniveau', v.preventieniveau) : null),
        cell: (v) =>
          v.preventieniveau ? `${v.preventieniveau}. ${lookups.taxLabel('preventieniveau', v.preventieniveau)}` : '',
        width: 200,
        hidden: true,
      },
      {
        id: 'status',
        label: t('veld.label.status'),
        value: (v) => t(`waarde.${v.status}`),
        width: 110,
      },
      {
        id: 'startdatum',
        label: t('veld.label.startdatum'),
        value: (v) => v.startdatum,
        cell: (v) => date(v.startdatum),
        width: 140,
        hidden: true,
      },
      {
        id: 'einddatum',
        label: t('veld.label.einddatum'),
        value: (v) => v.einddatum,
        cell: (v) => date(v.einddatum),
        width: 140,
        hidden: true,
      },
      {
        id: 'werkgebied',
        label: t('veld.label.werkgebied'),
        value: (v) => v.werkgebied.map((c) => lookups.buurtNaam(c)).join(', ') || null,
        width: 220,
      },
      {
        id: 'locatie',
        label: t('veld.label.locatieBuurt'),
        value: (v) => lookups.buurtNaam(v.locatieBuurtCode) || null,
        width: 170,
        hidden: true,
      },
      { id: 'adres', label: t('veld.label.adres'), value: (v) => v.adres, width: 200, hidden: true },
      { id: 'postcode', label: t('veld.label.postcode'), value: (v) => v.postcode, width: 110, hidden: true },
      {
        id: 'capaciteit',
        label: t('veld.label.capaciteit'),
        value: (v) => v.capaciteit,
        numeric: true,
        width: 110,
        hidden: true,
      },
      { id: 'kosten', label: t('veld.label.kosten'), value: (v) => v.kosten, width: 160, hidden: true },
      { id: 'contact', label: t('veld.label.contact'), value: (v) => v.contact, width: 200, hidden: true },
      { id: 'notities', label: t('veld.label.notities'), value: (v) => v.notities, width: 220, hidden: true },
      gewijzigd<Voorziening>(),
    ];
  }, [t, lookups, date, gewijzigd]);
  return (
    <>
      <DataTable<Voorziening>
        tableId="voorzieningen"
        caption={t('gegevens.tab.voorzieningen')}
        rows={data.voorzieningen}
        columns={columns}
        getId={(v) => v.id}
        rowLabel={(v) => v.naam}
        openColumn="naam"
        onOpen={editing.edit}
        selectable={!readOnly}
        exportBase="voorzieningen"
        countLabel={countLabel('voorzieningen')}
        empty={<Paragraph>{t('gegevens.leeg.voorzieningen')}</Paragraph>}
        actions={
          !readOnly && (
            <Button id="toevoegen-voorziening" appearance="primary" onClick={() => editing.edit(null)}>
              {t('gegevens.toevoegen.voorziening')}
            </Button>
          )
        }
        selectionActions={bulk.selectionActions}
      />
      {editing.open && (
        <VoorzieningForm
          key={editing.key}
          item={editing.item}
          lookups={lookups}
          onClose={editing.close}
          returnFocus={byId('toevoegen-voorziening')}
        />
      )}
      {bulk.kind === 'wijzigen' && <VoorzieningenBulkDialog ids={bulk.ids} lookups={lookups} onClose={bulk.close} />}
      {bulk.kind === 'verwijderen' && <BulkDeleteDialog soort="voorziening" ids={bulk.ids} onClose={bulk.close} />}
    </>
  );
}

/** The project's small-count rule (default until it is read). */
function usePrivacy(): PrivacyInstellingen {
  const actions = useActions();
  return useWorkerQuery(() => actions.getPrivacy(), [actions]).data ?? STANDAARD_PRIVACY;
}

function RelatiesTab({ data, lookups }: { data: GegevensData; lookups: Lookups }) {
  const { t, readOnly, yesNo, date, gewijzigd, countLabel } = useCommon();
  const editing = useEditing(data.relaties);
  // Relaties have no fields to change in bulk; they can be deleted together.
  const bulk = useBulk<Relatie>(false);
  const privacy = usePrivacy();
  const columns = useMemo<ColumnSpec<Relatie>[]>(() => {
    const knoop = (k: Relatie['van']) => (
      <>
        {k.naam}
        {k.soort === 'voorziening' && <span className="wijkweb-hint"> ({t('waarde.voorziening')})</span>}
      </>
    );
    return [
      { id: 'van', label: t('veld.label.van'), value: (r) => r.van.naam, cell: (r) => knoop(r.van), width: 240 },
      { id: 'naar', label: t('veld.label.naar'), value: (r) => r.naar.naam, cell: (r) => knoop(r.naar), width: 240 },
      {
        id: 'soort',
        label: t('veld.label.soortRelatie'),
        value: (r) => lookups.taxLabel('relatietype', r.soort),
        width: 160,
      },
      {
        id: 'gericht',
        label: t('veld.label.gerichtKort'),
        value: (r) => yesNo(r.gericht),
        width: 100,
      },
      {
        id: 'totaal',
        label: t('veld.label.totaal'),
        value: (r) => r.totaal,
        // Referral counts leave the machine as "<5" when small (the table on screen is the team's working data).
        exportValue: (r) => (r.totaal !== null && isKlein(r.totaal, privacy) ? kleinLabel(privacy) : r.totaal),
        numeric: true,
        width: 100,
      },
      {
        id: 'volumes',
        label: t('veld.label.aantalPerioden'),
        value: (r) => r.volumes.length,
        numeric: true,
        width: 110,
        hidden: true,
      },
      {
        id: 'periode',
        label: t('veld.label.periode'),
        value: (r) => (r.startdatum || r.einddatum ? `${r.startdatum ?? ''}/${r.einddatum ?? ''}` : null),
        cell: (r) => (r.startdatum || r.einddatum ? `${date(r.startdatum) || '…'} – ${date(r.einddatum) || '…'}` : ''),
        width: 240,
      },
      { id: 'notities', label: t('veld.label.notities'), value: (r) => r.notities, width: 220, hidden: true },
      gewijzigd<Relatie>(),
    ];
  }, [t, lookups, yesNo, date, gewijzigd, privacy]);
  return (
    <>
      <DataTable<Relatie>
        tableId="relaties"
        caption={t('gegevens.tab.relaties')}
        rows={data.relaties}
        columns={columns}
        getId={(r) => r.id}
        rowLabel={(r) => `${r.van.naam} → ${r.naar.naam}`}
        openColumn="van"
        onOpen={editing.edit}
        selectable={!readOnly}
        exportBase="relaties"
        countLabel={countLabel('relaties')}
        empty={<Paragraph>{t('gegevens.leeg.relaties')}</Paragraph>}
        actions={
          !readOnly && (
            <Button id="toevoegen-relatie" appearance="primary" onClick={() => editing.edit(null)}>
              {t('gegevens.toevoegen.relatie')}
            </Button>
          )
        }
        selectionActions={bulk.selectionActions}
      />
      {editing.open && (
        <RelatieForm
          key={editing.key}
          item={editing.item}
          lookups={lookups}
          onClose={editing.close}
          returnFocus={byId('toevoegen-relatie')}
        />
      )}
      {bulk.kind === 'verwijderen' && <BulkDeleteDialog soort="relatie" ids={bulk.ids} onClose={bulk.close} />}
    </>
  );
}

function GebiedenTab({ data }: { data: GegevensData }) {
  const { t, countLabel } = useCommon();
  const columns = useMemo<ColumnSpec<GebiedRow>[]>(() => {
    const namen = new Map(data.gebieden.map((g) => [g.code, g.naam]));
    const organisaties = new Map<string, number>();
    for (const o of data.organisaties) {
      if (o.buurtCode) organisaties.set(o.buurtCode, (organisaties.get(o.buurtCode) ?? 0) + 1);
    }
    const voorzieningen = new Map<string, number>();
    for (const v of data.voorzieningen) {
      for (const c of new Set([...v.werkgebied, ...(v.locatieBuurtCode ? [v.locatieBuurtCode] : [])])) {
        voorzieningen.set(c, (voorzieningen.get(c) ?? 0) + 1);
      }
    }
    return [
      { id: 'naam', label: t('veld.label.naamKort'), value: (g) => g.naam, width: 240 },
      { id: 'code', label: t('veld.label.code'), value: (g) => g.code, width: 130 },
      {
        id: 'niveau',
        label: t('veld.label.niveau'),
        value: (g) => t(`gebieden.niveau.${g.niveau}`, { defaultValue: g.niveau }),
        width: 110,
      },
      {
        id: 'ouder',
        label: t('veld.label.ligtIn'),
        value: (g) => (g.ouderCode ? (namen.get(g.ouderCode) ?? g.ouderCode) : null),
        width: 220,
      },
      {
        id: 'organisaties',
        label: t('veld.label.organisatiesHier'),
        value: (g) => organisaties.get(g.code) ?? 0,
        numeric: true,
        width: 150,
      },
      {
        id: 'voorzieningen',
        label: t('veld.label.voorzieningenHier'),
        value: (g) => voorzieningen.get(g.code) ?? 0,
        numeric: true,
        width: 170,
      },
    ];
  }, [t, data]);
  return (
    <>
      {data.jaar !== null && (
        <Paragraph className="wijkweb-hint">{t('gegevens.gebiedenJaar', { jaar: data.jaar })}</Paragraph>
      )}
      <DataTable<GebiedRow>
        tableId="gebieden"
        caption={t('gegevens.tab.gebieden')}
        rows={data.gebieden}
        columns={columns}
        getId={(g) => g.code}
        rowLabel={(g) => g.naam}
        openColumn="naam"
        exportBase="gebieden"
        countLabel={countLabel('gebieden')}
        empty={<Paragraph>{t('gegevens.leeg.gebieden')}</Paragraph>}
      />
    </>
  );
}
