/**
 * `npm run seed`: two demo people and a demo workspace with a draft recommendation, a
 * network note and a workshop board. It starts the real server in this process on
 * DATA_DIR (on a free port, so a running `npm start` elsewhere is not in the way) and goes
 * only through the public contract: the HTTP API and a stock y-websocket client.
 * Running it twice changes nothing the second time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSchema, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { loadConfig } from '../server/config';
import { startServer } from '../server/server';

export const DEMO_PASSWORD = 'stadskamer-demo';
export const DEMO_USERS = [
  { email: 'lotte@example.be', name: 'Lotte Vermeulen', organization: 'Kenniscentrum Vlaamse Steden' },
  { email: 'karim@example.be', name: 'Karim El Amrani', organization: 'Stad Gent' },
] as const;
export const DEMO_WORKSPACE = 'Stadskamer Mechelen — atelier bestuurlijke capaciteit';

// ---------------------------------------------------------------------------------------
// Demo content, written for this project around the themes of the Kenniscentrum's reports.

const text = (t: string, marks?: ('bold' | 'italic')[]): JSONContent => ({ type: 'text', text: t, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const para = (...parts: (string | JSONContent)[]): JSONContent => ({ type: 'paragraph', content: parts.map((p) => (typeof p === 'string' ? text(p) : p)) });
const heading = (level: number, t: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const list = (type: 'bulletList' | 'orderedList', items: (string | JSONContent)[][]): JSONContent => ({
  type,
  content: items.map((parts) => ({ type: 'listItem', content: [para(...parts)] })),
});

const RECOMMENDATION: JSONContent = {
  type: 'doc',
  content: [
    heading(1, 'De stad als netwerkbestuur'),
    para(
      'Dertig deelnemers uit steden, Vlaamse agentschappen en kennisinstellingen zochten op dit atelier naar wat een stad nodig heeft om ',
      text('samen met anderen', ['italic']),
      ' te besturen, in plaats van alles zelf te willen doen.',
    ),
    heading(2, 'Invalshoeken van de dag'),
    list('bulletList', [
      [text('Interne organisatie:', ['bold']), ' diensten werken nog te vaak naast elkaar; projecten die over de grenzen van een dienst gaan, vinden moeilijk een eigenaar.'],
      [text('Netwerkbestuur:', ['bold']), ' burgers, verenigingen en bedrijven brengen kennis en energie mee, maar de stad weet niet altijd hoe ze die een plaats geeft.'],
      [text('Vlaams stedenbeleid:', ['bold']), ' steden vragen ruimte om te experimenteren, minder planlast en een partner die mee leert.'],
    ]),
    heading(2, 'Aanbevelingen aan de steden'),
    list('orderedList', [
      ['Geef transversale opdrachten een trekker met mandaat en een eigen budget, niet alleen een overlegtafel.'],
      ['Maak ruimte voor regie: leer ambtenaren onderhandelen, verbinden en loslaten, naast het leveren van diensten.'],
      ['Vang signalen van bewoners systematisch op en koppel terug wat ermee gebeurd is.'],
    ]),
    heading(2, 'Aanbevelingen aan de Vlaamse overheid'),
    list('orderedList', [
      ['Ondersteun capaciteitsopbouw in de steden met lerende netwerken in plaats van losse subsidies.'],
      ['Laat experimenten toe die afwijken van de regel, met een afspraak over evaluatie achteraf.'],
    ]),
    { type: 'blockquote', content: [para('"Een netwerk zit bij personen: wie vertrekt, neemt het mee." — uit de slotronde')] },
  ],
};

const NOTE: JSONContent = {
  type: 'doc',
  content: [
    heading(1, 'Gebiedsgericht werken: wie weet wat'),
    para('Steden die met wijkregisseurs of gebiedsteams werken, leren veel van elkaar. Deze notitie houdt bij wie je kunt bellen en wat zij geleerd hebben.'),
    heading(2, 'Goede praktijken'),
    list('bulletList', [
      [text('Genk', ['bold']), ' — een wijkteam per stadsdeel met één aanspreekpunt voor bewoners; lessen over hoe je diensten mee krijgt.'],
      [text('Gent', ['bold']), ' — wijkbudgetten waarover bewoners zelf beslissen; de stad begeleidt, maar kiest niet.'],
      [text('Turnhout', ['bold']), ' — een kleine stad die gebiedswerking stadsbreed uitrolt, niet alleen in kwetsbare wijken.'],
    ]),
    heading(2, 'Wat we leerden'),
    para('Gebiedswerking slaagt als de centrale diensten er ook naar luisteren. Zonder die terugkoppeling wordt de wijkwerker een brievenbus.'),
  ],
};

const BOARD = {
  columns: [
    { id: 'col-intern', title: 'Interne organisatie' },
    { id: 'col-netwerk', title: 'De stad als netwerkbestuur' },
    { id: 'col-vlaams', title: 'Vlaams stedenbeleid' },
  ],
  cards: [
    { id: 'card-1', columnId: 'col-intern', text: 'Eén trekker per transversaal project', color: '#fde68a', author: 0, votes: [3, 2] },
    { id: 'card-2', columnId: 'col-intern', text: 'Minder goedkeuringslagen voor kleine experimenten', color: '#bfdbfe', author: 1, votes: [1, 0] },
    { id: 'card-3', columnId: 'col-netwerk', text: 'Burgersignalen bundelen en terugkoppelen', color: '#bbf7d0', author: 1, votes: [2, 3] },
    { id: 'card-4', columnId: 'col-netwerk', text: 'Partners vroeg betrekken, niet pas bij de uitvoering', color: '#fde68a', author: 0, votes: [0, 1] },
    { id: 'card-5', columnId: 'col-vlaams', text: 'Lerende netwerken tussen steden financieren', color: '#fbcfe8', author: 0, votes: [1, 1] },
  ],
};

// ---------------------------------------------------------------------------------------
// Talking to the server through the contract only.

interface Session {
  token: string;
  userId: string;
}

async function call<T>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; data: T }> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (res.status === 204 ? null : await res.json()) as T;
  return { status: res.status, data };
}

async function must<T>(p: Promise<{ status: number; data: T }>, what: string): Promise<T> {
  const { status, data } = await p;
  if (status >= 300) throw new Error(`${what} failed (${status}): ${JSON.stringify(data)}`);
  return data;
}

/** Registers the person, or signs them in when a previous seed already did. */
async function account(baseUrl: string, who: (typeof DEMO_USERS)[number]): Promise<Session> {
  type Auth = { user: { id: string }; token: string };
  const reg = await call<Auth>(baseUrl, 'POST', '/api/auth/register', null, { ...who, password: DEMO_PASSWORD });
  if (reg.status === 201) return { token: reg.data.token, userId: reg.data.user.id };
  const login = await must(call<Auth>(baseUrl, 'POST', '/api/auth/login', null, { email: who.email, password: DEMO_PASSWORD }), `sign in ${who.email}`);
  return { token: login.token, userId: login.user.id };
}

