/**
 * Pilotmonitor (issue 18): is the pilot working? Top to bottom: the pilot with its gebied, start and the peildatum;
 * the goals with their status, sentence and trend; the afhandeling of aanmeldingen per quarter; the costs against
 * the baseline years; the initiatives; capacity against demand; the pilot plan's four evaluation questions. Every
 * change is one undo step (the store); the monitor is computed again after each.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Doel, DoelEvaluatie } from '../../../shared/contract';
import { waardeTekst } from '../../../shared/analysis/pilot';
import { DOEL_MAAT_INFO, FUNCTIES } from '../../../shared/model/pilot';
import { ConfirmDialog } from '../../components/dialog';
import { Button, Heading, Paragraph, Table, TableHead, td, tdNum, tr } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { ErrorText } from '../gegevens/ErrorText';
import { datumTekst } from '../hiaten/logic';
import { usePilotData, type PilotData } from './data';
import { CapaciteitForm, DoelForm, PilotForm, TellingForm } from './Formulieren';
import { AfhandelingGrafiek, KostenGrafiek, Sparkline, StatusBadge, StatusIcoon, telTekst } from './Grafieken';
import { STATUS_VOLGORDE } from './logic';

type Open =
  | { readonly soort: 'pilot' }
  | { readonly soort: 'doel'; readonly doel: Doel | null }
  | { readonly soort: 'telling' }
  | { readonly soort: 'capaciteit' }
  | null;

export function PilotPage() {
  const { t } = useTranslation();
  const [peildatum, setPeildatum] = useState('');
  const { data, error, laden } = usePilotData(/^\d{4}-\d{2}-\d{2}$/.test(peildatum) ? peildatum : null);
  const [open, setOpen] = useState<Open>(null);

  return (
    <div className="wijkweb-page wijkweb-page--full wijkweb-pilot">
      <Heading level={1}>{t('pilot.titel')}</Heading>
      <Paragraph className="wijkweb-hint">{t('pilot.intro')}</Paragraph>
      <ErrorText error={error} />
      {!data ? (
        <Paragraph>{t('pilot.laden')}</Paragraph>
      ) : (
        <>
          <PilotKop
            data={data}
            peildatum={peildatum}
            onPeildatum={setPeildatum}
            laden={laden}
            onWijzig={() => setOpen({ soort: 'pilot' })}
          />
          <DoelenSectie data={data} onOpen={(doel) => setOpen({ soort: 'doel', doel })} />
          <AfhandelingSectie data={data} onTelling={() => setOpen({ soort: 'telling' })} />
          <KostenSectie data={data} />
          <InitiatievenSectie data={data} />
          <CapaciteitSectie data={data} onInvoeren={() => setOpen({ soort: 'capaciteit' })} />
          <section
            className="wijkweb-card wijkweb-pilot__sectie"
            aria-labelledby="pilot-vragen"
            data-testid="pilot-vragen"
          >
            <Heading level={2} id="pilot-vragen">
              {t('pilot.vragen.titel')}
            </Heading>
            <Paragraph className="wijkweb-hint">{t('pilot.vragen.uitleg')}</Paragraph>
            <ol className="wijkweb-pilot__vragen">
              {data.monitor.vragen.map((v) => (
                <li key={v.nummer} data-vraag={v.nummer}>
                  <p className="utrecht-paragraph wijkweb-pilot__vraag">{v.vraag}</p>
                  <p className="utrecht-paragraph">{v.antwoord}</p>
                </li>
              ))}
            </ol>
          </section>
          {open?.soort === 'pilot' && (
            <PilotForm pilot={data.monitor.pilot} gebieden={data.gebieden} onClose={() => setOpen(null)} />
          )}
          {open?.soort === 'doel' && (
            <DoelForm
              doel={open.doel}
              standaardGebied={data.monitor.pilot.gebied}
              gebieden={data.gebieden}
              onClose={() => setOpen(null)}
            />
          )}
          {open?.soort === 'telling' && (
            <TellingForm
              standaardGebied={data.monitor.pilot.gebied}
              gebieden={data.gebieden}
              categorieen={data.afhandeling}
              onClose={() => setOpen(null)}
            />
          )}
          {open?.soort === 'capaciteit' && (
            <CapaciteitForm
              standaardGebied={data.monitor.pilot.gebied}
              gebieden={data.gebieden}
              onClose={() => setOpen(null)}
            />
          )}
        </>
      )}
      <span className="wijkweb-visually-hidden" aria-live="polite">
        {laden && data ? t('pilot.bijwerken') : ''}
      </span>
    </div>
  );
}

function PilotKop({
  data,
  peildatum,
  onPeildatum,
  laden,
  onWijzig,
}: {
  data: PilotData;
  peildatum: string;
  onPeildatum: (p: string) => void;
  laden: boolean;
  onWijzig: () => void;
}) {
  const { t, i18n } = useTranslation();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const { pilot, gebiedNaam } = data.monitor;
  const datum = (d: string) => datumTekst(d, i18n.language);
  const ingesteld = pilot.naam || pilot.gebied || pilot.start;
  return (
    <section className="wijkweb-card wijkweb-pilot__kop" aria-labelledby="pilot-naam" data-testid="pilot-kop">
      <div className="wijkweb-pilot__kop-tekst">
        <Heading level={2} id="pilot-naam">
          {pilot.naam || t('pilot.kop.geenPilot')}
        </Heading>
        {ingesteld ? (
          <dl className="wijkweb-pilot__feiten">
            <div>
              <dt>{t('pilot.kop.gebied')}</dt>
              <dd>{pilot.gebied ? `${gebiedNaam ?? pilot.gebied} (${pilot.gebied})` : t('pilot.kop.geenGebied')}</dd>
            </div>
            <div>
              <dt>{t('pilot.kop.start')}</dt>
              <dd>{pilot.start ? datum(pilot.start) : t('pilot.kop.geenStart')}</dd>
            </div>
            <div>
              <dt>{t('pilot.kop.eind')}</dt>
              <dd>{pilot.eind ? datum(pilot.eind) : t('pilot.kop.lopend')}</dd>
            </div>
          </dl>
        ) : (
          <Paragraph>{t('pilot.kop.geenPilotUitleg')}</Paragraph>
        )}
        {!readOnly && (
          <Button appearance={ingesteld ? 'secondary' : 'primary'} onClick={onWijzig}>
            {ingesteld ? t('pilot.kop.wijzigen') : t('pilot.kop.instellen')}
          </Button>
        )}
      </div>
      <div className="wijkweb-pilot__peildatum">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="pilot-peildatum">
              {t('pilot.kop.peildatum')}
            </label>
          </div>
          <div className="utrecht-form-field__description utrecht-form-field-description" id="pilot-peildatum-desc">
            {t('pilot.kop.peildatumUitleg', { datum: datum(data.monitor.peildatum) })}
          </div>
          <div className="utrecht-form-field__input">
            <input
              id="pilot-peildatum"
              type="date"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={peildatum}
              aria-describedby="pilot-peildatum-desc"
              onChange={(e) => onPeildatum(e.target.value)}
            />
          </div>
        </div>
        <p className="wijkweb-hint" data-testid="pilot-peildatum-nu">
          {laden ? t('pilot.bijwerken') : t('pilot.kop.peildatumNu', { datum: datum(data.monitor.peildatum) })}
        </p>
      </div>
    </section>
  );
}

function DoelenSectie({ data, onOpen }: { data: PilotData; onOpen: (doel: Doel | null) => void }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [weg, setWeg] = useState<Doel | null>(null);
  const { monitor } = data;
  const kanKlaarzetten = !!monitor.pilot.gebied && !!monitor.pilot.start;
  return (
    <section className="wijkweb-card wijkweb-pilot__sectie" aria-labelledby="pilot-doelen" data-testid="pilot-doelen">
      <div className="wijkweb-pilot__sectiekop">
        <Heading level={2} id="pilot-doelen">
          {t('pilot.doelen.titel')}
        </Heading>
        {!readOnly && (
          <Button onClick={() => onOpen(null)} id="doel-toevoegen">
            {t('pilot.doelen.toevoegen')}
          </Button>
        )}
      </div>
      {monitor.doelen.length === 0 ? (
        <div className="wijkweb-empty" data-testid="doelen-leeg">
          <Paragraph>{t('pilot.doelen.leeg')}</Paragraph>
          {!readOnly && (
            <>
              <Button
                appearance="primary"
                disabled={!kanKlaarzetten}
                aria-describedby={kanKlaarzetten ? undefined : 'klaarzetten-uitleg'}
                onClick={() => void actions.addStandaardDoelen()}
              >
                {t('pilot.doelen.klaarzetten')}
              </Button>
              {!kanKlaarzetten && (
                <p className="wijkweb-hint" id="klaarzetten-uitleg">
                  {t('pilot.doelen.klaarzettenUit')}
                </p>
              )}
            </>
          )}
        </div>
      ) : (
        <>
          <StatusLegenda doelen={monitor.doelen} />
          <Table caption={t('pilot.doelen.caption', { datum: datumTekst(monitor.peildatum, i18n.language) })}>
            <TableHead
              columns={[
                t('pilot.doelen.kolomStatus'),
                t('pilot.doelen.kolomNaam'),
                t('pilot.doelen.kolomZin'),
                t('pilot.doelen.kolomCriterium'),
                t('pilot.doelen.kolomTrend'),
                ...(readOnly ? [] : [t('pilot.doelen.kolomActies')]),
              ]}
            />
            <tbody className="utrecht-table__body">
              {monitor.doelen.map((e) => (
                <DoelRij key={e.doel.id} e={e} readOnly={readOnly} onWijzig={() => onOpen(e.doel)} onWeg={setWeg} />
              ))}
            </tbody>
          </Table>
        </>
      )}
      {weg && (
        <ConfirmDialog
          title={t('pilot.doelen.verwijderenTitel')}
          confirmLabel={t('pilot.doelen.verwijderen')}
          cancelLabel={t('pilot.annuleren')}
          closeLabel={t('pilot.sluiten')}
          danger
          onCancel={() => setWeg(null)}
          onConfirm={() => {
            const id = weg.id;
            setWeg(null);
            // The row and its button are gone after the delete: the focus goes to "Doel toevoegen", not to the page.
            void actions.deleteDoel(id).then(() => document.getElementById('doel-toevoegen')?.focus());
          }}
        >
          <Paragraph>{t('pilot.doelen.verwijderenVraag', { naam: weg.naam })}</Paragraph>
        </ConfirmDialog>
      )}
    </section>
  );
}

function StatusLegenda({ doelen }: { doelen: readonly DoelEvaluatie[] }) {
  const { t } = useTranslation();
  return (
    <ul className="wijkweb-plain-list wijkweb-pilot__legenda" aria-label={t('pilot.doelen.legenda')}>
      {STATUS_VOLGORDE.map((s) => (
        <li key={s}>
          <StatusIcoon status={s} />
          {t(`pilot.status.${s}`)} ({doelen.filter((d) => d.status === s).length})
        </li>
      ))}
    </ul>
  );
}

function DoelRij({
  e,
  readOnly,
  onWijzig,
  onWeg,
}: {
  e: DoelEvaluatie;
  readOnly: boolean;
  onWijzig: () => void;
  onWeg: (d: Doel) => void;
}) {
  const { t } = useTranslation();
  const d = e.doel;
  return (
    <tr className={tr} data-doel={d.id} data-status={e.status}>
      <td className={td}>
        <StatusBadge status={e.status} />
      </td>
      <th scope="row" className={td}>
        {d.naam}
        <div className="wijkweb-hint">
          {t(`pilot.maat.${d.maat}`)}
          {d.wet ? ` (${d.wet})` : ''} · {t(`pilot.richting.${d.richting}`)}
        </div>
      </th>
      <td className={td} data-testid="doel-zin">
        {e.zin}
      </td>
      <td className={tdNum}>{d.criterium ?? t('pilot.doelen.geenCriterium')}</td>
      <td className={td}>
        <Sparkline
          naam={d.naam}
          trend={e.trend}
          basis={e.basis?.waarde ?? null}
          eenheid={DOEL_MAAT_INFO[d.maat].eenheid}
        />
      </td>
      {!readOnly && (
        <td className={td}>
          <div className="wijkweb-pilot__acties">
            <Button
              appearance="subtle"
              onClick={onWijzig}
              aria-label={t('pilot.doelen.wijzigenLabel', { naam: d.naam })}
            >
              {t('pilot.doelen.wijzigen')}
            </Button>
            <Button
              appearance="subtle"
              onClick={() => onWeg(d)}
              aria-label={t('pilot.doelen.verwijderenLabel', { naam: d.naam })}
            >
              {t('pilot.doelen.verwijderen')}
            </Button>
          </div>
        </td>
      )}
    </tr>
  );
}

function AfhandelingSectie({ data, onTelling }: { data: PilotData; onTelling: () => void }) {
  const { t } = useTranslation();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const { monitor } = data;
  const categorieen = data.afhandeling.length ? data.afhandeling : monitor.categorieen;
  return (
    <section
      className="wijkweb-card wijkweb-pilot__sectie"
      aria-labelledby="pilot-afhandeling"
      data-testid="pilot-afhandeling"
    >
      <div className="wijkweb-pilot__sectiekop">
        <Heading level={2} id="pilot-afhandeling">
          {t('pilot.afh.titel')}
        </Heading>
        {!readOnly && <Button onClick={onTelling}>{t('pilot.afh.telling')}</Button>}
      </div>
      <Paragraph className="wijkweb-hint">{t('pilot.afh.uitleg')}</Paragraph>
      {monitor.afhandeling.length === 0 ? (
        <Paragraph className="wijkweb-empty">{t('pilot.afh.leeg')}</Paragraph>
      ) : (
        <AfhandelingGrafiek perioden={monitor.afhandeling} categorieen={categorieen} privacy={data.privacy} />
      )}
    </section>
  );
}

function KostenSectie({ data }: { data: PilotData }) {
  const { t } = useTranslation();
  const { monitor } = data;
  return (
    <section className="wijkweb-card wijkweb-pilot__sectie" aria-labelledby="pilot-kosten" data-testid="pilot-kosten">
      <Heading level={2} id="pilot-kosten">
        {t('pilot.kosten.titel')}
      </Heading>
      <Paragraph className="wijkweb-hint">{t('pilot.kosten.uitleg')}</Paragraph>
      {monitor.kosten.length === 0 ? (
        <Paragraph className="wijkweb-empty">{t('pilot.kosten.leeg')}</Paragraph>
      ) : (
        <KostenGrafiek kosten={monitor.kosten} basis={monitor.kostenBasis} />
      )}
    </section>
  );
}

function InitiatievenSectie({ data }: { data: PilotData }) {
  const { t, i18n } = useTranslation();
  const { monitor } = data;
  return (
    <section
      className="wijkweb-card wijkweb-pilot__sectie"
      aria-labelledby="pilot-initiatieven"
      data-testid="pilot-initiatieven"
    >
      <Heading level={2} id="pilot-initiatieven">
        {t('pilot.initiatieven.titel')}
      </Heading>
      {monitor.initiatieven.length === 0 ? (
        <Paragraph className="wijkweb-empty">{t('pilot.initiatieven.leeg')}</Paragraph>
      ) : (
        <ol className="wijkweb-pilot__tijdlijn">
          {monitor.initiatieven.map((i, n) => (
            <li key={`${i.voorzieningId}-${i.soort}-${n}`} data-soort={i.soort}>
              <span className={`wijkweb-pilot__soort wijkweb-pilot__soort--${i.soort}`}>
                {t(`pilot.initiatieven.${i.soort}`)}
              </span>
              <span className="wijkweb-pilot__datum">
                {i.datum ? datumTekst(i.datum, i18n.language) : t('pilot.initiatieven.datumOnbekend')}
              </span>
              <span>
                <strong>{i.naam}</strong>
                {i.organisatie ? ` (${i.organisatie})` : ''}
                {i.collectief ? ` · ${t('pilot.initiatieven.collectief')}` : ''}
                <span className="wijkweb-hint"> · {t(`pilot.initiatieven.herkomst.${i.herkomst}`)}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {monitor.pilot.start && (
        <Paragraph>{t('pilot.initiatieven.relaties', { count: monitor.nieuweRelaties.length })}</Paragraph>
      )}
    </section>
  );
}

function CapaciteitSectie({ data, onInvoeren }: { data: PilotData; onInvoeren: () => void }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const { monitor, privacy } = data;
  const taal = i18n.language === 'en' ? 'en' : 'nl';
  const num = (v: number, d = 1) =>
    new Intl.NumberFormat(taal === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: d }).format(v);
  const rijen = monitor.capaciteit.rijen;
  const g = monitor.capaciteit.gemeente;
  return (
    <section
      className="wijkweb-card wijkweb-pilot__sectie"
      aria-labelledby="pilot-capaciteit"
      data-testid="pilot-capaciteit"
    >
      <div className="wijkweb-pilot__sectiekop">
        <Heading level={2} id="pilot-capaciteit">
          {t('pilot.capaciteit.titel')}
        </Heading>
        {!readOnly && <Button onClick={onInvoeren}>{t('pilot.capaciteit.invoeren')}</Button>}
      </div>
      <Paragraph className="wijkweb-hint">{t('pilot.capaciteit.uitleg')}</Paragraph>
      {rijen.length === 0 ? (
        <Paragraph className="wijkweb-empty">{t('pilot.capaciteit.leeg')}</Paragraph>
      ) : (
        <>
          <Table caption={t('pilot.capaciteit.caption', { datum: datumTekst(monitor.peildatum, i18n.language) })}>
            <TableHead
              columns={[
                t('pilot.capaciteit.kolomGebied'),
                ...FUNCTIES.map((f) => t(`pilot.functie.${f}`)),
                t('pilot.capaciteit.kolomTotaal'),
                t('pilot.capaciteit.kolomAanmeldingen'),
                t('pilot.capaciteit.kolomPerFte'),
                t('pilot.capaciteit.kolomIndex'),
                t('pilot.capaciteit.kolomOordeel'),
              ]}
            />
            <tbody className="utrecht-table__body">
              {rijen.map((r) => (
                <tr
                  key={r.code}
                  className={`${tr}${r.oordeel === 'onderbezet' ? ' wijkweb-pilot__onderbezet' : ''}`}
                  data-gebied={r.code}
                >
                  <th scope="row" className={td}>
                    {r.naam}
                  </th>
                  {FUNCTIES.map((f) => (
                    <td key={f} className={tdNum}>
                      {r.fte[f] !== undefined ? num(r.fte[f]!) : ''}
                    </td>
                  ))}
                  <td className={tdNum}>{num(r.fteTotaal)}</td>
                  <td className={tdNum}>
                    {r.aanmeldingen !== null ? telTekst(Math.round(r.aanmeldingen), privacy, i18n.language) : ''}
                  </td>
                  <td className={tdNum}>{r.aanmeldingenPerFte !== null ? num(r.aanmeldingenPerFte) : ''}</td>
                  <td className={tdNum}>{r.index !== null ? num(r.index, 2) : ''}</td>
                  <td className={td}>
                    <span className={`wijkweb-pilot__oordeel wijkweb-pilot__oordeel--${r.oordeel}`}>
                      {r.oordeel === 'onderbezet' && <span aria-hidden="true">▲ </span>}
                      {r.oordeel === 'ruim' && <span aria-hidden="true">▼ </span>}
                      {t(`pilot.capaciteit.oordeel.${r.oordeel}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          {g.aanmeldingenPerFte !== null && (
            <p className="wijkweb-hint">
              {t('pilot.capaciteit.gemeente', { fte: num(g.fte), perFte: num(g.aanmeldingenPerFte) })}
            </p>
          )}
        </>
      )}
      {data.capaciteit.length > 0 && (
        <details className="wijkweb-pilot__regels">
          <summary>{t('pilot.capaciteit.regels')}</summary>
          <Table caption={t('pilot.capaciteit.regelsCaption')}>
            <TableHead
              columns={[
                t('pilot.capaciteit.kolomGebied'),
                t('pilot.capaciteit.kolomDatum'),
                t('pilot.capaciteit.kolomFunctie'),
                t('pilot.capaciteit.kolomFte'),
                ...(readOnly ? [] : [t('pilot.doelen.kolomActies')]),
              ]}
            />
            <tbody className="utrecht-table__body">
              {data.capaciteit.map((c) => (
                <tr key={c.id} className={tr}>
                  <th scope="row" className={td}>
                    {c.gebiedNaam}
                  </th>
                  <td className={td}>{datumTekst(c.peildatum, i18n.language)}</td>
                  <td className={td}>{t(`pilot.functie.${c.functie}`)}</td>
                  <td className={tdNum}>{waardeTekst(c.fte, 'fte', taal)}</td>
                  {!readOnly && (
                    <td className={td}>
                      <Button
                        appearance="subtle"
                        aria-label={t('pilot.capaciteit.verwijderenLabel', {
                          gebied: c.gebiedNaam,
                          functie: t(`pilot.functie.${c.functie}`),
                          datum: datumTekst(c.peildatum, i18n.language),
                        })}
                        onClick={() => void actions.deleteCapaciteit(c.id)}
                      >
                        {t('pilot.capaciteit.verwijderen')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </details>
      )}
    </section>
  );
}
