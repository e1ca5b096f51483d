import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Notifier } from '../comments/notifications.js';
import { notificationPage } from '../present/notification-page.js';

export interface NotificationRoutesOptions {
  notifier: Notifier;
}

// The pages load nothing, may only post to themselves, cannot be framed, and are never cached or told where they came from.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

const token = { type: 'object', properties: { token: { type: 'string', maxLength: 100 } }, required: ['token'] } as const;
type TokenRoute = { Params: { token: string } };

const INVALID = { title: 'This link is not valid', message: 'Please use the link exactly as it is in the email.' };
const CONFIRM = {
  unused: { title: 'Confirm your address', message: 'Press the button to be emailed replies in the conversations you follow.', button: 'Confirm' },
  done: { title: 'Address confirmed', message: 'You will be emailed replies in the conversations you follow. Every email has a link to stop.' },
  used: { title: 'Already confirmed', message: 'This link was used already: your address is confirmed.' },
};
const UNSUBSCRIBE = {
  unused: { title: 'Stop these emails', message: 'Press the button to stop emails about replies in this conversation.', button: 'Unsubscribe', oneClick: true },
  done: { title: 'Unsubscribed', message: 'You will get no more emails about replies in this conversation.' },
  used: { title: 'Already unsubscribed', message: 'This link was used already: you get no emails about this conversation.' },
};

/**
 * The pages behind the links in notification emails (`/notifications/confirm/<token>`, `/notifications/unsubscribe/<token>`):
 * GET shows what the link does and a button; POST does it, once. A mail client's RFC 8058 one-click unsubscribe is
 * that POST, with the body `List-Unsubscribe=One-Click` (or none): the signed link alone is the authority, no login.
 */
export async function notificationRoutes(app: FastifyInstance, options: NotificationRoutesOptions): Promise<void> {
  const { notifier } = options;
  // Form bodies are read only here (the API takes JSON only); what they say is not needed: the link decides.
  const formBody = (_request: unknown, body: string, done: (error: null, body: string) => void) => done(null, body);
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, formBody);

  const page = (reply: FastifyReply, status: number, content: Parameters<typeof notificationPage>[0]) =>
    reply.code(status).headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(notificationPage(content));

  for (const [purpose, texts] of [
    ['confirm', CONFIRM],
    ['unsubscribe', UNSUBSCRIBE],
  ] as const) {
    app.get<TokenRoute>(`/notifications/${purpose}/:token`, { schema: { params: token } }, async (request, reply) => {
      const state = await notifier.inspectLink(purpose, request.params.token);
      if (state === 'forged' || state === 'not-found') return page(reply, state === 'forged' ? 403 : 404, INVALID);
      return page(reply, 200, texts[state]);
    });
    app.post<TokenRoute>(`/notifications/${purpose}/:token`, { schema: { params: token } }, async (request, reply) => {
      const outcome = await notifier.useLink(purpose, request.params.token);
      if (outcome === 'forged' || outcome === 'not-found') return page(reply, outcome === 'forged' ? 403 : 404, INVALID);
      return page(reply, 200, outcome === 'done' ? texts.done : texts.used);
    });
  }
}
