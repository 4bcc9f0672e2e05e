/**
 * Kaart: the buurten drawn from their own polygons (no online tiles), coloured by gap severity for one leefgebied
 * or by a CBS figure, with voorzieningen and organisaties as markers in their buurt. Hover or focus shows a
 * tooltip, a click the details; zoom and pan with the buttons, the wheel, dragging or the keyboard; export as PNG or
 * SVG. Every buurt is a focusable button with its name and value, and the same figures are in a table.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HiaatCel, KaartGebied } from '../../../shared/contract';
import { kaartBronTekst } from '../../../shared/db/repos/kaart';
import {
  Button,
  ButtonGroup,
  CheckboxField,
  Heading,
  Paragraph,
  Table,
  TableHead,
  td,
  tdNum,
  tr,
} from '../../components/ui';
import { formatNumber } from '../../format';
import { downloadFile } from '../gegevens/export';
import { ErrorText } from '../gegevens/ErrorText';
import { basisVan, bronRegel, ERNST_STIJL, ERNST_VOLGORDE, vergelijkCellen } from '../hiaten/logic';
import { ErnstSymbool } from '../hiaten/ErnstLegenda';
import { PeildatumKeuze } from '../hiaten/PeildatumKeuze';
import { INDEX_PALET, indexKlasse, indexPerBuurt } from '../pilot/logic';
import { MAX_PROFIELEN, useKaartGegevens, useProfielen } from './data';
import {
  BLAUW_5,
  klassen,
  klassengrenzen,
  klasseVan,
  maakProjectie,
  middelpunt,
  padVan,
  spreiding,
  zoomRond,
  type Klasse,
  type Punt,
} from './logic';
import { kaartBestandsnaam, kaartSvg, svgNaarPng, type ExportLegendaItem, type ExportMarker } from './svg-export';
import { MarkerIcoon, MarkerVorm, Patronen } from './Vormen';

/** Marker colours (Okabe-Ito), each with its own shape as well. */
const MARKER = {
  organisatie: { vorm: 'cirkel', fill: '#ffffff' },
  collectief: { vorm: 'ruit', fill: '#E69F00' },
  ander: { vorm: 'vierkant', fill: '#56B4E9' },
} as const satisfies Record<string, { vorm: ExportMarker['vorm']; fill: string }>;
type MarkerSoort = keyof typeof MARKER;

/** The first CBS figures in the choice, in this order; the rest follow as they come. */
const EERST = ['inwoners', 'aandeel_65_plus', 'leeftijd_65_plus', 'aandeel_eenpersoonshuishoudens'];

interface Vlak {
  readonly code: string;
  readonly naam: string;
  readonly d: string;
  readonly centrum: Punt | null;
  readonly fill: string;
  readonly arcering: boolean;
  readonly voorbereiding: boolean;
  /** "ernstig hiaat, index 5,1" / "880" / "geen gegevens". */
  readonly waarde: string;
  readonly getal: number | null;
  /** The legend class (index in the legend's list) it belongs to. */
  readonly klasse: string;
}

interface Marker {
  readonly id: string;
  readonly soort: MarkerSoort;
  readonly naam: string;
  readonly buurt: string;
  readonly x: number;
  readonly y: number;
}

interface LegendaItem {
  readonly id: string;
  readonly label: string;
  readonly fill: string;
  readonly arcering?: boolean;
  readonly voorbereiding?: boolean;
  readonly aantal: number;
}

