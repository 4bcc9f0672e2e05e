/** The Netwerk map's left panel: how it looks (and its layouts), the filters, focus and path, and saved views. */
import { useTranslation } from 'react-i18next';
import type { NetwerkData, NetwerkKnoop, Weergave } from '../../../shared/contract';
import { FocusEnPad, Filters, WeergaveInstellingen } from './FilterPanel';
import type { KnoopOptie } from './KnoopZoeker';
import type { Indeling, Metriek, NetwerkInstellingen } from './settings';
import { WeergavenPanel } from './WeergavenPanel';

export function NetwerkLinks({
  open,
  data,
  inst,
  onChange,
  onIndelen,
  indelenBezig,
  selectie,
  opties,
  snapshot,
  onToepassen,
}: {
  open: boolean;
  data: NetwerkData;
  inst: NetwerkInstellingen;
  onChange: (next: NetwerkInstellingen) => void;
  onIndelen: (indeling: Indeling, ringenOp?: Metriek) => void;
  indelenBezig: boolean;
  selectie: NetwerkKnoop | null;
  opties: readonly KnoopOptie[];
  snapshot: () => Record<string, unknown>;
  onToepassen: (w: Weergave) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside
      id="netwerk-paneel-links"
      className="wijkweb-netwerk__links"
      aria-label={t('netwerk.paneel.links')}
      hidden={!open}
    >
      <details open className="wijkweb-netwerk__sectie">
        <summary>{t('netwerk.paneel.weergave')}</summary>
        <WeergaveInstellingen
          inst={inst}
          onChange={onChange}
          onIndelen={(indeling, ringenOp) => onIndelen(indeling, ringenOp)}
          indelenBezig={indelenBezig}
        />
      </details>
      <details open className="wijkweb-netwerk__sectie">
        <summary>{t('netwerk.paneel.filters')}</summary>
        <Filters data={data} inst={inst} onChange={onChange} />
      </details>
      <details open className="wijkweb-netwerk__sectie">
        <summary>{t('netwerk.paneel.focus')}</summary>
        <FocusEnPad
          key={JSON.stringify([inst.filter.focus, inst.filter.pad])}
          inst={inst}
          onChange={onChange}
          selectie={selectie ? selectie.id : null}
          selectieNaam={selectie?.naam ?? null}
          opties={opties}
        />
      </details>
      <details open className="wijkweb-netwerk__sectie">
        <summary>{t('netwerk.paneel.weergaven')}</summary>
        <WeergavenPanel snapshot={snapshot} onToepassen={onToepassen} />
      </details>
    </aside>
  );
}
