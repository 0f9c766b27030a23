import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/**
 * Logs carry no personal data: for each request only the method, the route pattern
 * (never the URL, whose path and query name people), the status and the time taken.
 */
export function loggerOptions(enabled: boolean, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (!enabled) return false;
  return {
    ...(stream ? { stream } : {}),
    level: process.env.THREADLINE_LOG_LEVEL ?? 'info',
    serializers: {
      req: () => ({}),
      res: () => ({}),
      // The message can quote what was sent, so it is left out; the type, code and frames are kept.
      err: (error: Error & { code?: string }) => ({
        type: error.name,
        code: error.code,
        message: '(not logged)',
        stack: error.stack?.split('\n').slice(1, 8).join('\n') ?? '',
      }),
    },
  };
}

export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
