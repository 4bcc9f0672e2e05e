/**
 * Samenwerken (issue 19): share this project's sociale kaart with the gebiedsteam on the gemeente's own server, or
 * join a team with an invite; the connection, who else is online, what waits for the server; and the review list
 * ("Wijzigingen om na te kijken"): where two teammates changed the same field at the same time, both values with who
 * and when, until someone chooses.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamBron, TeamMelding, TeamStatus } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/result';
import { leesServer, leesUitnodiging } from '../../../shared/sync/uitnodiging';
import { Alert, Button, Heading, Paragraph, Table, TableHead, TextField, td, tr } from '../../components/ui';
import { formatDateTime } from '../../format';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { ErrorText } from '../gegevens/ErrorText';

const LID_KEY = 'wijkweb.team.lid';

function bewaardeNaam(): string {
  try {
    return localStorage.getItem(LID_KEY) ?? '';
  } catch {
    return '';
  }
}

function bewaarNaam(naam: string): void {
  try {
    localStorage.setItem(LID_KEY, naam.trim());
  } catch {
    // storage may be off: the name is asked again next time
  }
}

export function SamenwerkenPage() {
  const { t } = useTranslation();
  const team = useApp((s) => s.team);
  return (
    <div className="wijkweb-page wijkweb-samenwerken">
      <Heading level={1}>{t('team.titel')}</Heading>
      <Paragraph className="wijkweb-hint">{t('team.intro')}</Paragraph>
      {!team ? (
        <Paragraph>{t('team.laden')}</Paragraph>
      ) : team.gedeeld ? (
        <>
          <TeamStatusKaart team={team} />
          <NaTeKijken team={team} />
          <TeamBestanden team={team} />
        </>
      ) : (
        <div className="wijkweb-samenwerken__kolommen">
          <DelenForm />
          <MeedoenForm />
        </div>
      )}
    </div>
  );
}

function Uitnodiging({ tekst }: { tekst: string }) {
  const { t } = useTranslation();
  const [gekopieerd, setGekopieerd] = useState(false);
  return (
    <div className="wijkweb-samenwerken__uitnodiging">
      <TextField label={t('team.uitnodiging')} description={t('team.uitnodigingUitleg')} value={tekst} readOnly />
      <Button
        data-testid="team-kopieer"
        onClick={() => {
          void navigator.clipboard?.writeText(tekst).then(
            () => setGekopieerd(true),
            () => setGekopieerd(false),
          );
        }}
      >
        {gekopieerd ? t('team.gekopieerd') : t('team.kopieer')}
      </Button>
    </div>
  );
}

/**
 * One of the two forms (share, join): its fields, the member's name (remembered for next time), the check before
 * anything is sent (an error code, or null), the call, and its error.
 */
function TeamForm({
  id,
  titel,
  uitleg,
  knop,
  uit,
  children,
  controleer,
  verstuur,
}: {
  id: string;
  titel: string;
  uitleg: string;
  knop: string;
  /** The form cannot be sent (a read-only project). */
  uit?: boolean;
  children: ReactNode;
  controleer: () => AppError | null;
  verstuur: (lid: string) => Promise<Result<unknown>>;
}) {
  const { t } = useTranslation();
  const [lid, setLid] = useState(bewaardeNaam);
  const [fout, setFout] = useState<AppError | null>(null);
  const [bezig, setBezig] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const probleem = controleer() ?? (lid.trim() ? null : { code: 'team.lid-ontbreekt' });
    setFout(probleem);
    if (probleem) return;
    setBezig(true);
    const r = await verstuur(lid);
    setBezig(false);
    if (!r.ok) return setFout(r.error);
    bewaarNaam(lid);
  };
  return (
    <section className="wijkweb-card" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {titel}
      </Heading>
      <Paragraph>{uitleg}</Paragraph>
      <form onSubmit={(e) => void onSubmit(e)} data-testid={id}>
        {children}
        <TextField
          label={t('team.naam')}
          description={t('team.naamUitleg')}
          value={lid}
          onChange={(e) => setLid(e.target.value)}
          autoComplete="name"
          name={`${id}-lid`}
        />
        <ErrorText error={fout} />
        <Button type="submit" appearance="primary" disabled={bezig || uit}>
          {bezig ? t('team.bezig') : knop}
        </Button>
      </form>
    </section>
  );
}

