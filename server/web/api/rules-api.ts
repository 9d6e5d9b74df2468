import { Router } from 'express';
import { z } from 'zod';
import { rulesetSchema, type Ruleset } from '../../core/rules/ruleset-types';
import { toRomeIso } from '../../core/time/rome-time';
import { incidentWindow } from '../../core/assessment/outage-periods';
import type { ApiOperation } from './openapi/api-operation';

const rulesResponseSchema = rulesetSchema.extend({
  incidents: z.array(
    rulesetSchema.shape.incidents.element.extend({
      window: z
        .object({ start: z.string(), end: z.string(), zone: z.literal('Europe/Rome') })
        .meta({ description: 'The default window as ISO 8601 instants' }),
    }),
  ),
  providerPecConfigured: z
    .boolean()
    .meta({ description: "Whether this server has Italiaonline's PEC address configured" }),
});

export const RULES_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/rules',
    operationId: 'getRules',
    summary: 'The ruleset in force',
    description:
      'Incidents and their windows, plans and prices, rates, caps, deadlines ' +
      'and thresholds, each figure with its source.',
    tag: 'rules',
    responses: { 200: { description: 'The ruleset', json: rulesResponseSchema } },
  },
];

/** GET /api/v1/rules: the ruleset in force, with each incident window also as ISO instants. */
export function rulesApi(ruleset: Ruleset, options: { providerPecConfigured: boolean }): Router {
  const router = Router();
  const body = {
    ...ruleset,
    incidents: ruleset.incidents.map((incident) => {
      const window = incidentWindow(ruleset, incident.id);
      return {
        ...incident,
        window: { start: toRomeIso(window.start), end: toRomeIso(window.end), zone: 'Europe/Rome' },
      };
    }),
    providerPecConfigured: options.providerPecConfigured,
  };
  router.get('/', (_req, res) => {
    res.json(body);
  });
  return router;
}
