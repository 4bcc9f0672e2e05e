// Over 300 lines: one import flow (file → preview → import) sharing phase, options and queue; not split yet.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CbsImportOptions,
  CbsPreview as CbsPreviewData,
  CognosImportOptions,
  CognosPreview as CognosPreviewData,
  GeoImportOptions,
  GeoPreview as GeoPreviewData,
  ImportFile,
  ImportSoort,
  Organisatie,
  PartnersImportOptions,
  PartnersPreview as PartnersPreviewData,
  RelatiesImportOptions,
  RelatiesPreview as RelatiesPreviewData,
  TaxonomieItemRow,
} from '../../../shared/contract';
import { CbsPreview } from './CbsPreview';
import { CognosPreview } from './CognosPreview';
import { GeoPreview } from './GeoPreview';
import { IssueList } from './IssueList';
import type { ImportIssue } from '../../../shared/importers/types';
import { PartnersPreview } from './PartnersPreview';
import { RelatiesPreview } from './RelatiesPreview';
import type { AppError } from '../../../shared/result';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { formatNumber } from '../../format';
import { downloadFile } from '../gegevens/export';

type Phase =
  | { kind: 'kiezen' }
  | { kind: 'lezen'; name: string }
  | { kind: 'voorbeeld'; file: ImportFile; preview: CbsPreviewData }
  | { kind: 'importeren'; file: ImportFile; preview: CbsPreviewData }
  | { kind: 'cognos'; file: ImportFile; preview: CognosPreviewData; running: boolean }
  | { kind: 'partners'; file: ImportFile; preview: PartnersPreviewData; running: boolean }
  | { kind: 'relaties'; file: ImportFile; preview: RelatiesPreviewData; running: boolean }
  | { kind: 'geo'; file: ImportFile; preview: GeoPreviewData; running: boolean }
  | { kind: 'klaar-geo'; text: string }
  | { kind: 'klaar'; name: string; waarden: number; jaar: string }
  | { kind: 'klaar-cognos'; name: string; metingen: number }
  | { kind: 'klaar-kaart'; text: string; problemen?: readonly ImportIssue[] };

const SOORTEN: readonly (ImportSoort | 'automatisch')[] = [
  'automatisch',
  'cijfers',
  'partners',
  'relaties',
  'postcodes',
  'geo',
];

