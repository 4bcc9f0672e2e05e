/**
 * Kaart: the buurten drawn from their own polygons (no online tiles), coloured by gap severity for one leefgebied
 * or by a CBS figure, with voorzieningen and organisaties as markers in their buurt. Hover or focus shows a
 * tooltip, a click the details; zoom and pan with the buttons, the wheel, dragging or the keyboard; export as PNG or
 * SVG. Every buurt is a focusable button with its name and value, and the same figures are in a table.
 * The colouring is `kleurKaart` in logic.ts; the parts are KaartToolbar, KaartCanvas (with useZoom), Legenda,
 * BuurtDetails, KaartTabel and KaartLeeg.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HiaatCel, KaartGebied } from '../../../shared/contract';
import { kaartBronTekst } from '../../../shared/db/repos/kaart';
import { Heading, Paragraph } from '../../components/ui';
import { formatNumber } from '../../format';
import { downloadFile } from '../gegevens/export';
import { ErrorText } from '../gegevens/ErrorText';
import { basisVan, bronRegel } from '../hiaten/logic';
import { BuurtDetails } from './BuurtDetails';
import { MAX_PROFIELEN, useKaartGegevens, useProfielen } from './data';
import { KaartCanvas } from './KaartCanvas';
import { KaartLeeg } from './KaartLeeg';
import { KaartTabel } from './KaartTabel';
import { KaartToolbar } from './KaartToolbar';
import { Legenda } from './Legenda';
import {
  indicatorenVan,
  kleurKaart,
  leesKleuring,
  MARKER,
  maakProjectie,
  markerLegenda as maakMarkerLegenda,
  middelpunt,
  padVan,
  plaatsMarkers,
  standaardKleuring as kiesStandaard,
} from './logic';
import { kaartBestandsnaam, kaartSvg, svgNaarPng, type ExportLegendaItem } from './svg-export';

export function KaartPage({ onImport }: { onImport: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [jaar, setJaar] = useState<number | undefined>(undefined);
  const { data, error } = useKaartGegevens(jaar);
  const kaart = data?.kaart ?? null;
  const [kleuring, setKleuring] = useState<string | null>(null);
  const [toonOrganisaties, setToonOrganisaties] = useState(true);
  const [toonVoorzieningen, setToonVoorzieningen] = useState(true);
  const [geselecteerd, setGeselecteerd] = useState<string | null>(null);
  const [nadruk, setNadruk] = useState<string | null>(null);
  const [exportFout, setExportFout] = useState<string | null>(null);

  const num = useMemo(
    () => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }),
    [lang],
  );

  // Buurten (or, on a map without buurten, whatever gebieden it has).
  const gebieden = useMemo<readonly KaartGebied[]>(() => {
    const all = kaart?.gebieden ?? [];
    const buurten = all.filter((g) => g.niveau === 'buurt');
    return buurten.length ? buurten : all;
  }, [kaart]);
  const codes = useMemo(() => gebieden.map((g) => g.code), [gebieden]);
  const profielen = useProfielen(codes, kaart?.jaar ?? null);

  const projectie = useMemo(() => (kaart?.bbox ? maakProjectie(kaart.bbox) : null), [kaart]);
  const vormen = useMemo(
    () =>
      projectie
        ? gebieden.map((g) => ({
            g,
            d: padVan(g.coordinates, projectie),
            centrum: middelpunt(g.coordinates, projectie),
          }))
        : [],
    [gebieden, projectie],
  );

  // What can colour the map: a gap per leefgebied, or a CBS figure that the buurten have.
  const leefgebieden = useMemo(() => data?.hiaten?.leefgebieden ?? [], [data]);
  const indicatoren = useMemo(() => indicatorenVan(profielen?.values()), [profielen]);
  const cellen = useMemo(() => {
    const m = new Map<string, HiaatCel>();
    for (const c of data?.hiaten?.cellen ?? []) m.set(`${c.gebiedCode}|${c.leefgebied}`, c);
    return m;
  }, [data]);
  const standaard = useMemo(
    () => kiesStandaard(data?.hiaten?.cellen ?? [], indicatoren, leefgebieden),
    [data, indicatoren, leefgebieden],
  );
  const gekozen = kleuring ?? standaard;
  const { soort, sleutel } = leesKleuring(gekozen);
  const capaciteit = data?.capaciteit ?? null;
  const indicator = useMemo(
    () => (soort === 'cbs' ? indicatoren.find((i) => i.sleutel === sleutel) : undefined),
    [soort, sleutel, indicatoren],
  );
  const leefgebied = soort === 'hiaat' ? leefgebieden.find((l) => l.code === sleutel) : undefined;
  const onderwerp = indicator
    ? indicator.label
    : soort === 'pilot' && capaciteit
      ? t('kaart.pilotApf')
      : leefgebied
        ? t('kaart.hiaatVoor', { leefgebied: leefgebied.label })
        : t('kaart.buurten');

  // Fill, value and legend class of every buurt.
  const eenheid = indicator?.eenheid ?? null;
  const { vlakken, legenda, methode } = useMemo(
    () =>
      kleurKaart({ soort, sleutel, vormen, profielen, cellen, eenheid, capaciteit, getal: (n) => num.format(n), t }),
    [soort, sleutel, vormen, profielen, cellen, eenheid, capaciteit, num, t],
  );

  // Markers at their buurt's centre.
  const markers = useMemo(
    () =>
      plaatsMarkers(
        vormen,
        toonOrganisaties ? (data?.organisaties ?? []) : [],
        toonVoorzieningen ? (data?.voorzieningen ?? []) : [],
        leefgebied?.code,
      ),
    [vormen, data, toonOrganisaties, toonVoorzieningen, leefgebied],
  );
  const markerLegenda = useMemo(
    () => maakMarkerLegenda(markers, toonOrganisaties, toonVoorzieningen, t, leefgebied?.label),
    [markers, toonOrganisaties, toonVoorzieningen, t, leefgebied],
  );

  const titel = kaart?.jaar ? t('kaart.titelMetJaar', { onderwerp, jaar: kaart.jaar }) : onderwerp;
  const kaartBron = kaart ? kaartBronTekst(kaart, i18n.language === 'en' ? 'en' : 'nl') : '';
  const bron = indicator
    ? t('kaart.bronCbs', { jaar: kaart?.jaar ?? '', kaart: kaartBron })
    : soort === 'pilot'
      ? `${t('kaart.bronPilot')}. ${t('kaart.bronKaart', { kaart: kaartBron })}`
      : `${bronRegel(t, data?.hiaten?.jaar ?? null, data?.hiaten?.periode ?? null, basisVan(data?.hiaten?.cellen ?? []))}. ${t('kaart.bronKaart', { kaart: kaartBron })}`;

  const exporteer = async (formaat: 'png' | 'svg') => {
    if (!projectie) return;
    setExportFout(null);
    const doc = kaartSvg({
      breedte: projectie.breedte,
      hoogte: projectie.hoogte,
      titel,
      vlakken: vlakken.map((v) => ({
        d: v.d,
        fill: v.fill,
        arcering: v.arcering,
        voorbereiding: v.voorbereiding,
        naam: v.waarde ? `${v.naam}: ${v.waarde}` : v.naam,
      })),
      markers: markers.map((m) => ({ x: m.x, y: m.y, vorm: MARKER[m.soort].vorm, fill: MARKER[m.soort].fill })),
      legendaTitel: [onderwerp, methode].filter(Boolean).join(' · '),
      legenda: [
        ...legenda.map<ExportLegendaItem>((l) => ({
          label: l.label,
          fill: l.fill,
          arcering: l.arcering,
          voorbereiding: l.voorbereiding,
        })),
        ...markerLegenda.map<ExportLegendaItem>((m) => ({
          label: m.label,
          fill: MARKER[m.soort].fill,
          vorm: MARKER[m.soort].vorm,
        })),
      ],
      voetregel: bron,
    });
    try {
      if (formaat === 'svg') {
        downloadFile(doc.svg, kaartBestandsnaam(onderwerp, 'svg'), 'image/svg+xml');
      } else {
        const png = await svgNaarPng(doc.svg, doc.breedte, doc.hoogte, 3);
        downloadFile(png, kaartBestandsnaam(onderwerp, 'png'), 'image/png');
      }
    } catch {
      setExportFout(t('kaart.exportMislukt'));
    }
  };

  const selected = geselecteerd ? vlakken.find((v) => v.code === geselecteerd) : undefined;

  if (error) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('kaart.titel')}</Heading>
        <ErrorText error={error} />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('kaart.titel')}</Heading>
        <Paragraph>{t('kaart.laden')}</Paragraph>
      </div>
    );
  }
  if (!kaart || !projectie || vormen.length === 0) {
    return (
      <div className="wijkweb-page">
        <Heading level={1}>{t('kaart.titel')}</Heading>
        <KaartLeeg onImport={onImport} />
      </div>
    );
  }

  return (
    <div className="wijkweb-page wijkweb-page--full wijkweb-kaart">
      <Heading level={1}>{t('kaart.titel')}</Heading>
      <KaartToolbar
        gekozen={gekozen}
        onKleuring={(k) => {
          setNadruk(null);
          setKleuring(k);
        }}
        leefgebieden={leefgebieden}
        metPilot={!!capaciteit}
        indicatoren={indicatoren}
        momenten={data.hiaten?.momenten ?? []}
        jaar={kaart.jaar}
        jaren={kaart.jaren}
        onJaar={(j) => {
          setGeselecteerd(null);
          setKleuring(null);
          setJaar(j);
        }}
        toonVoorzieningen={toonVoorzieningen}
        onToonVoorzieningen={setToonVoorzieningen}
        toonOrganisaties={toonOrganisaties}
        onToonOrganisaties={setToonOrganisaties}
        onExport={(formaat) => void exporteer(formaat)}
      />
      {profielen === null && (
        <p className="wijkweb-hint" role="status">
          {t('kaart.cijfersLaden')}
        </p>
      )}
      {codes.length > MAX_PROFIELEN && (
        <Paragraph className="wijkweb-hint">
          {t('kaart.teVeelVoorCijfers', { aantal: formatNumber(codes.length, lang) })}
        </Paragraph>
      )}
      {!data.hiaten && (
        <Paragraph className="wijkweb-hint">{t('kaart.geenHiatenJaar', { jaar: kaart.jaar ?? '' })}</Paragraph>
      )}
      {exportFout && <ErrorText error={exportFout} />}
      <div className="wijkweb-kaart__werkvlak">
        <KaartCanvas
          breedte={projectie.breedte}
          hoogte={projectie.hoogte}
          titel={titel}
          vlakken={vlakken}
          markers={markers}
          geselecteerd={geselecteerd}
          nadruk={nadruk}
          onSelect={setGeselecteerd}
        />
        <div className="wijkweb-kaart__zijkant">
          <div className="wijkweb-kaart__legenda">
            <Legenda
              titel={onderwerp}
              subtitel={[kaart.jaar ? String(kaart.jaar) : null, bron].filter(Boolean).join(' · ')}
              methode={methode}
              items={legenda}
              markers={markerLegenda}
              nadruk={nadruk}
              onNadruk={(id) => setNadruk((cur) => (cur === id ? null : id))}
            />
          </div>
          <section className="wijkweb-kaart__details" aria-labelledby="kaart-details-titel" data-testid="kaart-details">
            {selected ? (
              <BuurtDetails
                vlak={selected}
                onderwerp={onderwerp}
                cellen={(data.hiaten?.cellen ?? []).filter((c) => c.gebiedCode === selected.code)}
                markers={markers.filter((m) => m.buurt === selected.code)}
                onSluit={() => setGeselecteerd(null)}
              />
            ) : (
              <>
                <Heading level={2} id="kaart-details-titel">
                  {t('kaart.detailsTitel')}
                </Heading>
                <Paragraph className="wijkweb-hint">{t('kaart.detailsUitleg')}</Paragraph>
              </>
            )}
          </section>
        </div>
      </div>
      <KaartTabel vlakken={vlakken} onderwerp={onderwerp} jaar={kaart.jaar} />
    </div>
  );
}
