/** The legend beside the map: classes with their count (a click highlights a class), the markers. Collapsible. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { ERNST_STIJL, ERNST_VOLGORDE } from '../hiaten/logic';
import { ErnstSymbool } from '../hiaten/ErnstLegenda';
import { MARKER, type LegendaItem, type MarkerSoort } from './logic';
import { MarkerIcoon } from './Vormen';

export function Legenda({
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
