/** The Kaart's toolbar: what colours the map, the peildatum of the gaps, the map's year, the markers, the export. */
import { useTranslation } from 'react-i18next';
import { Button, CheckboxField } from '../../components/ui';
import { PeildatumKeuze } from '../hiaten/PeildatumKeuze';
import type { Indicator } from './logic';

export function KaartToolbar({
  gekozen,
  onKleuring,
  leefgebieden,
  metPilot,
  indicatoren,
  momenten,
  jaar,
  jaren,
  onJaar,
  toonVoorzieningen,
  onToonVoorzieningen,
  toonOrganisaties,
  onToonOrganisaties,
  onExport,
}: {
  gekozen: string | null;
  onKleuring: (kleuring: string) => void;
  leefgebieden: readonly { code: string; label: string }[];
  /** The pilot's aanmeldingen per fte can colour the map. */
  metPilot: boolean;
  indicatoren: readonly Indicator[];
  /** The moments the gaps can be seen at. */
  momenten: readonly string[];
  jaar: number | null;
  jaren: readonly number[];
  onJaar: (jaar: number) => void;
  toonVoorzieningen: boolean;
  onToonVoorzieningen: (toon: boolean) => void;
  toonOrganisaties: boolean;
  onToonOrganisaties: (toon: boolean) => void;
  onExport: (formaat: 'png' | 'svg') => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="wijkweb-toolbar">
      <div className="wijkweb-toolbar__search">
        <label className="utrecht-form-label" htmlFor="kaart-kleuring">
          {t('kaart.kleurNaar')}
        </label>
        <select
          id="kaart-kleuring"
          className="utrecht-select utrecht-select--html-select"
          value={gekozen ?? ''}
          onChange={(e) => onKleuring(e.target.value)}
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
          {metPilot && (
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
      {gekozen?.startsWith('hiaat:') && <PeildatumKeuze id="kaart-peildatum" momenten={momenten} />}
      {jaren.length > 1 && (
        <div className="wijkweb-toolbar__search wijkweb-toolbar__search--smal">
          <label className="utrecht-form-label" htmlFor="kaart-jaar">
            {t('kaart.jaar')}
          </label>
          <select
            id="kaart-jaar"
            className="utrecht-select utrecht-select--html-select"
            value={jaar ?? ''}
            onChange={(e) => onJaar(Number(e.target.value))}
          >
            {jaren.map((j) => (
              <option key={j} value={j}>
                {j}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="wijkweb-toolbar__group">
        <CheckboxField checked={toonVoorzieningen} onChange={onToonVoorzieningen}>
          {t('kaart.toonVoorzieningen')}
        </CheckboxField>
        <CheckboxField checked={toonOrganisaties} onChange={onToonOrganisaties}>
          {t('kaart.toonOrganisaties')}
        </CheckboxField>
      </div>
      <div className="wijkweb-toolbar__actions">
        <Button onClick={() => onExport('png')}>{t('kaart.exportPng')}</Button>
        <Button onClick={() => onExport('svg')}>{t('kaart.exportSvg')}</Button>
      </div>
    </div>
  );
}