function DelenForm() {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const [server, setServer] = useState('');
  return (
    <TeamForm
      id="team-delen"
      titel={t('team.delenTitel')}
      uitleg={t('team.delenUitleg')}
      knop={t('team.delen')}
      uit={readOnly}
      controleer={() => {
        try {
          leesServer(server);
          return null;
        } catch {
          return { code: 'team.server-ongeldig', params: { server: server.trim() } };
        }
      }}
      verstuur={(lid) => actions.shareTeam(server, lid)}
    >
      <TextField
        label={t('team.server')}
        description={t('team.serverUitleg')}
        placeholder="wss://teamserver.gemeente.nl"
        value={server}
        onChange={(e) => setServer(e.target.value)}
        autoComplete="url"
        name="server"
      />
    </TeamForm>
  );
}

function MeedoenForm() {
  const { t } = useTranslation();
  const actions = useActions();
  const [uitnodiging, setUitnodiging] = useState('');
  const [naam, setNaam] = useState('');
  return (
    <TeamForm
      id="team-meedoen"
      titel={t('team.meedoenTitel')}
      uitleg={t('team.meedoenUitleg')}
      knop={t('team.meedoen')}
      controleer={() => {
        try {
          leesUitnodiging(uitnodiging);
        } catch {
          return { code: 'team.uitnodiging-ongeldig' };
        }
        return naam.trim() ? null : { code: 'project.naam-ongeldig' };
      }}
      verstuur={(lid) => actions.joinTeam(uitnodiging, lid, naam)}
    >
      <TextField
        label={t('team.uitnodiging')}
        value={uitnodiging}
        onChange={(e) => setUitnodiging(e.target.value)}
        name="uitnodiging"
      />
      <TextField
        label={t('team.projectNaam')}
        description={t('team.projectNaamUitleg')}
        value={naam}
        onChange={(e) => setNaam(e.target.value)}
        name="projectnaam"
      />
    </TeamForm>
  );
}

function TeamStatusKaart({ team }: { team: TeamStatus }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const [bezig, setBezig] = useState(false);
  const [fout, setFout] = useState<AppError | null>(null);
  return (
    <section className="wijkweb-card" aria-labelledby="team-status" data-testid="team-kaart">
      <Heading level={2} id="team-status">
        {t('team.statusTitel')}
      </Heading>
      <Paragraph>{t('team.gedeeldMet', { server: team.server ?? '', lid: team.lid ?? '' })}</Paragraph>
      <Alert
        type={team.verbinding === 'verbonden' ? 'ok' : team.verbinding === 'geweigerd' ? 'error' : 'info'}
        live={false}
      >
        <Paragraph>
          <strong data-testid="team-verbinding" data-verbinding={team.verbinding}>
            {t(`team.verbinding.${team.verbinding}`)}
          </strong>{' '}
          {t(`team.verbindingUitleg.${team.verbinding}`)}
        </Paragraph>
      </Alert>
      <ul className="wijkweb-samenwerken__feiten">
        <li data-testid="team-wachtend">
          {team.wachtend === 0 ? t('team.nietsWacht') : t('team.wachtend', { count: team.wachtend })}
        </li>
        <li>
          {team.laatstGesynchroniseerd
            ? t('team.laatst', { tijd: formatDateTime(team.laatstGesynchroniseerd, i18n.language) })
            : t('team.nogNooit')}
        </li>
        <li data-testid="team-online">
          {team.online.length === 0 ? t('team.niemandOnline') : t('team.online', { namen: team.online.join(', ') })}
        </li>
      </ul>
      {team.verbinding !== 'verbonden' && (
        <Button
          disabled={bezig}
          onClick={() => {
            setBezig(true);
            setFout(null);
            void actions.reconnectTeam().then((r) => {
              setBezig(false);
              if (!r.ok) setFout(r.error);
            });
          }}
        >
          {t('team.opnieuwVerbinden')}
        </Button>
      )}
      <ErrorText error={fout} />
      {team.uitnodiging && <Uitnodiging tekst={team.uitnodiging} />}
    </section>
  );
}

function waardeTekst(t: (k: string) => string, w: string | number | boolean | null): string {
  if (w === null || w === '') return t('team.leeg');
  if (typeof w === 'boolean') return w ? t('team.ja') : t('team.nee');
  return String(w);
}

