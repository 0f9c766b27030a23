import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';
import { sendProblem } from '../../server/error-handler.ts';

const READY_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

/**
 * For load balancers and orchestrators, unauthenticated and unaudited, saying nothing
 * about the data, the version or the reason: `/healthz` answers while the process is up;
 * `/readyz` only while the store is open and consistent and the database answers.
 */
export function healthRoutes(app: FastifyInstance, services: Services): void {
  app.get('/healthz', { config: { access: 'public', audit: false }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access: 'public', audit: false }, schema: { hide: true } }, async (_request, reply) => {
    const ready =
      services.store.healthy &&
      (await withTimeout(services.db.query('SELECT 1'), READY_TIMEOUT_MS).then(
        () => true,
        () => false,
      ));
    if (ready) return { status: 'ready' };
    return sendProblem(reply, {
      status: 503,
      kind: 'not-ready',
      title: 'Not ready',
      message: 'The service is not ready to take requests.',
    });
  });
}
