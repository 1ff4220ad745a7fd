import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, person, screenshotsOnFailure } from './helpers/browser';
import { confirmInvite, createRecommendation, createWorkspace, inviteLink, signUp } from './helpers/flows';
import { signIn } from './helpers/sign-in';
import { addMember, createDocument, createWorkspace as createWorkspaceByApi, registerUser } from '../helpers/api';

const suite = browserSuite();

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  return page;
}

/** Marks the page's JS world; the mark survives only if the page was never reloaded or navigated by URL. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 42));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 42);

const TITLE = 'Aanbevelingen participatie';
const WORKSPACE = 'Atelier participatie';

/**
 * Each test's own start: Anna (owner) and Bram (editor, on a phone-sized screen) of a fresh
 * workspace with one recommendation, both signed in and on the workspace page.
 */
async function twoMembers(): Promise<{ workspaceId: string; documentId: string; pageA: Page; pageB: Page }> {
  const url = suite.server.baseUrl;
  const anna = await registerUser(url, { name: 'Anna Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
  const workspace = await createWorkspaceByApi(url, anna.token, WORKSPACE);
  const bram = await addMember(url, anna.token, workspace.id, 'editor', { name: 'Bram Claes', organization: 'Stad Mechelen' });
  const document = await createDocument(url, anna.token, workspace.id, { title: TITLE });
  const [pageA, pageB] = await Promise.all([open(), open(375)]);
  await Promise.all([signIn(pageA, url, anna.email, anna.password), signIn(pageB, url, bram.email, bram.password)]);
  await Promise.all([pageA, pageB].map((p) => p.goto(`${url}/w/${workspace.id}`)));
  await pageB.getByTestId('activity-panel').getByText(`Anna Peeters maakte ${TITLE}`).waitFor();
  return { workspaceId: workspace.id, documentId: document.id, pageA, pageB };
}

describe('live activity and presence across two browsers', { timeout: 90_000 }, () => {
  it('a document A creates appears in B\'s list, and B\'s activity panel names A, without a reload', async () => {
    const anna = person('Anna Peeters', 'Kenniscentrum Vlaamse Steden');
    const bram = person('Bram Claes', 'Stad Mechelen');
    const pageA = await open();
    const pageB = await open(375); // B follows along on a phone-sized screen.
    screenshotsOnFailure('live-create', () => [pageA, pageB]);

    await signUp(pageA, suite.server.baseUrl, anna);
    await createWorkspace(pageA, WORKSPACE);
    const link = await inviteLink(pageA, 'editor');
    await pageB.goto(suite.server.baseUrl + link);
    await signUp(pageB, suite.server.baseUrl, bram, new URL(pageB.url()).pathname + new URL(pageB.url()).search);
    await confirmInvite(pageB, WORKSPACE);

    const activityB = pageB.getByTestId('activity-panel');
    await activityB.getByText('Bram Claes kwam erbij als bewerker').waitFor();
    const listB = pageB.locator('section[data-kind="recommendation"]');
    expect(await listB.getByRole('link', { name: TITLE }).count()).toBe(0);
    await markPage(pageB);

    await createRecommendation(pageA, TITLE);

    await listB.getByRole('link', { name: TITLE }).waitFor();
    await activityB.getByText(`Anna Peeters maakte ${TITLE}`).waitFor();
    await expect(activityB.getByText('Kenniscentrum Vlaamse Steden').first().isVisible()).resolves.toBe(true);
    expect(await stillMarked(pageB)).toBe(true);
    // At 375 px nothing of the live column pushes the page sideways.
    expect(await pageB.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The panel is a polite live region for a summary only; the list itself does not shout.
    expect(await activityB.locator('[aria-live="polite"]').count()).toBe(1);
    expect(await activityB.locator('ol[aria-live]').count()).toBe(0);
  });

  it('B opening the document puts B in A\'s "Nu online" list with the document', async () => {
    const { pageA, pageB } = await twoMembers();
    screenshotsOnFailure('live-presence', () => [pageA, pageB]);
    const onlineA = pageA.getByTestId('online-list');
    await onlineA.getByRole('heading', { name: 'Nu online' }).waitFor();
    await onlineA.getByText('Niemand heeft nu een document open.').waitFor();
    await markPage(pageA);

    await pageB.getByRole('link', { name: TITLE }).click();
    await pageB.getByTestId('connection').getByText('verbonden').waitFor();

    await onlineA.getByText('Bram Claes').waitFor();
    await onlineA.getByRole('link', { name: `in ${TITLE}` }).waitFor();
    expect(await stillMarked(pageA)).toBe(true);
  });

  it('A changes the status; B\'s open document page shows it at once', async () => {
    const { documentId, pageA, pageB } = await twoMembers();
    screenshotsOnFailure('live-status', () => [pageA, pageB]);
    await pageB.getByRole('link', { name: TITLE }).click();
    await pageB.getByTestId('connection').getByText('verbonden').waitFor();
    await markPage(pageB);
    expect(await pageB.getByTestId('doc-status').inputValue()).toBe('draft');

    await pageA.goto(`${suite.server.baseUrl}/d/${documentId}`);
    await pageA.getByTestId('doc-status').selectOption('review');

    await expect.poll(() => pageB.getByTestId('doc-status').inputValue(), { timeout: 10_000 }).toBe('review');
    expect(await stillMarked(pageB)).toBe(true);

    // And the workspace's history says who did it, in words.
    await pageB.getByRole('link', { name: new RegExp(WORKSPACE) }).click();
    const panel = pageB.getByTestId('activity-panel');
    await panel.getByText(`Anna Peeters zette ${TITLE} op ter bespreking`).waitFor();
    expect(await pageB.getByTestId('stream-status').getAttribute('data-state')).toBe('open');
    // Filters ask the server for one kind of activity; joins and leaves are never listed.
    await panel.getByLabel('Toon').selectOption({ label: 'Opmerkingen' });
    await panel.getByText('Hier is nog niets van te zien', { exact: false }).waitFor();
    await panel.getByLabel('Toon').selectOption({ label: 'Statuswijzigingen' });
    await panel.getByText(`Anna Peeters zette ${TITLE} op ter bespreking`).waitFor();
    await pageB.reload();
    await panel.getByText(`Anna Peeters zette ${TITLE} op ter bespreking`).waitFor();
    expect(await panel.getByText(/opende|verliet|is online|kwam binnen/).count()).toBe(0);
  });

  it('older activity loads on demand with "Meer laden"', async () => {
    const { documentId, pageA, pageB } = await twoMembers();
    screenshotsOnFailure('live-more', () => [pageA, pageB]);
    // The client signs in with an HttpOnly cookie only: the changes go through A's page.
    // 24 status changes push the creation event off the first page of 20.
    const statuses = await pageA.evaluate(async (id) => {
      const out: number[] = [];
      for (let i = 0; i < 24; i += 1) {
        const res = await fetch(`/api/documents/${id}`, {
          method: 'PATCH',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ status: i % 2 === 0 ? 'final' : 'review' }),
        });
        out.push(res.status);
      }
      return out;
    }, documentId);
    expect(statuses).toEqual(Array(24).fill(200));
    await pageB.reload();
    const activityB = pageB.getByTestId('activity-panel');
    await activityB.getByText(`Anna Peeters zette ${TITLE} op definitief`).first().waitFor();
    const created = activityB.getByText(`Anna Peeters maakte ${TITLE}`);
    expect(await created.count()).toBe(0);
    await activityB.getByRole('button', { name: 'Meer laden' }).click();
    await created.waitFor();
  });
});
