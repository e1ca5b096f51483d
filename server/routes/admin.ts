import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';

const file = (name: string) => readFileSync(new URL(`../admin/${name}`, import.meta.url), 'utf8');

// The page loads nothing but its own script and style, sends nothing but to its own origin, and cannot be framed.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** `/admin`: the moderator signs in with the admin token and approves, marks as spam or trashes held comments. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const assets: Record<string, [string, string]> = {
    '/admin': ['text/html; charset=utf-8', file('admin.html')],
    '/admin/admin.js': ['text/javascript; charset=utf-8', file('admin.js')],
    '/admin/admin.css': ['text/css; charset=utf-8', file('admin.css')],
  };
  for (const [path, [type, body]] of Object.entries(assets)) {
    app.get(path, async (_request, reply) => reply.headers(SECURITY_HEADERS).type(type).send(body));
  }
}
