import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../store/database.ts';
import { formatLogPosition, parseLogPosition } from '../store/log-position.ts';
import type { ReadChoice, ReadRouting } from '../store/read-routing.ts';

/** The writer's log position just after this browser's (or API client's) latest write. */
export const WRITTEN_COOKIE = 'tl_written';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Where this request's reads of the database's tables run: the replica when there is
     * one that has replayed this client's own latest write, otherwise the writer
     * (src/store/read-routing.ts). Chosen at the first read, once per request.
     */
    reads: Queryable;
  }
}

/**
 * Read-your-writes across a replica: after every unsafe request (a write, or an attempt)
 * the answer sets a cookie with the writer's log position; a later request carrying it
 * reads from the replica only once the replica has replayed that far (waiting briefly),
 * and from the writer otherwise. Once the replica has caught up the cookie is cleared.
 * Without a replica, reads use the writer and no cookie is set.
 */
export function registerReadYourWrites(app: FastifyInstance, routing: ReadRouting): void {
  app.decorateRequest('reads', undefined as never);
  app.addHook('onRequest', async (request, reply) => {
    request.reads = routing.enabled ? readsFor(request, reply, routing) : routing.writer;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!routing.enabled || SAFE.has(request.method) || request.routeOptions.config.access === undefined) return payload;
    const position = await routing.writerPosition().catch(() => undefined);
    if (position !== undefined)
      reply.setCookie(WRITTEN_COOKIE, formatLogPosition(position), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
      });
    return payload;
  });
}

function readsFor(request: FastifyRequest, reply: FastifyReply, routing: ReadRouting): Queryable {
  const minimum = parseLogPosition(request.cookies[WRITTEN_COOKIE]);
  let choice: Promise<ReadChoice> | undefined;
  const choose = () =>
    (choice ??= routing.choose(minimum).then((chosen) => {
      // A write of this request itself replaces the cookie later (onSend); otherwise it has done its work.
      if (chosen.reached && minimum !== undefined && SAFE.has(request.method)) reply.clearCookie(WRITTEN_COOKIE, { path: '/' });
      return chosen;
    }));
  return {
    query: async (sql, params) => (await choose()).db.query(sql, params),
  };
}
