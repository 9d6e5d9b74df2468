import { Router } from 'express';
import type { Ruleset } from '../../core/rules/ruleset-types';
import { toRomeIso } from '../../core/time/rome-time';
import { incidentWindow } from '../../core/assessment/outage-periods';

/** GET /api/v1/rules: the ruleset in force, with each incident window also as ISO instants. */
export function rulesApi(ruleset: Ruleset, options: { providerPecConfigured: boolean }): Router {
  const router = Router();
  const body = {
    ...ruleset,
    incidents: ruleset.incidents.map((incident) => {
      const window = incidentWindow(ruleset, incident.id);
      return { ...incident, window: { start: toRomeIso(window.start), end: toRomeIso(window.end), zone: 'Europe/Rome' } };
    }),
    providerPecConfigured: options.providerPecConfigured,
  };
  router.get('/', (_req, res) => {
    res.json(body);
  });
  return router;
}
