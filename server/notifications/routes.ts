import { Hono } from 'hono';
import type { AppEnv } from '../http/access';
import type { NotificationMailRepository } from './mail-repository';

const PAGE = (lang: 'nl' | 'en', ok: boolean) => {
  const text = {
    nl: ok ? ['Uitgeschreven', 'Je krijgt geen meldingen meer per mail. Op je profielpagina zet je ze weer aan.'] : ['Onbekende link', 'Deze uitschrijflink is niet (meer) geldig.'],
    en: ok ? ['Unsubscribed', 'You will get no more notification mail. Turn it back on on your profile page.'] : ['Unknown link', 'This unsubscribe link is not valid.'],
  }[lang];
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>${text[0]} — Stadskamer</title><body><main><h1>${text[0]}</h1><p>${text[1]}</p><p><a href="/">Stadskamer</a></p></main></body></html>`;
};

/**
 * One-click unsubscribe from notification mail: the link in every mail (GET) and the
 * RFC 8058 POST that mail programs send. Needs no session: the token is the credential.
 */
export function unsubscribeRoutes(repo: NotificationMailRepository): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const handle = async (token: string, lang: 'nl' | 'en') => {
    const ok = token.length >= 20 && token.length <= 100 && (await repo.unsubscribe(token));
    return { ok, html: PAGE(lang, ok) };
  };
  const langOf = (accept: string | undefined) => (accept?.toLowerCase().startsWith('en') ? 'en' : 'nl');
  app.get('/api/unsubscribe/:token', async (c) => {
    const { ok, html } = await handle(c.req.param('token'), langOf(c.req.header('accept-language')));
    return c.html(html, ok ? 200 : 404);
  });
  app.post('/api/unsubscribe/:token', async (c) => {
    const { ok } = await handle(c.req.param('token'), 'nl');
    return ok ? c.body(null, 204) : c.json({ error: { code: 'not_found', message: 'No such unsubscribe link.' } }, 404);
  });
  return app;
}
