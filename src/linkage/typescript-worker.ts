import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module: Threadline runs under tsx, whose
 * loader is per thread, so the worker registers it before importing the module.
 */
export function startTypeScriptWorker(module: URL, resourceLimits?: ResourceLimits): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(source, { eval: true, resourceLimits });
}
