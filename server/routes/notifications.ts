import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Notifier } from '../comments/notifications.js';
import { notificationPage } from '../present/notification-page.js';
import { notificationTerms, preferredTerms, type NotificationTerms, type PageTerms } from '../present/notification-terms.js';

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

/**
 * The pages behind the links in notification emails (`/notifications/confirm/<token>`, `/notifications/unsubscribe/<token>`):
 * GET shows what the link does and a button; POST does it, once. A mail client's RFC 8058 one-click unsubscribe is
 * that POST, with the body `List-Unsubscribe=One-Click` (or none): the signed link alone is the authority, no login.
 * A page is in the language of the email the link came in (stored with the address or the subscription); a link that
 * is forged or leads nowhere has no trustworthy language, so its page follows the browser's `Accept-Language`.
 */
export async function notificationRoutes(app: FastifyInstance, options: NotificationRoutesOptions): Promise<void> {
  const { notifier } = options;
  // Form bodies are read only here (the API takes JSON only); what they say is not needed: the link decides.
  const formBody = (_request: unknown, body: string, done: (error: null, body: string) => void) => done(null, body);
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, formBody);

  const page = (reply: FastifyReply, status: number, terms: NotificationTerms, content: PageTerms & { oneClick?: boolean }) =>
    reply.code(status).headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(notificationPage(content, terms.lang));
  const invalid = (request: FastifyRequest, reply: FastifyReply, forged: boolean) => {
    const terms = preferredTerms(request.headers['accept-language']);
    return page(reply, forged ? 403 : 404, terms, terms.invalidLink);
  };

  for (const purpose of ['confirm', 'unsubscribe'] as const) {
    const texts = (terms: NotificationTerms) => (purpose === 'confirm' ? terms.confirmPage : terms.unsubscribePage);
    const oneClick = purpose === 'unsubscribe';
    app.get<TokenRoute>(`/notifications/${purpose}/:token`, { schema: { params: token } }, async (request, reply) => {
      const target = await notifier.inspectLink(purpose, request.params.token);
      if (target === 'forged' || target.state === 'not-found') return invalid(request, reply, target === 'forged');
      const terms = notificationTerms(target.language);
      return page(reply, 200, terms, target.state === 'unused' ? { ...texts(terms).unused, oneClick } : texts(terms).used);
    });
    app.post<TokenRoute>(`/notifications/${purpose}/:token`, { schema: { params: token } }, async (request, reply) => {
      const used = await notifier.useLink(purpose, request.params.token);
      if (used === 'forged' || used.outcome === 'not-found') return invalid(request, reply, used === 'forged');
      const terms = notificationTerms(used.language);
      return page(reply, 200, terms, used.outcome === 'done' ? texts(terms).done : texts(terms).used);
    });
  }
}
