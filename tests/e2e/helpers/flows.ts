import type { Page } from 'playwright-core';
import type { Person } from './browser';

/** Signs up through the form, as a person would; lands on the workspaces page (or `next`). */
export async function signUp(page: Page, baseUrl: string, who: Person, path = '/signup'): Promise<void> {
  await page.goto(baseUrl + path);
  await page.getByLabel('Naam', { exact: true }).fill(who.name);
  await page.getByLabel('Organisatie').fill(who.organization);
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await page.getByRole('button', { name: 'Account maken' }).click();
}

export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.getByLabel('Naam van de werkruimte').fill(name);
  await page.getByRole('button', { name: 'Werkruimte maken' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Opens the invite dialog, makes a link for `role` and returns its path (/invite/…). */
export async function inviteLink(page: Page, role: 'editor' | 'participant' | 'commenter' | 'viewer'): Promise<string> {
  await page.getByRole('button', { name: 'Mensen uitnodigen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Rol voor wie de link gebruikt').selectOption(role);
  await dialog.getByRole('button', { name: 'Link maken' }).click();
  const url = await dialog.getByLabel('Uitnodigingslink').inputValue();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  return new URL(url).pathname;
}

/** On an opened invite link: "Deelnemen aan … als …?" is asked first; confirms it. */
export async function confirmInvite(page: Page, workspaceName: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Deelnemen aan ${workspaceName} als`) }).waitFor();
  await page.getByRole('button', { name: 'Deelnemen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: workspaceName }).waitFor();
}

export async function createRecommendation(page: Page, title: string, tags = ''): Promise<string> {
  const section = page.locator('section[data-kind="recommendation"]');
  await section.getByText('Nieuw: aanbeveling').click();
  await section.getByLabel('Titel').fill(title);
  if (tags) await section.getByLabel('Tags').fill(tags);
  await section.getByRole('button', { name: 'Maken' }).click();
  await page.getByTestId('doc-title').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The editor once it is bound to the document and the socket says "verbonden". */
export async function openEditor(page: Page, baseUrl: string, documentId: string) {
  await page.goto(`${baseUrl}/d/${documentId}`);
  await page.getByTestId('connection').getByText('verbonden').waitFor();
  return page.getByTestId('editor');
}
