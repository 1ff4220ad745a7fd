import * as Y from 'yjs';
import type { Role } from '../../shared/roles';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';

/** A real encoded relative position into a `default` fragment (the API only checks its form). */
export function sampleAnchor(): { start: string; end: string } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  fragment.insert(0, [paragraph]);
  const text = new Y.XmlText('Fietsstraten in de binnenstad.');
  paragraph.insert(0, [text]);
  const enc = (i: number, assoc: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, assoc))).toString('base64');
  return { start: enc(0, 0), end: enc(12, -1) };
}

export interface Cast {
  workspaceId: string;
  documentId: string;
  owner: TestUser;
  editor: TestUser;
  commenter: TestUser;
  commenter2: TestUser;
  viewer: TestUser;
  outsider: TestUser;
}

/** A workspace with one member of every role, a second commenter, an outsider and one recommendation. */
export async function castOfRoles(baseUrl: string): Promise<Cast> {
  const owner = await registerUser(baseUrl, { name: 'Olivia Eigenaar' });
  const ws = await createWorkspace(baseUrl, owner.token);
  const doc = await createDocument(baseUrl, owner.token, ws.id, { title: 'Aanbeveling mobiliteit' });
  const member = (role: Role, name: string) => addMember(baseUrl, owner.token, ws.id, role, { name });
  return {
    workspaceId: ws.id,
    documentId: doc.id,
    owner,
    editor: await member('editor', 'Eddy Redacteur'),
    commenter: await member('commenter', 'Carla Commentaar'),
    commenter2: await member('commenter', 'Cas Commentaar'),
    viewer: await member('viewer', 'Vera Lezer'),
    outsider: await registerUser(baseUrl, { name: 'Otto Buitenstaander' }),
  };
}

export async function startThread(baseUrl: string, documentId: string, token: string, body = 'Welke straten bedoelen we?') {
  const res = await call(baseUrl, 'POST', `/api/documents/${documentId}/comments`, {
    token,
    body: { anchor: sampleAnchor(), quote: 'Fietsstraten', body },
  });
  if (res.status !== 201) throw new Error(`thread failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.thread as { id: string; replies: unknown[] };
}
