/**
 * The slides of presentation mode: the saved views (netwerk views come from the Netwerk page; a map or gap-matrix
 * slide is added here), each with a title and a note for the stuurgroep. Presentation mode shows them in this order.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Weergave, WeergaveSoort } from '../../../shared/contract';
import { Button, ButtonGroup, Paragraph, TextField } from '../../components/ui';
import { TextAreaField } from '../../components/form';
import { useActions } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';

const SOORTEN: readonly WeergaveSoort[] = ['kaart', 'hiaten', 'netwerk'];

export function Dias({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const actions = useActions();
  const alle = useWorkerQuery(
    async () => ({
      ok: true as const,
      value: (await Promise.all(SOORTEN.map((s) => actions.listWeergaven(s)))).flatMap((r) => (r.ok ? r.value : [])),
    }),
    [actions],
  ).data;
  const lijst: Weergave[] = [...(alle ?? [])].sort((a, b) => a.volgorde - b.volgorde || a.id - b.id);
  // Kept here: a saved slide is drawn anew (its data changed), and the message must stay.
  const [melding, setMelding] = useState<{ id: number; tekst: string } | null>(null);

  const toevoegen = (soort: 'kaart' | 'hiaten') =>
    void actions.saveWeergave(null, {
      naam: t(`rapport.dias.nieuw.${soort}`),
      soort,
      instellingen: {},
      titel: t(`rapport.dias.nieuw.${soort}`),
      notitie: null,
    });

  return (
    <div data-testid="dias">
      <Paragraph>{t('rapport.dias.uitleg')}</Paragraph>
      <Paragraph>{t('rapport.dias.pilot')}</Paragraph>
      {!readOnly && (
        <ButtonGroup>
          <Button onClick={() => toevoegen('kaart')}>{t('rapport.dias.kaartToevoegen')}</Button>
          <Button onClick={() => toevoegen('hiaten')}>{t('rapport.dias.hiatenToevoegen')}</Button>
        </ButtonGroup>
      )}
      {lijst.length === 0 ? (
        <Paragraph>{t('rapport.dias.geen')}</Paragraph>
      ) : (
        <ol className="wijkweb-rapport__dias">
          {lijst.map((w) => (
            <Dia
              key={`${w.id}-${w.gewijzigd}`}
              weergave={w}
              readOnly={readOnly}
              melding={melding?.id === w.id ? melding.tekst : null}
              onMelding={(tekst) => setMelding({ id: w.id, tekst })}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function Dia({
  weergave: w,
  readOnly,
  melding,
  onMelding,
}: {
  weergave: Weergave;
  readOnly: boolean;
  melding: string | null;
  onMelding: (tekst: string) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [titel, setTitel] = useState(w.titel ?? '');
  const [notitie, setNotitie] = useState(w.notitie ?? '');
  const bewaar = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await actions.saveWeergave(w.id, {
      naam: w.naam,
      soort: w.soort,
      instellingen: w.instellingen,
      titel,
      notitie,
    });
    onMelding(r.ok ? t('rapport.dias.bewaard') : t(`fout.${r.error.code}`, r.error.params ?? {}));
  };
  const id = `dia-${w.id}`;
  return (
    <li className="wijkweb-rapport__dia" data-testid="dia-instelling">
      <form onSubmit={(e) => void bewaar(e)} aria-labelledby={`${id}-kop`}>
        <p id={`${id}-kop`} className="wijkweb-rapport__dia-kop">
          <strong>{t(`rapport.dias.soort.${w.soort}`)}</strong> · {w.naam}
        </p>
        <TextField
          id={`${id}-titel`}
          label={t('rapport.dias.titel')}
          value={titel}
          maxLength={200}
          disabled={readOnly}
          onChange={(e) => setTitel(e.target.value)}
        />
        <TextAreaField
          id={`${id}-notitie`}
          label={t('rapport.dias.notitie')}
          value={notitie}
          rows={2}
          maxLength={1000}
          disabled={readOnly}
          onChange={(e) => setNotitie(e.target.value)}
        />
        {!readOnly && (
          <ButtonGroup>
            <Button type="submit">{t('rapport.dias.bewaar')}</Button>
            <Button
              appearance="subtle"
              aria-label={t('rapport.dias.verwijderenLabel', { naam: w.naam })}
              onClick={() => void actions.deleteWeergave(w.id)}
            >
              {t('rapport.verwijderen')}
            </Button>
          </ButtonGroup>
        )}
        <p className="wijkweb-hint" role="status">
          {melding}
        </p>
      </form>
    </li>
  );
}
