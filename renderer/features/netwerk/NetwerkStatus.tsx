/** The line under the Netwerk toolbar: what the map shows of the whole, and a chip per active filter to take it off. */
import { useTranslation } from 'react-i18next';
import type { NetwerkData } from '../../../shared/contract';
import { Button } from '../../components/ui';
import { formatPeriode } from './format';
import { actieveFilters, allesTonen, zonderFilter, type NetwerkInstellingen } from './settings';

export function NetwerkStatus({
  data,
  inst,
  onChange,
  tellingTekst,
}: {
  data: NetwerkData;
  inst: NetwerkInstellingen;
  onChange: (next: NetwerkInstellingen) => void;
  tellingTekst: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const chips = actieveFilters(inst.filter).map((deel) => ({ deel, tekst: chipTekst(deel) }));
  function chipTekst(deel: string): string {
    const f = inst.filter;
    const namen = (tax: string, codes: readonly string[] | undefined) =>
      (codes ?? []).map((c) => data.labels[tax]?.[c] ?? c).join(', ');
    const naam = (id: string) => data.knopen.find((k) => k.id === id)?.naam ?? id;
    switch (deel) {
      case 'leefgebieden':
        return t('netwerk.chip.leefgebieden', { waarden: namen('leefgebied', f.leefgebieden) });
      case 'doelgroepen':
        return t('netwerk.chip.doelgroepen', { waarden: namen('doelgroep', f.doelgroepen) });
      case 'sectoren':
        return t('netwerk.chip.sectoren', { waarden: namen('soort_organisatie', f.sectoren) });
      case 'relatieSoorten':
        return t('netwerk.chip.relatieSoorten', { waarden: namen('relatietype', f.relatieSoorten) });
      case 'periode':
        return t('netwerk.chip.periode', { periode: formatPeriode(`${f.periode!.start}/${f.periode!.eind}`, lang) });
      case 'gebieden':
        return t('netwerk.chip.gebieden', {
          waarden: (f.gebieden ?? []).map((c) => data.gebieden[c]?.naam ?? c).join(', '),
        });
      case 'statussen':
        return t('netwerk.chip.statussen', { waarden: (f.statussen ?? []).map((s) => t(`waarde.${s}`)).join(', ') });
      case 'minVolume':
        return t('netwerk.chip.minVolume', { aantal: f.minVolume });
      case 'focus':
        return t('netwerk.chip.focus', { naam: naam(f.focus!.knoop), count: f.focus!.stappen });
      default:
        return t('netwerk.chip.pad', { van: naam(f.pad!.van), naar: naam(f.pad!.naar) });
    }
  }

  return (
    <div className="wijkweb-toolbar wijkweb-toolbar--status wijkweb-compact wijkweb-netwerk__status">
      <span className={chips.length ? 'wijkweb-chip' : undefined} data-testid="netwerk-telling" aria-live="polite">
        {tellingTekst}
      </span>
      {chips.map((c) => (
        <button
          key={c.deel}
          type="button"
          className="wijkweb-chip wijkweb-netwerk__chip"
          aria-label={t('netwerk.chip.weghalen', { filter: c.tekst })}
          onClick={() => onChange({ ...inst, filter: zonderFilter(inst.filter, c.deel) })}
        >
          {c.tekst} <span aria-hidden="true">×</span>
        </button>
      ))}
      {chips.length > 0 && (
        <Button appearance="subtle" onClick={() => onChange({ ...inst, filter: allesTonen(inst.filter) })}>
          {t('netwerk.allesTonen')}
        </Button>
      )}
    </div>
  );
}
