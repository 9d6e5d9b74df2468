import { Router } from 'express';

/** Something the app needs before it can serve: templates compiled, fonts loaded, the outbox reachable… */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void> | void;
}

export interface Readiness {
  checks: ReadinessCheck[];
  /** Set while shutting down, so a load balancer stops sending new requests. */
  draining: boolean;
}

/**
 * GET /healthz: the process is up. GET /readyz: every readiness check passes and the process is not draining; it
 * names the checks that fail, never their errors (paths, drivers' messages): those go to `onFailure`, once per new
 * error, not once per poll.
 */
export function healthRoutes(
  readiness: Readiness,
  onFailure: (check: string, error: unknown) => void = () => undefined,
): Router {
  const router = Router();
  const lastFailure = new Map<string, string>();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      readiness.checks.map(async ({ name, check }) => {
        try {
          await check();
          lastFailure.delete(name);
          return { name, ok: true };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (lastFailure.get(name) !== message) onFailure(name, error);
          lastFailure.set(name, message);
          return { name, ok: false };
        }
      }),
    );
    const ready = !readiness.draining && results.every((result) => result.ok);
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: ready ? 'ready' : readiness.draining ? 'draining' : 'not-ready', checks: results });
  });
  return router;
}
