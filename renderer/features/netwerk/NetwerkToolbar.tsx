/**
 * The Netwerk map's toolbar: show or hide the left panel, find a knoop, and export the picture (PNG or SVG, with a
 * title, the date, the count and the legend).
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetwerkData } from '../../../shared/contract';
import { Popover } from '../../components/popover';
import { Button } from '../../components/ui';
import { useApp } from '../../state/context';
import { download, pngMetLegenda, svgMetLegenda } from './export';
import { bestandsnaam } from './format';
import type { NetwerkGraph } from './graph';
import { KnoopZoeker, type KnoopOptie } from './KnoopZoeker';
import { useLegendaTeksten } from './Legenda';
import { legendaRegels } from './legenda-regels';
import type { Legenda } from './style';

export function NetwerkToolbar({
  data,
  graphRef,
  panelOpen,
  onPanel,
  opties,
  onKies,
  legenda,
  vergelijkLabel,
  tellingTekst,
  onMelding,
}: {
  data: NetwerkData;
  graphRef: RefObject<NetwerkGraph | null>;
  panelOpen: boolean;
  onPanel: () => void;
  opties: readonly KnoopOptie[];
  onKies: (id: string) => void;
  legenda: Legenda;
  vergelijkLabel: string | null;
  tellingTekst: string;
  onMelding: (melding: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const projectNaam = useApp((s) => s.project?.overview.naam ?? '');
  const teksten = useLegendaTeksten(data);

  const exporteer = async (soort: 'png' | 'svg') => {
    const g = graphRef.current;
    if (!g) return;
    const kop = {
      titel: projectNaam ? t('netwerk.export.titel', { project: projectNaam }) : t('netwerk.titel'),
      ondertitel: [
        new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long' }).format(new Date()),
        tellingTekst,
      ].join(' · '),
    };
    const regels = legendaRegels(legenda, teksten, t, lang, vergelijkLabel);
    try {
      if (soort === 'png') {
        download(await pngMetLegenda((maak) => g.tekenKaart(maak), kop, regels), bestandsnaam('netwerk', 'png'));
      } else {
        const tekst = svgMetLegenda(await g.svg(), kop, regels);
        download(new Blob([tekst], { type: 'image/svg+xml' }), bestandsnaam('netwerk', 'svg'));
      }
      onMelding(t('netwerk.export.klaar', { bestand: bestandsnaam('netwerk', soort) }));
    } catch {
      onMelding(t('netwerk.export.mislukt'));
    }
  };

  return (
    <div className="wijkweb-toolbar wijkweb-netwerk__toolbar">
      <Button appearance="subtle" aria-expanded={panelOpen} aria-controls="netwerk-paneel-links" onClick={onPanel}>
        {panelOpen ? t('netwerk.paneel.verbergen') : t('netwerk.paneel.tonen')}
      </Button>
      <KnoopZoeker
        label={t('netwerk.zoek.label')}
        placeholder={t('netwerk.zoek.placeholder')}
        opties={opties}
        geenTreffers={t('netwerk.zoek.geenTreffers')}
        onKies={(id) => {
          if (id) onKies(id);
        }}
        testId="zoek-knoop"
      />
      <Popover label={t('netwerk.export.knop')} testId="netwerk-exporteren">
        {(close) => (
          <div className="wijkweb-popover__body">
            <p className="utrecht-paragraph wijkweb-hint">{t('netwerk.export.uitleg')}</p>
            <div className="wijkweb-popover__buttons">
              <Button onClick={() => void exporteer('png').then(close)}>{t('netwerk.export.png')}</Button>
              <Button onClick={() => void exporteer('svg').then(close)}>{t('netwerk.export.svg')}</Button>
            </div>
          </div>
        )}
      </Popover>
    </div>
  );
}
