import type { FastifyInstance } from 'fastify';

export function openApiRoute(app: FastifyInstance): void {
  app.get('/api/openapi.json', { config: { access: 'public', audit: false }, schema: { hide: true } }, async () => app.swagger());
}
