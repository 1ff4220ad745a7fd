import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { startThread } from '../comments/fixtures';
import type { PersonCard } from '../../shared/people';

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function people(server: Server, token: string, query = ''): Promise<PersonCard[]> {
  const res = await call(server.url, 'GET', `/api/people${query}`, { token });
  expect(res.status).toBe(200);
  return res.body.people as PersonCard[];
}
const names = (cards: PersonCard[]) => cards.map((c) => c.user.name).sort();

describe('Wie weet wat (GET /api/people)', () => {
  let server: Server;
  let lotte: TestUser;
  let karim: TestUser;
  let sofie: TestUser;
  let stranger: TestUser;
  let workspaceId: string;
  let documentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    lotte = await registerUser(server.url, { name: 'Lotte Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
    workspaceId = (await createWorkspace(server.url, lotte.token, 'Stadskamer wonen')).id;
    karim = await addMember(server.url, lotte.token, workspaceId, 'editor', { name: 'Karim El Amrani', organization: 'Stad Gent' });
    sofie = await addMember(server.url, lotte.token, workspaceId, 'commenter', { name: 'Sofie Wouters', organization: 'Stad Leuven' });
    documentId = (await createDocument(server.url, karim.token, workspaceId, { title: 'Wachtlijsten sociale huur', tags: ['wonen', 'armoede'] })).id;
    await startThread(server.url, documentId, sofie.token, 'In Leuven werken we met een gedeelde lijst.');
    stranger = await registerUser(server.url, { name: 'Buiten Staander', organization: 'Stad Gent' });
    const other = await createWorkspace(server.url, stranger.token, 'Elders');
    await createDocument(server.url, stranger.token, other.id, { title: 'Geheim wonen', tags: ['wonen'] });
  });

  afterAll(async () => {
    await server.close();
  });

  it('lists who worked on a theme, with their organisation and latest work', async () => {
    const found = await people(server, lotte.token, '?theme=wonen');
    expect(names(found)).toEqual(['Karim El Amrani', 'Sofie Wouters']);
    const karimCard = found.find((p) => p.user.id === karim.user.id)!;
    expect(karimCard.user.organization).toBe('Stad Gent');
    expect(karimCard.themes.map((t) => t.tag).sort()).toEqual(['armoede', 'wonen']);
    expect(karimCard.recent.map((r) => r.title)).toEqual(['Wachtlijsten sociale huur']);
    expect(karimCard.recent[0]!.workspaceName).toBe('Stadskamer wonen');
  });

  it('finds people by city and by words, diacritics folded and prefixes allowed', async () => {
    expect(names(await people(server, lotte.token, '?city=gent'))).toEqual(['Karim El Amrani']);
    expect(names(await people(server, lotte.token, '?q=leuven%20won'))).toEqual(['Sofie Wouters']);
    expect(names(await people(server, lotte.token, '?q=L%C3%B6tte'))).toEqual(['Lotte Peeters']);
  });

  it('never shows people or work from workspaces one does not share', async () => {
    const all = await people(server, lotte.token);
    expect(all.map((p) => p.user.id)).not.toContain(stranger.user.id);
    const mine = await people(server, stranger.token);
    expect(names(mine)).toEqual(['Buiten Staander']);
    expect(mine[0]!.recent.map((r) => r.title)).toEqual(['Geheim wonen']);
  });

  it('forgets a removed member at once', async () => {
    const removed = await call(server.url, 'DELETE', `/api/workspaces/${workspaceId}/members/${sofie.user.id}`, { token: lotte.token });
    expect(removed.status).toBe(204);
    expect(names(await people(server, lotte.token, '?theme=wonen'))).toEqual(['Karim El Amrani']);
    expect(await people(server, sofie.token)).toEqual([]);
  });

  it('answers bad filters with the error shape and needs a session', async () => {
    expect((await call(server.url, 'GET', '/api/people')).status).toBe(401);
    const bad = await call(server.url, 'GET', '/api/people?limit=0', { token: lotte.token });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('limit');
    expect((await call(server.url, 'GET', `/api/people?theme=${'x'.repeat(61)}`, { token: lotte.token })).status).toBe(422);
  });
});