/** Import a CBS file: choose or drop it, see what would happen, confirm, watch it go in. */
export function ImportPage({
  onShowGebieden,
  onShowMetingen,
  onShowGegevens,
  onShowKaart,
  dropped,
  onDroppedTaken,
}: {
  onShowGebieden: () => void;
  onShowMetingen: () => void;
  onShowGegevens: () => void;
  /** After a wijk- en buurtkaart: to the Kaart view. */
  onShowKaart?: () => void;
  /** Files dropped anywhere on the window: imported here, each by its contents (sniff). */
  dropped?: readonly File[] | null;
  onDroppedTaken?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const busy = useApp((s) => s.busy);
  const [phase, setPhase] = useState<Phase>({ kind: 'kiezen' });
  const [options, setOptions] = useState<CbsImportOptions>({});
  const [cognosOptions, setCognosOptions] = useState<CognosImportOptions>({});
  const [partnersOptions, setPartnersOptions] = useState<PartnersImportOptions>({});
  const [relatiesOptions, setRelatiesOptions] = useState<RelatiesImportOptions>({});
  const [geoOptions, setGeoOptions] = useState<GeoImportOptions>({});
  const [soort, setSoort] = useState<ImportSoort | 'automatisch'>('automatisch');
  const [taxonomieen, setTaxonomieen] = useState<readonly TaxonomieItemRow[]>([]);
  const [organisaties, setOrganisaties] = useState<readonly Organisatie[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [dragging, setDragging] = useState(false);
  const [queue, setQueue] = useState<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const lang = i18n.language;

  /** A file that could not be read or imported: say why, and choose again. */
  const failed = (e: AppError) => {
    setError(e);
    setPhase({ kind: 'kiezen' });
  };

  /** `again`: the same file with other choices; the preview stays (with what was typed in it) until the new one is in. */
  const preview = async (file: ImportFile, opts: CbsImportOptions, again = false) => {
    setError(null);
    if (!again) setPhase({ kind: 'lezen', name: file.name });
    const result = await actions.previewCbsImport(file, opts);
    if (!result.ok) return failed(result.error);
    // Not a CBS table? Then it may be a Cognos export.
    if (result.value.formaat === null && result.value.problemen.some((i) => i.code === 'cbs.geen-cbs-tabel')) {
      await previewCognos(file, {});
      return;
    }
    setPhase({ kind: 'voorbeeld', file, preview: result.value });
  };

  const previewCognos = async (file: ImportFile, opts: CognosImportOptions) => {
    setCognosOptions(opts);
    const result = await actions.previewCognosImport(file, opts);
    if (!result.ok) return failed(result.error);
    // Neither a CBS table nor a Cognos export: say so, with what each looks like.
    if (
      result.value.tabellen === 0 &&
      result.value.fouten > 0 &&
      !result.value.problemen.some((i) => i.code === 'import.persoonsgegevens')
    ) {
      return failed({ code: 'import.onbekend-bestand', params: { bestand: file.name } });
    }
    setPhase({ kind: 'cognos', file, preview: result.value, running: false });
  };

  const runCognos = async (file: ImportFile, p: CognosPreviewData) => {
    setPhase({ kind: 'cognos', file, preview: p, running: true });
    const result = await actions.importCognos(file, cognosOptions);
    if (!result.ok) {
      setError(result.error);
      setPhase({ kind: 'cognos', file, preview: p, running: false });
      return;
    }
    setPhase({ kind: 'klaar-cognos', name: file.name, metingen: result.value.metingen });
  };

  const previewPartners = async (file: ImportFile, opts: PartnersImportOptions) => {
    setPartnersOptions(opts);
    const [result, tax] = await Promise.all([actions.previewPartnersImport(file, opts), actions.listTaxonomieen()]);
    if (tax.ok) setTaxonomieen(tax.value);
    if (!result.ok) return failed(result.error);
    setPhase({ kind: 'partners', file, preview: result.value, running: false });
  };

  const previewRelaties = async (file: ImportFile, opts: RelatiesImportOptions) => {
    setRelatiesOptions(opts);
    const [result, orgs] = await Promise.all([actions.previewRelatiesImport(file, opts), actions.listOrganisaties()]);
    if (orgs.ok) setOrganisaties(orgs.value);
    if (!result.ok) return failed(result.error);
    setPhase({ kind: 'relaties', file, preview: result.value, running: false });
  };

  const runPartners = async (file: ImportFile, p: PartnersPreviewData) => {
    setPhase({ kind: 'partners', file, preview: p, running: true });
    const result = await actions.importPartners(file, partnersOptions);
    if (!result.ok) {
      setError(result.error);
      setPhase({ kind: 'partners', file, preview: p, running: false });
      return;
    }
    setPhase({ kind: 'klaar-kaart', text: t('partners.klaar', { bestand: file.name, ...result.value }) });
  };

  const runRelaties = async (file: ImportFile, p: RelatiesPreviewData) => {
    setPhase({ kind: 'relaties', file, preview: p, running: true });
    const result = await actions.importRelaties(file, relatiesOptions);
    if (!result.ok) {
      setError(result.error);
      setPhase({ kind: 'relaties', file, preview: p, running: false });
      return;
    }
    setPhase({ kind: 'klaar-kaart', text: t('relaties.klaar', { bestand: file.name, ...result.value }) });
  };

  const previewGeo = async (file: ImportFile, opts: GeoImportOptions) => {
    setGeoOptions(opts);
    const result = await actions.previewGeoImport(file, opts);
    if (!result.ok) return failed(result.error);
    setPhase({ kind: 'geo', file, preview: result.value, running: false });
  };

  const runGeo = async (file: ImportFile, p: GeoPreviewData) => {
    setPhase({ kind: 'geo', file, preview: p, running: true });
    const result = await actions.importGeo(file, geoOptions);
    if (!result.ok) {
      setError(result.error);
      setPhase({ kind: 'geo', file, preview: p, running: false });
      return;
    }
    setPhase({
      kind: 'klaar-geo',
      text: t('geoImport.klaar', {
        bestand: file.name,
        vlakken: formatNumber(result.value.vlakken, lang),
        nieuw: formatNumber(result.value.nieuw, lang),
      }),
    });
  };

  const importPostcodes = async (file: ImportFile) => {
    setPhase({ kind: 'lezen', name: file.name });
    const result = await actions.importPostcodes(file);
    if (!result.ok) return failed(result.error);
    const o = result.value;
    setPhase({
      kind: 'klaar-kaart',
      text:
        t('postcodes.klaar', { bestand: file.name, ...o }) +
        (o.overgeslagen > 0 ? ` ${t('postcodes.overgeslagen', { count: o.overgeslagen })}` : ''),
      problemen: o.problemen,
    });
  };

  const start = async (f: File) => {
    const file = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    setError(null);
    setPhase({ kind: 'lezen', name: file.name });
    let kind: ImportSoort = soort === 'automatisch' ? 'cijfers' : soort;
    if (soort === 'automatisch') {
      const sniffed = await actions.sniffImport(file);
      if (sniffed.ok) kind = sniffed.value;
    }
    if (kind === 'partners') return previewPartners(file, { voorstellenOvernemen: true });
    if (kind === 'relaties') return previewRelaties(file, {});
    if (kind === 'postcodes') return importPostcodes(file);
    if (kind === 'geo') return previewGeo(file, {});
    const fresh: CbsImportOptions = {};
    setOptions(fresh);
    await preview(file, fresh);
  };

  /** One or more files: the first is shown now, the others wait their turn. */
  const pick = async (files: FileList | null) => {
    const list = [...(files ?? [])];
    const first = list.shift();
    if (!first) return;
    setQueue(list);
    await start(first);
  };

  // Files dropped on the window (App): taken once, then the page goes on as with a chosen file.
  useEffect(() => {
    if (!dropped || dropped.length === 0) return;
    onDroppedTaken?.();
    const [first, ...rest] = dropped;
    // After this render: the page takes them as a chosen file (and queues the others).
    void Promise.resolve().then(() => {
      setQueue(rest);
      return start(first!);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);

  const sjabloon = async () => {
    const lijst = await actions.listTaxonomieen();
    const { partnerSjabloon } = await import('../../../shared/importers/partners/sjabloon');
    const bytes = partnerSjabloon(lijst.ok ? lijst.value : [], lang === 'en' ? 'en' : 'nl');
    downloadFile(
      bytes as Uint8Array<ArrayBuffer>,
      t('partners.sjabloonBestand'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };

  const next = () => {
    const [first, ...rest] = queue;
    setQueue(rest);
    if (first) void start(first);
    else setPhase({ kind: 'kiezen' });
  };

  const changeOptions = (file: ImportFile, next: CbsImportOptions) => {
    setOptions(next);
    void preview(file, next, true);
  };

  const progress = busy && busy.taak === 'importeren' ? busy : null;
  /** Annuleren goes back to choosing a file; while the import runs, the button stops it. */
  const cancel = (running: boolean) => () => (running ? void actions.cancelImport() : setPhase({ kind: 'kiezen' }));

  const run = async (file: ImportFile, p: CbsPreviewData) => {
    setPhase({ kind: 'importeren', file, preview: p });
    const result = await actions.importCbs(file, options);
    if (!result.ok) {
      setError(result.error);
      setPhase({ kind: 'voorbeeld', file, preview: p });
      return;
    }
    setPhase({
      kind: 'klaar',
      name: file.name,
      waarden: result.value.waarden,
      jaar: result.value.jaren.join(', '),
    });
  };

  /** After an import: what went in, and where to go and see it. */
  const done: { text: string; show: string; onShow: () => void; testId?: string } | null =
    phase.kind === 'klaar'
      ? {
          text: t('import.klaar', { bestand: phase.name, aantal: formatNumber(phase.waarden, lang), jaar: phase.jaar }),
          show: t('import.bekijkGebieden'),
          onShow: onShowGebieden,
        }
      : phase.kind === 'klaar-cognos'
        ? {
            text: t('cognos.klaar', { bestand: phase.name, aantal: phase.metingen }),
            show: t('cognos.bekijkMetingen'),
            onShow: onShowMetingen,
          }
        : phase.kind === 'klaar-kaart'
          ? { text: phase.text, show: t('partners.bekijkGegevens'), onShow: onShowGegevens, testId: 'import-klaar' }
          : phase.kind === 'klaar-geo'
            ? {
                text: phase.text,
                show: onShowKaart ? t('geoImport.bekijkKaart') : t('import.bekijkGebieden'),
                onShow: onShowKaart ?? onShowGebieden,
                testId: 'import-klaar',
              }
            : null;

  return (
    <div className="wijkweb-page">
      <Heading level={1}>{t('import.titel')}</Heading>
      <Paragraph>{t('import.intro')}</Paragraph>
      {error && (
        <Alert type="error" onClose={() => setError(null)} closeLabel={t('meldingen.sluiten')}>
          <p className="utrecht-paragraph">
            {t(`fout.${error.code}`, { ...error.params, defaultValue: t('fout.intern.onverwacht') })}
          </p>
        </Alert>
      )}
      {done && (
        <Alert type="ok">
          <p className="utrecht-paragraph" data-testid={done.testId}>
            {done.text}
          </p>
          <ButtonGroup>
            <Button appearance="primary" onClick={done.onShow}>
              {done.show}
            </Button>
            <Button onClick={next}>
              {queue[0] ? t('import.volgende', { bestand: queue[0].name, aantal: queue.length }) : t('import.nogEen')}
            </Button>
          </ButtonGroup>
        </Alert>
      )}
      {phase.kind === 'klaar-kaart' && phase.problemen && phase.problemen.length > 0 && (
        <IssueList issues={phase.problemen} fouten={0} waarschuwingen={phase.problemen.length} level={2} />
      )}
      {phase.kind === 'partners' && (
        <PartnersPreview
          preview={phase.preview}
          options={partnersOptions}
          running={phase.running}
          progress={progress}
          taxonomieen={taxonomieen}
          onOptions={(next) => void previewPartners(phase.file, next)}
          onImport={() => void runPartners(phase.file, phase.preview)}
          onCancel={cancel(phase.running)}
        />
      )}
      {phase.kind === 'relaties' && (
        <RelatiesPreview
          preview={phase.preview}
          options={relatiesOptions}
          running={phase.running}
          progress={progress}
          organisaties={organisaties}
          onOptions={(next) => void previewRelaties(phase.file, next)}
          onImport={() => void runRelaties(phase.file, phase.preview)}
          onCancel={cancel(phase.running)}
        />
      )}
      {phase.kind === 'geo' && (
        <GeoPreview
          preview={phase.preview}
          options={geoOptions}
          running={phase.running}
          progress={progress}
          onOptions={(next) => void previewGeo(phase.file, next)}
          onImport={() => void runGeo(phase.file, phase.preview)}
          onCancel={cancel(phase.running)}
        />
      )}
      {phase.kind === 'cognos' && (
        <CognosPreview
          preview={phase.preview}
          options={cognosOptions}
          running={phase.running}
          progress={progress}
          onOptions={(next) => void previewCognos(phase.file, next)}
          onImport={() => void runCognos(phase.file, phase.preview)}
          onCancel={cancel(phase.running)}
        />
      )}
      {(phase.kind === 'kiezen' || phase.kind === 'lezen') && (
        <div
          className={dragging ? 'wijkweb-dropzone wijkweb-dropzone--active' : 'wijkweb-dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void pick(e.dataTransfer.files);
          }}
        >
          <p className="utrecht-paragraph">
            {phase.kind === 'lezen' ? t('import.lezen', { bestand: phase.name }) : t('import.sleep')}
          </p>
          <input
            ref={input}
            id="import-bestand"
            type="file"
            aria-label={t('import.kies')}
            tabIndex={-1}
            multiple
            accept=".csv,.txt,.xlsx,.xls,.json,.geojson,.topojson,.gpkg"
            className="wijkweb-visually-hidden"
            onChange={(e) => {
              void pick(e.target.files);
              e.target.value = '';
            }}
          />
          <Button
            appearance="primary"
            disabled={readOnly || phase.kind === 'lezen'}
            onClick={() => input.current?.click()}
          >
            {t('import.kies')}
          </Button>
          <p className="utrecht-paragraph wijkweb-hint">{t('import.formaten')}</p>
          <p className="utrecht-paragraph wijkweb-hint">{t('geoImport.formaten')}</p>
          <p className="utrecht-paragraph wijkweb-hint">
            <button
              type="button"
              className="utrecht-link-button utrecht-link-button--html-button"
              onClick={() => void sjabloon()}
              data-testid="partners-sjabloon"
            >
              {t('partners.sjabloon')}
            </button>{' '}
            {t('partners.sjabloonUitleg')}
          </p>
          <div className="wijkweb-inline-form">
            <label className="utrecht-form-label" htmlFor="import-soort">
              {t('importSoort.label')}
            </label>
            <select
              id="import-soort"
              className="utrecht-select utrecht-select--html-select"
              value={soort}
              onChange={(e) => setSoort(e.target.value as ImportSoort | 'automatisch')}
            >
              {SOORTEN.map((x) => (
                <option key={x} value={x}>
                  {t(`importSoort.${x}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {(phase.kind === 'voorbeeld' || phase.kind === 'importeren') && (
        <CbsPreview
          preview={phase.preview}
          options={options}
          running={phase.kind === 'importeren'}
          progress={progress}
          onOptions={(next) => changeOptions(phase.file, next)}
          onImport={() => void run(phase.file, phase.preview)}
          onCancel={cancel(phase.kind === 'importeren')}
        />
      )}
    </div>
  );
}