function NaTeKijken({ team }: { team: TeamStatus }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const query = useWorkerQuery(() => actions.listTeamMeldingen(), [actions, team.naTeKijken]);
  const lijst: readonly TeamMelding[] | null = query.data;
  const [keuzeFout, setFout] = useState<AppError | null>(null);
  const fout = keuzeFout ?? query.error;
  const [bezig, setBezig] = useState(false);

  const veldNaam = (veld: string) => t(`team.veld.${veld}`, { defaultValue: veld });
  const soortNaam = (soort: string) => t(`team.soort.${soort}`);
  return (
    <section className="wijkweb-card" aria-labelledby="team-na-te-kijken" data-testid="team-na-te-kijken">
      <Heading level={2} id="team-na-te-kijken">
        {t('team.naTeKijkenTitel', { count: lijst?.length ?? team.naTeKijken })}
      </Heading>
      <ErrorText error={fout} />
      {lijst && lijst.length === 0 && <Paragraph>{t('team.nietsNaTeKijken')}</Paragraph>}
      {lijst && lijst.length > 0 && (
        <ul className="wijkweb-samenwerken__meldingen">
          {lijst.map((m) => (
            <li
              key={`${m.soort}:${m.sleutel}:${m.veld}`}
              className="wijkweb-samenwerken__melding"
              data-testid="team-melding"
            >
              {m.melding === 'conflict' && m.waarden ? (
                <>
                  <Paragraph>
                    <strong>{m.naam ?? soortNaam(m.soort)}</strong>{' '}
                    {t('team.conflict', { soort: soortNaam(m.soort), veld: veldNaam(m.veld) })}
                  </Paragraph>
                  <ul className="wijkweb-samenwerken__waarden">
                    {m.waarden.map((w, i) => (
                      <li key={i}>
                        <span className="wijkweb-samenwerken__waarde">‘{waardeTekst(t, w.w)}’</span>{' '}
                        {t('team.door', { lid: w.door, tijd: formatDateTime(w.op, i18n.language) })}
                        {i === 0 && <> {t('team.getoond')}</>}{' '}
                        <Button
                          appearance="secondary"
                          disabled={bezig}
                          aria-label={t('team.kiesWaarde', { waarde: waardeTekst(t, w.w), veld: veldNaam(m.veld) })}
                          onClick={() => {
                            setBezig(true);
                            void actions.chooseTeamWaarde(m.soort, m.sleutel, m.veld, i).then((r) => {
                              setBezig(false);
                              if (!r.ok) setFout(r.error);
                            });
                          }}
                        >
                          {t('team.kies')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </>
              ) : m.melding === 'verwijderd-eind' ? (
                <Paragraph>
                  <strong>{m.naam ?? soortNaam(m.soort)}</strong>{' '}
                  {t('team.verwijderdEind', {
                    soort: soortNaam(m.soort),
                    eind: String(m.details?.naam ?? ''),
                    door: String(m.details?.verwijderdDoor ?? t('team.iemand')),
                  })}
                </Paragraph>
              ) : (
                <Paragraph>
                  <strong>{m.naam ?? soortNaam(m.soort)}</strong> {t('team.nietGetoond', { soort: soortNaam(m.soort) })}
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Which imported files the team has (the figures stay with each member): per version who has it, and you? */
function TeamBestanden({ team }: { team: TeamStatus }) {
  const { t } = useTranslation();
  const actions = useActions();
  const lijst: readonly TeamBron[] | null = useWorkerQuery(
    () => actions.listTeamBronnen(),
    [actions, team.revisie],
  ).data;
  if (!lijst) return null;
  return (
    <section className="wijkweb-card" aria-labelledby="team-bestanden" data-testid="team-bestanden">
      <Heading level={2} id="team-bestanden">
        {t('team.bestandenTitel')}
      </Heading>
      <Paragraph>{t('team.bestandenUitleg')}</Paragraph>
      {lijst.length === 0 ? (
        <Paragraph>{t('team.geenBestanden')}</Paragraph>
      ) : (
        <Table caption={t('team.bestandenTitel')}>
          <TableHead columns={[t('team.bestand'), t('team.bestandSoort'), t('team.wie'), t('team.bijJou')]} />
          <tbody className="utrecht-table__body">
            {lijst.map((b) => (
              <tr key={b.sha256} className={tr}>
                <td className={td}>
                  {b.bestand} <span className="wijkweb-hint">({b.sha256.slice(0, 8)})</span>
                </td>
                <td className={td}>{t(`bronSoort.${b.soort}`, { defaultValue: b.soort })}</td>
                <td className={td}>{b.leden.join(', ')}</td>
                <td className={td}>{b.bijMij ? t('team.ja') : t('team.nietBijJou')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