/** Writes into the document over the sync socket, then waits until a second client reads it back from the server. */
async function writeContent(wsUrl: string, documentId: string, token: string, write: (doc: Y.Doc) => void, written: (doc: Y.Doc) => boolean): Promise<void> {
  const open = (doc: Y.Doc) =>
    new WebsocketProvider(wsUrl, documentId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token },
      disableBc: true,
    });
  const synced = (p: WebsocketProvider) => new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve())));
  const doc = new Y.Doc();
  const writer = open(doc);
  await synced(writer);
  if (!written(doc)) write(doc);
  const check = new Y.Doc();
  const reader = open(check);
  try {
    await synced(reader);
    const deadline = Date.now() + 10_000;
    while (!written(check)) {
      if (Date.now() > deadline) throw new Error(`content of ${documentId} did not reach the server`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

const schema = getSchema([StarterKit.configure({ undoRedo: false, underline: false })]);
const writeText = (content: JSONContent) => (doc: Y.Doc) => void prosemirrorJSONToYXmlFragment(schema, content, doc.getXmlFragment('default'));
const hasText = (doc: Y.Doc) => doc.getXmlFragment('default').length > 0;

function writeBoard(userIds: string[]) {
  return (doc: Y.Doc) =>
    doc.transact(() => {
      const columns = doc.getArray<Y.Map<unknown>>('columns');
      columns.push(BOARD.columns.map((c) => new Y.Map<unknown>(Object.entries(c))));
      const cards = doc.getMap<Y.Map<unknown>>('cards');
      BOARD.cards.forEach((c, i) => {
        const votes = new Y.Map<number>();
        c.votes.forEach((n, person) => n > 0 && votes.set(userIds[person]!, n));
        const card = new Y.Map<unknown>(
          Object.entries({ id: c.id, columnId: c.columnId, text: c.text, color: c.color, authorId: userIds[c.author]!, createdAt: Date.now() + i }),
        );
        card.set('votes', votes);
        cards.set(c.id, card);
      });
      const meta = doc.getMap<unknown>('meta');
      meta.set('locked', false);
      meta.set('votesPerPerson', 5);
      meta.set('timerEndsAt', null);
    });
}

export async function seed(baseUrl: string): Promise<{ workspaceId: string; documentIds: Record<'recommendation' | 'note' | 'board', string> }> {
  const wsUrl = baseUrl.replace(/^http/, 'ws') + '/sync';
  const [lotte, karim] = [await account(baseUrl, DEMO_USERS[0]), await account(baseUrl, DEMO_USERS[1])];

  type Doc = { id: string; kind: 'recommendation' | 'note' | 'board'; title: string };
  const { workspaces } = await must(call<{ workspaces: { id: string; name: string }[] }>(baseUrl, 'GET', '/api/workspaces', lotte.token), 'list workspaces');
  let workspaceId = workspaces.find((w) => w.name === DEMO_WORKSPACE)?.id;
  let documents: Doc[];
  if (workspaceId) {
    documents = (await must(call<{ documents: Doc[] }>(baseUrl, 'GET', `/api/workspaces/${workspaceId}/documents`, lotte.token), 'list documents')).documents;
  } else {
    const { workspace } = await must(
      call<{ workspace: { id: string } }>(baseUrl, 'POST', '/api/workspaces', lotte.token, {
        name: DEMO_WORKSPACE,
        description: 'Van de borden van het atelier naar gedeelde aanbevelingen voor steden en Vlaanderen.',
      }),
      'create workspace',
    );
    workspaceId = workspace.id;
    const { invite } = await must(call<{ invite: { token: string } }>(baseUrl, 'POST', `/api/workspaces/${workspaceId}/invites`, lotte.token, { role: 'editor' }), 'invite');
    await must(call(baseUrl, 'POST', `/api/invites/${invite.token}/accept`, karim.token), 'accept invite');
    const create = (title: string, kind: Doc['kind'], tags: string[], token: string) =>
      must(call<{ document: Doc }>(baseUrl, 'POST', `/api/workspaces/${workspaceId}/documents`, token, { title, kind, tags }), `create ${kind}`).then((r) => r.document);
    documents = [
      await create('Aanbevelingen: de stad als netwerkbestuur', 'recommendation', ['Mechelen', 'bestuurlijke capaciteit'], lotte.token),
      await create('Gebiedsgericht werken: wie weet wat', 'note', ['Genk', 'Gent', 'Turnhout', 'gebiedsgericht werken'], karim.token),
      await create('Bord: drie invalshoeken', 'board', ['Mechelen'], lotte.token),
    ];
  }
  const byKind = (kind: Doc['kind']) => documents.find((d) => d.kind === kind)!.id;
  await writeContent(wsUrl, byKind('recommendation'), lotte.token, writeText(RECOMMENDATION), hasText);
  await writeContent(wsUrl, byKind('note'), karim.token, writeText(NOTE), hasText);
  await writeContent(wsUrl, byKind('board'), lotte.token, writeBoard([lotte.userId, karim.userId]), (doc) => doc.getArray('columns').length > 0);
  return { workspaceId, documentIds: { recommendation: byKind('recommendation'), note: byKind('note'), board: byKind('board') } };
}

async function main(): Promise<void> {
  // Port 0: the seed's own server never collides with one already listening on 8787.
  const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const server = await startServer(config);
  try {
    await seed(`http://127.0.0.1:${server.port}`);
    process.stdout.write(
      `Demo data is ready in ${config.dataDir}.\n` +
        `Sign in with ${DEMO_USERS[0].email} (owner) or ${DEMO_USERS[1].email} (editor), password "${DEMO_PASSWORD}".\n`,
    );
  } finally {
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Exit explicitly: a socket client's reconnect timer or a server interval must not keep
  // a finished seed hanging in the terminal.
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`Seeding failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
