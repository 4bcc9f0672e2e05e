import { describe, expect, it } from 'vitest';
import * as A from '@automerge/automerge';
import { listOrganisaties, listRelaties } from '../../../../shared/db/repos/sociale-kaart';
import { listMeldingen, sleutelVan } from '../../../../shared/db/repos/sync';
import { saveOrganisatie } from '../../../../shared/db/repos/sociale-kaart';
import {
  deelProject,
  kies,
  leesUitnodiging,
  neemDeel,
  probeerServer,
  projecteerSessie,
  uitnodigingTekst,
  verwijder,
  wachtOpSync,
  wijzig,
} from '../../../../node/team/client';
import { dump, lid, offline, server, verbind, type Lid } from '../../../helpers/team';

const NOW = () => new Date().toISOString();

/** Until every member has the same heads (and the server too), then project: a converged team. */
async function syncAlle(leden: Lid[]) {
  const tot = Date.now() + 20_000;
  const kop = (l: Lid) => JSON.stringify([...l.sessie!.handle.heads()].sort());
  while (Date.now() < tot && new Set(leden.map(kop)).size > 1) await new Promise((r) => setTimeout(r, 20));
  expect(new Set(leden.map(kop)).size).toBe(1);
  for (const l of leden) {
    expect(await wachtOpSync(l.sessie!, 15_000)).toBe(true);
    projecteerSessie(l.db, l.sessie!.handle, NOW());
  }
}

async function team(n: number) {
  const s = await server();
  const leden: Lid[] = [];
  const eerste = await lid('Anna');
  eerste.db.transaction(() => {
    saveOrganisatie(eerste.db, null, { naam: 'Stichting Dock', plaats: 'Utrecht' }, NOW());
    saveOrganisatie(eerste.db, null, { naam: 'Buurtteam Zuilen', soort: 'zorg' }, NOW());
  });
  const { uitnodiging, sessie } = await deelProject({ db: () => eerste.db, server: s.url, lid: 'Anna', now: NOW() });
  eerste.sessie = sessie;
  leden.push(eerste);
  for (const naam of ['Bram', 'Chris', 'Dewi', 'Eva'].slice(0, n - 1)) {
    const l = await lid(naam);
    l.sessie = await neemDeel({
      db: () => l.db,
      uitnodiging: leesUitnodiging(uitnodigingTekst(uitnodiging)),
      lid: naam,
      now: NOW(),
    });
    leden.push(l);
  }
  return { s, leden, uitnodiging };
}

const orgSleutel = (l: Lid, naam: string) =>
  sleutelVan(l.db, 'organisatie', listOrganisaties(l.db).find((o) => o.naam === naam)!.id)!;