type Transform = { x: number; y: number; k: number };
const GEEN_ZOOM: Transform = { x: 0, y: 0, k: 1 };
const MAX_ZOOM = 40;

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
  const indicatoren = useMemo(() => {
    const seen = new Map<string, { sleutel: string; label: string; eenheid: string | null }>();
    for (const p of profielen?.values() ?? []) {
      for (const r of [...p.rijen, ...p.afgeleid]) {
        if (!seen.has(r.sleutel)) seen.set(r.sleutel, { sleutel: r.sleutel, label: r.label, eenheid: r.eenheid });
      }
    }
    const rank = (s: string) => (EERST.includes(s) ? EERST.indexOf(s) : EERST.length);
    return [...seen.values()].sort((a, b) => rank(a.sleutel) - rank(b.sleutel));
  }, [profielen]);
  const cellen = useMemo(() => {
    const m = new Map<string, HiaatCel>();
    for (const c of data?.hiaten?.cellen ?? []) m.set(`${c.gebiedCode}|${c.leefgebied}`, c);
    return m;
  }, [data]);
  const standaardKleuring = useMemo(() => {
    // The leefgebied with the most severe cell first; else the first leefgebied; else a CBS figure.
    const worst = [...(data?.hiaten?.cellen ?? [])].sort(vergelijkCellen)[0];
    if (worst && worst.ernst !== 'geen-gegevens') return `hiaat:${worst.leefgebied}`;
    if (indicatoren[0]) return `cbs:${indicatoren[0].sleutel}`;
    if (leefgebieden[0]) return `hiaat:${leefgebieden[0].code}`;
    return null;
  }, [data, indicatoren, leefgebieden]);
  const gekozen = kleuring ?? standaardKleuring;
  const [soort, sleutel] = gekozen ? (gekozen.split(/:(.*)/s) as ['hiaat' | 'cbs' | 'pilot', string]) : [null, null];
  const capaciteit = data?.capaciteit ?? null;
  const indicator = soort === 'cbs' ? indicatoren.find((i) => i.sleutel === sleutel) : undefined;
  const leefgebied = soort === 'hiaat' ? leefgebieden.find((l) => l.code === sleutel) : undefined;
  const onderwerp = indicator
    ? indicator.label
    : soort === 'pilot' && capaciteit
      ? t('kaart.pilotApf')
      : leefgebied
        ? t('kaart.hiaatVoor', { leefgebied: leefgebied.label })
        : t('kaart.buurten');
  const eenheid = (e: string | null | undefined) => (e === '%' ? ' %' : '');

  // Fill, value and legend class of every buurt.
  const { vlakken, legenda, methode } = useMemo(() => {
    const uit: Vlak[] = [];
    const items: LegendaItem[] = [];
    let methode: string | null = null;
    if (soort === 'cbs' && sleutel) {
      const waarden = new Map<string, { waarde: number | null; geheim: boolean }>();
      for (const { g } of vormen) {
        const p = profielen?.get(g.code);
        const r = p && [...p.rijen, ...p.afgeleid].find((x) => x.sleutel === sleutel);
        waarden.set(g.code, {
          waarde: r && r.status === 'ok' ? r.waarde : null,
          geheim: r?.status === 'geheim',
        });
      }
      const getallen = [...waarden.values()].map((w) => w.waarde).filter((v): v is number => v !== null);
      const grenzen = klassengrenzen(getallen, 5);
      const ks: Klasse[] = klassen(getallen, grenzen, BLAUW_5);
      for (const k of ks) {
        items.push({
          id: `k${k.index}`,
          label: t('kaart.klasse', {
            van: num.format(k.van),
            tot: num.format(k.tot),
            eenheid: eenheid(indicator?.eenheid),
            count: k.aantal,
          }),
          fill: k.kleur,
          aantal: k.aantal,
        });
      }
      const leeg = [...waarden.values()].filter((w) => w.waarde === null);
      items.push({
        id: 'leeg',
        label: t('kaart.geenGegevensAantal', { count: leeg.length }),
        fill: ERNST_STIJL['geen-gegevens'].fill,
        arcering: true,
        aantal: leeg.length,
      });
      methode = t('kaart.methode', { count: ks.length });
      for (const { g, d, centrum } of vormen) {
        const w = waarden.get(g.code)!;
        const k = w.waarde !== null ? klasseVan(w.waarde, grenzen) : null;
        uit.push({
          code: g.code,
          naam: g.naam,
          d,
          centrum,
          fill: k !== null ? ks[k]!.kleur : ERNST_STIJL['geen-gegevens'].fill,
          arcering: k === null,
          voorbereiding: false,
          getal: w.waarde,
          waarde:
            w.waarde !== null
              ? `${num.format(w.waarde)}${eenheid(indicator?.eenheid)}`
              : w.geheim
                ? t('kaart.geheim')
                : t('kaart.geenGegevens'),
          klasse: k !== null ? `k${k}` : 'leeg',
        });
      }
    } else if (soort === 'pilot' && capaciteit) {
      // Aanmeldingen per fte against the gemeente: a buurt takes the index of the gebied that covers it.
      const perBuurt = indexPerBuurt(
        capaciteit.rijen,
        vormen.map((v) => ({ code: v.g.code, wijkCode: v.g.wijkCode })),
        capaciteit.leden,
      );
      const rij = new Map(capaciteit.rijen.map((r) => [r.code, r]));
      const counts = new Array<number>(INDEX_PALET.length).fill(0);
      let leeg = 0;
      for (const { g, d, centrum } of vormen) {
        const w = perBuurt.get(g.code);
        const k = w ? indexKlasse(w.index) : null;
        if (k === null) leeg++;
        else counts[k]!++;
        const r = w ? rij.get(w.gebied) : undefined;
        uit.push({
          code: g.code,
          naam: g.naam,
          d,
          centrum,
          fill: k !== null ? INDEX_PALET[k]! : ERNST_STIJL['geen-gegevens'].fill,
          arcering: k === null,
          voorbereiding: false,
          getal: w?.index ?? null,
          waarde: w
            ? t('kaart.indexWaarde', {
                index: num.format(w.index),
                perFte: r?.aanmeldingenPerFte != null ? num.format(r.aanmeldingenPerFte) : '–',
                gebied: r?.naam ?? w.gebied,
              })
            : t('kaart.geenGegevens'),
          klasse: k !== null ? `i${k}` : 'leeg',
        });
      }
      INDEX_PALET.forEach((kleur, k) => {
        items.push({
          id: `i${k}`,
          label: t(`kaart.indexKlasse.${k}`, { count: counts[k] }),
          fill: kleur,
          aantal: counts[k]!,
        });
      });
      items.push({
        id: 'leeg',
        label: t('kaart.geenGegevensAantal', { count: leeg }),
        fill: ERNST_STIJL['geen-gegevens'].fill,
        arcering: true,
        aantal: leeg,
      });
      methode = t('kaart.methodePilot');
    } else if (soort === 'hiaat' && sleutel) {
      const counts = new Map<string, number>();
      // Per class, how many buurten rest on CBS figures alone (no measured demand): the legend says so.
      const alleenCbs = new Map<string, number>();
      let voorbereiding = 0;
      for (const { g, d, centrum } of vormen) {
        const c = cellen.get(`${g.code}|${sleutel}`);
        const ernst = c?.ernst ?? 'geen-gegevens';
        counts.set(ernst, (counts.get(ernst) ?? 0) + 1);
        if (c && c.basis.length > 0 && !c.basis.includes('cognos'))
          alleenCbs.set(ernst, (alleenCbs.get(ernst) ?? 0) + 1);
        if (c?.inVoorbereiding) voorbereiding++;
        const stijl = ERNST_STIJL[ernst];
        const delen = [t(`hiaten.ernst.${ernst}`)];
        if (c?.index != null) delen.push(t('hiaten.indexWaarde', { index: num.format(c.index) }));
        if (c?.inVoorbereiding) delen.push(t('hiaten.inVoorbereiding'));
        if (c && c.basis.length > 0) delen.push(c.basis.map((b) => t(`hiaten.basis.${b}`)).join(' + '));
        uit.push({
          code: g.code,
          naam: g.naam,
          d,
          centrum,
          fill: stijl.fill,
          arcering: stijl.arcering,
          voorbereiding: !!c?.inVoorbereiding,
          getal: c?.index ?? null,
          waarde: delen.join(', '),
          klasse: ernst,
        });
      }
      for (const e of ERNST_VOLGORDE) {
        const n = counts.get(e) ?? 0;
        const cbs = e === 'geen' || e === 'geen-gegevens' ? 0 : (alleenCbs.get(e) ?? 0);
        items.push({
          id: e,
          label:
            t('kaart.ernstAantal', { ernst: t(`hiaten.ernstKop.${e}`), count: n }) +
            (cbs > 0 ? `, ${t('kaart.alleenCbs', { count: cbs })}` : ''),
          fill: ERNST_STIJL[e].fill,
          arcering: ERNST_STIJL[e].arcering,
          aantal: n,
        });
      }
      items.push({
        id: 'voorbereiding',
        label: t('kaart.voorbereidingAantal', { count: voorbereiding }),
        fill: '#ffffff',
        voorbereiding: true,
        aantal: voorbereiding,
      });
      methode = t('kaart.methodeHiaten');
    } else {
      for (const { g, d, centrum } of vormen) {
        uit.push({
          code: g.code,
          naam: g.naam,
          d,
          centrum,
          fill: '#f3f3f3',
          arcering: false,
          voorbereiding: false,
          getal: null,
          waarde: '',
          klasse: '',
        });
      }
    }
    return { vlakken: uit, legenda: items, methode };
  }, [soort, sleutel, vormen, profielen, cellen, indicator, capaciteit, num, t]);

  // Markers at their buurt's centre.
  const markers = useMemo(() => {
    const centra = new Map(vormen.map((v) => [v.g.code, v.centrum]));
    const perBuurt = new Map<string, Omit<Marker, 'x' | 'y'>[]>();
    const add = (m: Omit<Marker, 'x' | 'y'>) => {
      if (!centra.get(m.buurt)) return;
      perBuurt.set(m.buurt, [...(perBuurt.get(m.buurt) ?? []), m]);
    };
    if (toonOrganisaties) {
      for (const o of data?.organisaties ?? []) {
        if (o.buurtCode) add({ id: `o${o.id}`, soort: 'organisatie', naam: o.naam, buurt: o.buurtCode });
      }
    }
    if (toonVoorzieningen) {
      for (const v of data?.voorzieningen ?? []) {
        if (v.status === 'gestopt') continue;
        const buurt = v.locatieBuurtCode ?? (v.werkgebied.length === 1 ? v.werkgebied[0]! : null);
        if (!buurt) continue;
        add({
          id: `v${v.id}`,
          soort: v.collectief && v.vrijToegankelijk ? 'collectief' : 'ander',
          naam: v.naam,
          buurt,
        });
      }
    }
    const out: Marker[] = [];
    for (const [buurt, list] of perBuurt) {
      const [cx, cy] = centra.get(buurt)!;
      list.forEach((m, i) => {
        const [dx, dy] = spreiding(i);
        out.push({ ...m, x: cx + dx, y: cy + dy });
      });
    }
    return out;
  }, [vormen, data, toonOrganisaties, toonVoorzieningen]);

  const markerLegenda = useMemo(() => {
    const n = (s: MarkerSoort) => markers.filter((m) => m.soort === s).length;
    return (['collectief', 'ander', 'organisatie'] as const)
      .filter((s) => (s === 'organisatie' ? toonOrganisaties : toonVoorzieningen))
      .map((s) => ({ soort: s, label: t(`kaart.marker.${s}`, { count: n(s) }) }));
  }, [markers, toonOrganisaties, toonVoorzieningen, t]);

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
        <section className="wijkweb-card wijkweb-empty" aria-labelledby="kaart-leeg" data-testid="kaart-leeg">
          <Heading level={2} id="kaart-leeg">
            {t('kaart.leegTitel')}
          </Heading>
          <Paragraph>{t('kaart.leegUitleg')}</Paragraph>
          <ol className="wijkweb-steps">
            <li>{t('kaart.leegStap1')}</li>
            <li>{t('kaart.leegStap2')}</li>
            <li>{t('kaart.leegStap3')}</li>
          </ol>
          <Button appearance="primary" onClick={onImport}>
            {t('kaart.naarImporteren')}
          </Button>
        </section>
      </div>
    );
  }

  return (
    <div className="wijkweb-page wijkweb-page--full wijkweb-kaart">
      <Heading level={1}>{t('kaart.titel')}</Heading>
      <div className="wijkweb-toolbar">
        <div className="wijkweb-toolbar__search">
          <label className="utrecht-form-label" htmlFor="kaart-kleuring">
            {t('kaart.kleurNaar')}
          </label>
          <select
            id="kaart-kleuring"
            className="utrecht-select utrecht-select--html-select"
            value={gekozen ?? ''}
            onChange={(e) => {
              setNadruk(null);
              setKleuring(e.target.value);
            }}
          >
            {leefgebieden.length > 0 && (
              <optgroup label={t('kaart.groepHiaten')}>
                {leefgebieden.map((l) => (
                  <option key={l.code} value={`hiaat:${l.code}`}>
                    {t('kaart.hiaatVoor', { leefgebied: l.label })}
                  </option>
                ))}
              </optgroup>
            )}
            {capaciteit && (
              <optgroup label={t('kaart.groepPilot')}>
                <option value="pilot:apf">{t('kaart.pilotApf')}</option>
              </optgroup>
            )}
            {indicatoren.length > 0 && (
              <optgroup label={t('kaart.groepCbs')}>
                {indicatoren.map((i) => (
                  <option key={i.sleutel} value={`cbs:${i.sleutel}`}>
                    {i.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        {gekozen?.startsWith('hiaat:') && (
          <PeildatumKeuze id="kaart-peildatum" momenten={data.hiaten?.momenten ?? []} />
        )}
        {kaart.jaren.length > 1 && (
          <div className="wijkweb-toolbar__search wijkweb-toolbar__search--smal">
            <label className="utrecht-form-label" htmlFor="kaart-jaar">
              {t('kaart.jaar')}
            </label>
            <select
              id="kaart-jaar"
              className="utrecht-select utrecht-select--html-select"
              value={kaart.jaar ?? ''}
              onChange={(e) => {
                setGeselecteerd(null);
                setKleuring(null);
                setJaar(Number(e.target.value));
              }}
            >
              {kaart.jaren.map((j) => (
                <option key={j} value={j}>
                  {j}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="wijkweb-toolbar__group">
          <CheckboxField checked={toonVoorzieningen} onChange={setToonVoorzieningen}>
            {t('kaart.toonVoorzieningen')}
          </CheckboxField>
          <CheckboxField checked={toonOrganisaties} onChange={setToonOrganisaties}>
            {t('kaart.toonOrganisaties')}
          </CheckboxField>
        </div>
        <div className="wijkweb-toolbar__actions">
          <Button onClick={() => void exporteer('png')}>{t('kaart.exportPng')}</Button>
          <Button onClick={() => void exporteer('svg')}>{t('kaart.exportSvg')}</Button>
        </div>
      </div>
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
      <details className="wijkweb-kaart__tabel">
        <summary>{t('kaart.alsTabel')}</summary>
        <Table caption={t('kaart.tabelCaption', { onderwerp, jaar: kaart.jaar ?? '' })}>
          <TableHead columns={[t('kaart.kolomBuurt'), t('kaart.kolomCode'), onderwerp]} />
          <tbody className="utrecht-table__body">
            {[...vlakken]
              .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
              .map((v) => (
                <tr key={v.code} className={tr}>
                  <th scope="row" className={td}>
                    {v.naam}
                  </th>
                  <td className={td}>{v.code}</td>
                  <td className={tdNum}>{v.waarde}</td>
                </tr>
              ))}
          </tbody>
        </Table>
      </details>
    </div>
  );
}

/** The SVG map with zoom and pan, the tooltip, and the legend and zoom buttons over it. */
function KaartCanvas({
  breedte,
  hoogte,
  titel,
  vlakken,
  markers,
  geselecteerd,
  nadruk,
  onSelect,
}: {
  breedte: number;
  hoogte: number;
  titel: string;
  vlakken: readonly Vlak[];
  markers: readonly Marker[];
  geselecteerd: string | null;
  nadruk: string | null;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const prefix = `kaart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const svgRef = useRef<SVGSVGElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<Transform>(GEEN_ZOOM);
  const [tip, setTip] = useState<{ code: string; x: number; y: number } | null>(null);
  const [actief, setActief] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; t: Transform; moved: boolean; id: number } | null>(null);
  const wasDrag = useRef(false);

  /** Screen px per SVG unit (the SVG scales to its box). */
  const schaal = () => {
    const r = svgRef.current?.getBoundingClientRect();
    return r && r.width > 0 ? Math.min(r.width / breedte, r.height / hoogte) : 1;
  };
  const zoomMet = (factor: number, px = breedte / 2, py = hoogte / 2) =>
    setZoom((z) => {
      const k2 = Math.min(MAX_ZOOM, Math.max(1, z.k * factor));
      return k2 === 1 ? GEEN_ZOOM : zoomRond(z, px, py, k2);
    });
  const schuif = (dx: number, dy: number) => setZoom((z) => ({ ...z, x: z.x + dx, y: z.y + dy }));

  // The wheel zooms around the pointer (a native listener: React's wheel listener is passive).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      const s = Math.min(r.width / breedte, r.height / hoogte) || 1;
      const px = (e.clientX - r.left - (r.width - breedte * s) / 2) / s;
      const py = (e.clientY - r.top - (r.height - hoogte * s) / 2) / s;
      const factor = Math.exp(-e.deltaY * 0.0015);
      setZoom((z) => {
        const k2 = Math.min(MAX_ZOOM, Math.max(1, z.k * factor));
        return k2 === 1 ? GEEN_ZOOM : zoomRond(z, px, py, k2);
      });
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [breedte, hoogte]);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    wasDrag.current = false;
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, t: zoom, moved: false, id: e.pointerId };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d && d.id === e.pointerId) {
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) > 4) {
        d.moved = true;
        svgRef.current?.setPointerCapture(e.pointerId);
      }
      if (d.moved) {
        const s = schaal();
        setZoom({ ...d.t, x: d.t.x + dx / s, y: d.t.y + dy / s });
        setTip(null);
        return;
      }
    }
    const target = (e.target as Element).closest('[data-code]');
    const code = target?.getAttribute('data-code');
    const frame = frameRef.current?.getBoundingClientRect();
    if (code && frame) setTip({ code, x: e.clientX - frame.left, y: e.clientY - frame.top });
    else setTip(null);
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    wasDrag.current = !!d?.moved;
    if (d?.moved && svgRef.current?.hasPointerCapture(e.pointerId)) svgRef.current.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const stap = 40 / zoom.k;
    const acties: Record<string, () => void> = {
      ArrowLeft: () => schuif(stap * zoom.k, 0),
      ArrowRight: () => schuif(-stap * zoom.k, 0),
      ArrowUp: () => schuif(0, stap * zoom.k),
      ArrowDown: () => schuif(0, -stap * zoom.k),
      '+': () => zoomMet(1.5),
      '=': () => zoomMet(1.5),
      '-': () => zoomMet(1 / 1.5),
      '0': () => setZoom(GEEN_ZOOM),
    };
    const actie = acties[e.key];
    if (actie && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      actie();
    }
  };
  /** The tooltip of a focused buurt, at its centre on the screen. */
  const tipBijFocus = (v: Vlak) => {
    setActief(v.code);
    const frame = frameRef.current?.getBoundingClientRect();
    const r = svgRef.current?.getBoundingClientRect();
    if (!frame || !r || !v.centrum) return;
    const s = schaal();
    const ox = (r.width - breedte * s) / 2;
    const oy = (r.height - hoogte * s) / 2;
    const x = r.left - frame.left + ox + (v.centrum[0] * zoom.k + zoom.x) * s;
    const y = r.top - frame.top + oy + (v.centrum[1] * zoom.k + zoom.y) * s;
    setTip({ code: v.code, x, y });
  };

  const tipVlak = tip ? vlakken.find((v) => v.code === tip.code) : undefined;
  const boven = [geselecteerd, actief].filter((c): c is string => !!c);
  const k = zoom.k;

  return (
    <div className="wijkweb-kaart__frame" data-testid="kaart">
      <div className="wijkweb-kaart__canvas" ref={frameRef}>
        <svg
          ref={svgRef}
          className="wijkweb-kaart__svg"
          viewBox={`0 0 ${breedte} ${hoogte}`}
          preserveAspectRatio="xMidYMid meet"
          role="group"
          aria-label={t('kaart.svgLabel', { titel })}
          aria-describedby={`${prefix}-uitleg`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setTip(null)}
          onKeyDown={onKeyDown}
        >
          <defs>
            <Patronen prefix={prefix} />
          </defs>
          <rect width={breedte} height={hoogte} fill="#fbfbfb" />
          <g transform={`translate(${zoom.x} ${zoom.y}) scale(${k})`}>
            {vlakken.map((v) => {
              const faded = nadruk !== null && v.klasse !== nadruk;
              return (
                <g key={v.code} opacity={faded ? 0.25 : 1}>
                  <path
                    d={v.d}
                    data-code={v.code}
                    className="wijkweb-kaart__buurt"
                    fill={v.arcering ? `url(#${prefix}-arcering)` : v.fill}
                    fillRule="evenodd"
                    stroke="#4d4d4d"
                    strokeWidth={1}
                    vectorEffect="non-scaling-stroke"
                    tabIndex={0}
                    role="button"
                    aria-pressed={geselecteerd === v.code}
                    aria-label={v.waarde ? `${v.naam}: ${v.waarde}` : v.naam}
                    onClick={() => {
                      if (wasDrag.current) {
                        wasDrag.current = false;
                        return;
                      }
                      onSelect(v.code);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        e.stopPropagation();
                        onSelect(v.code);
                      }
                    }}
                    onFocus={() => tipBijFocus(v)}
                    onBlur={() => {
                      setActief(null);
                      setTip(null);
                    }}
                  />
                  {v.voorbereiding && (
                    <path d={v.d} fill={`url(#${prefix}-voorbereiding)`} fillRule="evenodd" pointerEvents="none" />
                  )}
                </g>
              );
            })}
            {/* The selected and the focused buurt on top: a dark outline with a white line inside. */}
            {boven.map((code, i) => {
              const v = vlakken.find((x) => x.code === code);
              if (!v) return null;
              return (
                <g key={`${code}-${i}`} pointerEvents="none" fill="none">
                  <path d={v.d} stroke="#1a1a1a" strokeWidth={4} vectorEffect="non-scaling-stroke" />
                  <path d={v.d} stroke="#ffffff" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
                </g>
              );
            })}
            <g aria-hidden="true" pointerEvents="none">
              {markers.map((m) => (
                <MarkerVorm
                  key={m.id}
                  x={m.x}
                  y={m.y}
                  vorm={MARKER[m.soort].vorm}
                  fill={MARKER[m.soort].fill}
                  r={4 / Math.sqrt(k)}
                  lijn={1.2 / Math.sqrt(k)}
                />
              ))}
            </g>
          </g>
        </svg>
        <p id={`${prefix}-uitleg`} className="wijkweb-visually-hidden">
          {t('kaart.bediening')}
        </p>
        {tipVlak && (
          <div className="wijkweb-kaart__tip" style={{ left: tip!.x + 12, top: tip!.y + 12 }} aria-hidden="true">
            <strong>{tipVlak.naam}</strong>
            {tipVlak.waarde && <span>{tipVlak.waarde}</span>}
          </div>
        )}
        <div className="wijkweb-kaart__zoom" role="group" aria-label={t('kaart.zoomGroep')}>
          <Button aria-label={t('kaart.inzoomen')} title={t('kaart.inzoomen')} onClick={() => zoomMet(1.5)}>
            +
          </Button>
          <Button aria-label={t('kaart.uitzoomen')} title={t('kaart.uitzoomen')} onClick={() => zoomMet(1 / 1.5)}>
            −
          </Button>
          <Button aria-label={t('kaart.heleKaart')} title={t('kaart.heleKaart')} onClick={() => setZoom(GEEN_ZOOM)}>
            ⟲
          </Button>
        </div>
      </div>
    </div>
  );
}

/** The legend, lower left over the map: classes with their count; a click highlights a class. Collapsible. */
function Legenda({
  titel,
  subtitel,
  methode,
  items,
  markers,
  nadruk,
  onNadruk,
}: {
  titel: string;
  subtitel: string;
  methode: string | null;
  items: readonly LegendaItem[];
  markers: readonly { soort: MarkerSoort; label: string }[];
  nadruk: string | null;
  onNadruk: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const id = useId();
  return (
    <section className="wijkweb-legenda" aria-labelledby={`${id}-titel`} data-testid="kaart-legenda">
      <div className="wijkweb-legenda__kop">
        <h2 className="wijkweb-legenda__titel" id={`${id}-titel`}>
          {t('kaart.legenda')}: {titel}
        </h2>
        <Button
          appearance="subtle"
          className="wijkweb-legenda__toggle"
          aria-expanded={open}
          aria-controls={`${id}-inhoud`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('kaart.legendaVerbergen') : t('kaart.legendaTonen')}
        </Button>
      </div>
      <div id={`${id}-inhoud`} hidden={!open}>
        {subtitel && <p className="wijkweb-legenda__sub">{subtitel}</p>}
        <ul className="wijkweb-plain-list wijkweb-legenda__lijst">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="wijkweb-legenda__item"
                aria-pressed={nadruk === item.id}
                disabled={item.aantal === 0}
                onClick={() => onNadruk(item.id)}
              >
                <Swatch item={item} />
                {item.label}
              </button>
            </li>
          ))}
          {markers.map((m) => (
            <li key={m.soort} className="wijkweb-legenda__marker">
              <MarkerIcoon vorm={MARKER[m.soort].vorm} fill={MARKER[m.soort].fill} />
              {m.label}
            </li>
          ))}
        </ul>
        {methode && <p className="wijkweb-legenda__sub">{methode}</p>}
        {nadruk && <p className="wijkweb-legenda__sub">{t('kaart.nadrukUitleg')}</p>}
      </div>
    </section>
  );
}

/** A legend swatch: the fill (or hatch, or dots), and for a severity its symbol as well. */
function Swatch({ item }: { item: LegendaItem }) {
  const ernst = ERNST_VOLGORDE.find((e) => e === item.id);
  return (
    <span
      className={`wijkweb-swatch${item.arcering ? ' wijkweb-swatch--arcering' : ''}${item.voorbereiding ? ' wijkweb-swatch--voorbereiding' : ''}`}
      style={
        item.arcering || item.voorbereiding
          ? undefined
          : { background: item.fill, color: ernst ? ERNST_STIJL[ernst].tekst : undefined }
      }
      aria-hidden="true"
    >
      {ernst && <ErnstSymbool ernst={ernst} />}
    </span>
  );
}

/** What the details panel shows for a buurt: its value, its gaps per leefgebied and what is located there. */
function BuurtDetails({
  vlak,
  onderwerp,
  cellen,
  markers,
  onSluit,
}: {
  vlak: Vlak;
  onderwerp: string;
  cellen: readonly HiaatCel[];
  markers: readonly Marker[];
  onSluit: () => void;
}) {
  const { t } = useTranslation();
  const gesorteerd = [...cellen].sort(vergelijkCellen);
  return (
    <>
      <Heading level={2} id="kaart-details-titel">
        {vlak.naam}
      </Heading>
      <p className="wijkweb-hint">{vlak.code}</p>
      <dl className="wijkweb-facts">
        <dt>{onderwerp}</dt>
        <dd data-testid="kaart-details-waarde">{vlak.waarde || '—'}</dd>
      </dl>
      {gesorteerd.length > 0 && (
        <>
          <Heading level={3}>{t('kaart.hiatenInBuurt')}</Heading>
          <ul className="wijkweb-plain-list wijkweb-kaart__hiaten">
            {gesorteerd.map((c) => (
              <li key={c.leefgebied}>
                <span
                  className={`wijkweb-ernst wijkweb-ernst--${c.ernst}`}
                  style={{ background: ERNST_STIJL[c.ernst].fill, color: ERNST_STIJL[c.ernst].tekst }}
                >
                  <ErnstSymbool ernst={c.ernst} />
                </span>{' '}
                {c.leefgebiedLabel}: {t(`hiaten.ernst.${c.ernst}`)}
                {c.inVoorbereiding ? ` (${t('hiaten.inVoorbereiding')})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={3}>{t('kaart.inBuurt')}</Heading>
      {markers.length === 0 ? (
        <Paragraph className="wijkweb-hint">{t('kaart.nietsInBuurt')}</Paragraph>
      ) : (
        <ul className="wijkweb-plain-list">
          {markers.map((m) => (
            <li key={m.id}>
              <MarkerIcoon vorm={MARKER[m.soort].vorm} fill={MARKER[m.soort].fill} size={14} /> {m.naam}{' '}
              <span className="wijkweb-hint">({t(`kaart.soort.${m.soort}`)})</span>
            </li>
          ))}
        </ul>
      )}
      <ButtonGroup>
        <Button onClick={onSluit}>{t('kaart.selectieWissen')}</Button>
      </ButtonGroup>
    </>
  );
}
