import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { apiClientContext } from '../../http/context.js';
import { perClientRateLimit, requireApiScope } from './bearer-auth.js';
import {
  TmfFieldsQuerySchema,
  TmfGeographicAddressSchema,
  TmfIdParamSchema,
  TmfIndividualSchema,
  TmfOrganizationSchema,
  TmfResourceSchema,
  TmfServiceSpecificationSchema,
  tmfErrors,
} from './tmf.schemas.js';
import { getTmfGeographicAddress, getTmfIndividual, getTmfOrganization, getTmfResource, getTmfServiceSpecification, TMF_REF_ROOTS } from './use-cases/tmf-references.js';

/**
 * What the references of a TMF638 service point at — its user and company, office, SIM and number,
 * service specification — each readable at its `href` with the same `services:read` scope.
 */
export const tmfReferenceRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['TMF638 Service Inventory: references'];
    const guard = { onRequest: requireApiScope(deps, 'services:read'), config: { rateLimit: perClientRateLimit(deps) } };
    const security = [{ bearer: ['services:read'] }];
    const read = { params: TmfIdParamSchema, querystring: TmfFieldsQuerySchema };
    const errors = tmfErrors(401, 403, 404, 429);

    app.get(
      `${TMF_REF_ROOTS.individual}/:id`,
      { ...guard, schema: { tags, security, summary: "A mobile user of the company (a service's relatedParty with role user)", ...read, response: { 200: TmfIndividualSchema, ...errors } } },
      async (req) => getTmfIndividual(deps, apiClientContext(req).scope, req.params.id, req.query.fields),
    );
    app.get(
      `${TMF_REF_ROOTS.organization}/:id`,
      { ...guard, schema: { tags, security, summary: "The client's own company (a service's relatedParty with role customer)", ...read, response: { 200: TmfOrganizationSchema, ...errors } } },
      async (req) => getTmfOrganization(deps, apiClientContext(req).scope, req.params.id, req.query.fields),
    );
    app.get(
      `${TMF_REF_ROOTS.geographicAddress}/:id`,
      { ...guard, schema: { tags, security, summary: "An office of the company (a service's place)", ...read, response: { 200: TmfGeographicAddressSchema, ...errors } } },
      async (req) => getTmfGeographicAddress(deps, apiClientContext(req).scope, req.params.id, req.query.fields),
    );
    app.get(
      `${TMF_REF_ROOTS.resource}/:id`,
      { ...guard, schema: { tags, security, summary: "A SIM card (ICCID) or mobile number (E.164) of the company (a service's supportingResource)", ...read, response: { 200: TmfResourceSchema, ...errors } } },
      async (req) => getTmfResource(deps, apiClientContext(req).scope, req.params.id, req.query.fields),
    );
    app.get(
      `${TMF_REF_ROOTS.serviceSpecification}/:id`,
      { ...guard, schema: { tags, security, summary: "A service type of the operator's catalog (a service's serviceSpecification)", ...read, response: { 200: TmfServiceSpecificationSchema, ...errors } } },
      async (req) => getTmfServiceSpecification(deps, req.params.id, req.query.fields, req.lang),
    );
  };
