import type { Express, RequestHandler, Router } from 'express';
import type { ApiOperation } from './openapi/api-operation';

/** A part of the API: where it is mounted, what runs before it, its routes and their documentation. */
export interface ApiModule {
  base: string;
  middleware?: RequestHandler[];
  router: Router;
  operations: ApiOperation[];
}

export interface ServedRoute {
  method: string;
  /** OpenAPI form, `{id}` for `:id`. */
  path: string;
}

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Mounts the modules and returns the routes they really serve, read from their routers. */
export function mountApi(app: Express, modules: readonly ApiModule[]): ServedRoute[] {
  const served: ServedRoute[] = [];
  for (const module of modules) {
    app.use(module.base, ...(module.middleware ?? []), module.router);
    for (const layer of (module.router as unknown as { stack: RouteLayer[] }).stack) {
      if (!layer.route) continue;
      const tail = layer.route.path === '/' ? '' : layer.route.path;
      const path = `${module.base}${tail}`.replace(/:(\w+)/g, '{$1}');
      for (const [method, enabled] of Object.entries(layer.route.methods))
        if (enabled && method !== '_all') served.push({ method, path });
    }
  }
  return served;
}