describe('Samenwerken: server and clients on loopback', () => {
  it('edits on each of three clients arrive at the others', async () => {
    const { s, leden } = await team(3);
    try {
      await syncAlle(leden);
      expect(listOrganisaties(leden[2]!.db).map((o) => o.naam)).toEqual(['Buurtteam Zuilen', 'Stichting Dock']);
      const [a, b, c] = leden as [Lid, Lid, Lid];
      wijzig(
        a.db,
        a.sessie!.handle,
        { soort: 'organisatie', sleutel: orgSleutel(a, 'Stichting Dock'), velden: { telefoon: '030-1234567' } },
        a.naam,
        NOW(),
      );
      wijzig(
        b.db,
        b.sessie!.handle,
        { soort: 'organisatie', sleutel: null, velden: { naam: 'Alifa', soort: 'welzijn' } },
        b.naam,
        NOW(),
      );
      wijzig(
        c.db,
        c.sessie!.handle,
        {
          soort: 'relatie',
          sleutel: null,
          velden: {
            soort: 'verwijzing',
            van: `organisatie:${orgSleutel(c, 'Buurtteam Zuilen')}`,
            naar: `organisatie:${orgSleutel(c, 'Stichting Dock')}`,
            gericht: true,
          },
        },
        c.naam,
        NOW(),
      );
      await syncAlle(leden);
      const d = dump(a.db);
      expect(d.organisaties.map((o) => o.naam)).toEqual(['Alifa', 'Buurtteam Zuilen', 'Stichting Dock']);
      expect(d.organisaties.find((o) => o.naam === 'Stichting Dock')!.telefoon).toBe('030-1234567');
      expect(d.relaties).toEqual(['verwijzing:Buurtteam Zuilen->Stichting Dock:']);
      expect(dump(b.db)).toEqual(d);
      expect(dump(c.db)).toEqual(d);
    } finally {
      for (const l of leden) await l.sessie?.close();
      await s.server.close();
    }
  });

  it('keeps both values of a field edited on two disconnected clients, lists them, and settles on a choice', async () => {
    const { s, leden } = await team(3);
    try {
      await syncAlle(leden);
      const [a, b, c] = leden as [Lid, Lid, Lid];
      await offline(a);
      await offline(b);
      const k = orgSleutel(a, 'Stichting Dock');
      wijzig(
        a.db,
        a.sessie!.handle,
        { soort: 'organisatie', sleutel: k, velden: { telefoon: '030-111' } },
        a.naam,
        NOW(),
      );
      wijzig(
        b.db,
        b.sessie!.handle,
        { soort: 'organisatie', sleutel: k, velden: { telefoon: '030-222', email: 'info@dock.nl' } },
        b.naam,
        NOW(),
      );
      await verbind(a);
      await verbind(b);
      await syncAlle(leden);
      for (const l of leden) {
        const m = listMeldingen(l.db).filter((x) => x.melding === 'conflict');
        expect(m).toHaveLength(1);
        expect(m[0]!.veld).toBe('telefoon');
        const waarden = (m[0]!.details as { waarden: { w: string; door: string }[] }).waarden;
        expect(waarden.map((w) => `${w.door}:${w.w}`).sort()).toEqual(['Anna:030-111', 'Bram:030-222']);
        const dock = listOrganisaties(l.db).find((o) => o.naam === 'Stichting Dock')!;
        expect(dock.email).toBe('info@dock.nl');
        expect(dock.telefoon).toBe(waarden[0]!.w);
      }
      expect(dump(a.db)).toEqual(dump(c.db));
      // Chris chooses Bram's value: a new change that settles it on every client.
      const m = listMeldingen(c.db).find((x) => x.melding === 'conflict')!;
      const i = (m.details as { waarden: { door: string }[] }).waarden.findIndex((w) => w.door === 'Bram');
      kies(c.db, c.sessie!.handle, 'organisatie', k, 'telefoon', i, c.naam, NOW());
      await syncAlle(leden);
      for (const l of leden) {
        expect(listMeldingen(l.db)).toEqual([]);
        expect(listOrganisaties(l.db).find((o) => o.naam === 'Stichting Dock')!.telefoon).toBe('030-222');
      }
    } finally {
      for (const l of leden) await l.sessie?.close();
      await s.server.close();
    }
  });

  it('a delete of an organisation another has just linked: the link is listed with its deleted end, nothing dangles', async () => {
    const { s, leden } = await team(2);
    try {
      await syncAlle(leden);
      const [a, b] = leden as [Lid, Lid];
      await offline(a);
      await offline(b);
      const dock = orgSleutel(a, 'Stichting Dock');
      verwijder(a.db, a.sessie!.handle, 'organisatie', dock, a.naam, NOW());
      wijzig(
        b.db,
        b.sessie!.handle,
        {
          soort: 'relatie',
          sleutel: null,
          velden: {
            soort: 'verwijzing',
            van: `organisatie:${orgSleutel(b, 'Buurtteam Zuilen')}`,
            naar: `organisatie:${dock}`,
          },
        },
        b.naam,
        NOW(),
      );
      expect(listRelaties(b.db)).toHaveLength(1);
      await verbind(a);
      await verbind(b);
      await syncAlle(leden);
      for (const l of leden) {
        expect(listOrganisaties(l.db).map((o) => o.naam)).toEqual(['Buurtteam Zuilen']);
        expect(listRelaties(l.db)).toEqual([]);
        const m = listMeldingen(l.db).filter((x) => x.melding === 'verwijderd-eind');
        expect(m).toHaveLength(1);
        expect(m[0]!.details).toMatchObject({ naam: 'Stichting Dock', verwijderdDoor: 'Anna' });
        expect(l.db.all('PRAGMA foreign_key_check')).toEqual([]);
      }
      // Restoring the organisation brings the link back.
      wijzig(
        b.db,
        b.sessie!.handle,
        { soort: 'organisatie', sleutel: dock, velden: { verwijderdOp: null } },
        b.naam,
        NOW(),
      );
      await syncAlle(leden);
      for (const l of leden) {
        expect(listRelaties(l.db).map((r) => `${r.van.naam}->${r.naar.naam}`)).toEqual([
          'Buurtteam Zuilen->Stichting Dock',
        ]);
        expect(listMeldingen(l.db)).toEqual([]);
      }
    } finally {
      for (const l of leden) await l.sessie?.close();
      await s.server.close();
    }
  });

  it('refuses a wrong token on the upgrade, and logs it', async () => {
    const { s, leden, uitnodiging } = await team(1);
    try {
      const fout = uitnodigingTekst({ ...uitnodiging, token: 'verkeerd' });
      expect(await probeerServer(fout)).toBe('geweigerd');
      expect(await probeerServer(uitnodigingTekst({ ...uitnodiging, document: '4kYq1CrZmQoXgZ1GmzkEvY5zvH5Y' }))).toBe(
        'geweigerd',
      );
      expect(await probeerServer(uitnodigingTekst(uitnodiging))).toBe('ok');
      expect(s.log.some((r) => r.includes('geweigerd 403'))).toBe(true);
      expect(A.getHeads(leden[0]!.sessie!.handle.doc()).length).toBeGreaterThan(0);
    } finally {
      for (const l of leden) await l.sessie?.close();
      await s.server.close();
    }
  });

  it('a client offline for 500 edits catches up', async () => {
    const { s, leden } = await team(2);
    try {
      await syncAlle(leden);
      const [a, b] = leden as [Lid, Lid];
      await offline(a);
      const dock = orgSleutel(a, 'Stichting Dock');
      for (let i = 0; i < 500; i++) {
        if (i % 5 === 0)
          wijzig(
            a.db,
            a.sessie!.handle,
            { soort: 'organisatie', sleutel: null, velden: { naam: `Organisatie ${i}` } },
            a.naam,
            NOW(),
          );
        else
          wijzig(
            a.db,
            a.sessie!.handle,
            { soort: 'organisatie', sleutel: dock, velden: { notities: `notitie ${i}` } },
            a.naam,
            NOW(),
          );
      }
      await verbind(a);
      await syncAlle(leden);
      expect(listOrganisaties(b.db)).toHaveLength(102);
      expect(listOrganisaties(b.db).find((o) => o.naam === 'Stichting Dock')!.notities).toBe('notitie 499');
      expect(dump(b.db)).toEqual(dump(a.db));
    } finally {
      for (const l of leden) await l.sessie?.close();
      await s.server.close();
    }
  });

  it('the server killed and restarted mid-sync: the members converge and nothing is lost', async () => {
    const { s, leden } = await team(3);
    let s2: Awaited<ReturnType<typeof server>> | null = null;
    try {
      await syncAlle(leden);
      const port = s.server.port;
      for (let i = 0; i < 60; i++) {
        const l = leden[i % 3]!;
        wijzig(
          l.db,
          l.sessie!.handle,
          { soort: 'organisatie', sleutel: null, velden: { naam: `${l.naam} ${i}` } },
          l.naam,
          NOW(),
        );
      }
      await new Promise((r) => setTimeout(r, 5));
      await s.server.close();
      // Edits while the server is down stay in the members' documents.
      for (const l of leden)
        wijzig(
          l.db,
          l.sessie!.handle,
          { soort: 'organisatie', sleutel: null, velden: { naam: `${l.naam} offline` } },
          l.naam,
          NOW(),
        );
      s2 = await server(s.opslag, port);
      await syncAlle(leden);
      const d = dump(leden[0]!.db);
      expect(d.organisaties).toHaveLength(2 + 60 + 3);
      for (const l of leden) expect(dump(l.db)).toEqual(d);
    } finally {
      for (const l of leden) await l.sessie?.close();
      await s2?.server.close();
    }
  });
});
