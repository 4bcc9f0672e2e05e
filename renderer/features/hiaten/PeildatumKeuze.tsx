/**
 * The peildatum of the gap analysis, chosen in the Hiaten view and on the Kaart (one choice for both): the moments
 * the Cognos counts have, the newest first.
 */
import { useTranslation } from 'react-i18next';
import { datumTekst } from './logic';
import { useHiatenPeildatum } from './peildatum';

export function PeildatumKeuze({ id, momenten }: { id: string; momenten: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const peildatum = useHiatenPeildatum((s) => s.peildatum);
  const kies = useHiatenPeildatum((s) => s.kies);
  if (momenten.length === 0) return null;
  return (
    <div className="wijkweb-toolbar__search wijkweb-toolbar__search--smal">
      <label className="utrecht-form-label" htmlFor={id}>
        {t('hiaten.peildatum')}
      </label>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={peildatum ?? ''}
        onChange={(e) => kies(e.target.value || null)}
      >
        <option value="">{t('hiaten.peildatumNieuwste', { datum: datumTekst(momenten[0]!, i18n.language) })}</option>
        {momenten.slice(1).map((m) => (
          <option key={m} value={m}>
            {datumTekst(m, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}
