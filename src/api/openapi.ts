// The OpenAPI 3.1 description of the API, built from the route table (routes.ts).
import { ERROR_SCHEMA, type JsonSchema } from './schemas.js';
import type { ApiRoute } from './routes.js';

/** /api/events/:id → /api/events/{id} */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function parameters(where: 'query' | 'path', schema: JsonSchema | undefined): JsonSchema[] {
  if (!schema) return [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), description, schema: rest };
  });
}

const ERROR_RESPONSE = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function openApiDocument(routes: ApiRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const responses: Record<string, JsonSchema> = {};
    for (const [code, def] of Object.entries(r.responses)) {
      if (Number(code) >= 400) {
        responses[code] = ERROR_RESPONSE(def.description);
        continue;
      }
      responses[code] = { description: def.description, content: { [def.contentType ?? 'application/json']: { schema: def.schema ?? { type: 'object' } } } };
    }
    if (r.querystring || r.params) responses['400'] ??= ERROR_RESPONSE('a parameter is missing, unknown or malformed (the message names it)');
    const op: JsonSchema = {
      operationId: r.operationId,
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      parameters: [...parameters('path', r.params), ...parameters('query', r.querystring)],
      responses,
    };
    if (r.body) {
      op.requestBody = {
        required: true,
        description: r.body.description,
        content: Object.fromEntries(r.body.contentTypes.map((t) => [t, { schema: t.includes('json') && t !== 'application/x-ndjson' ? { type: 'object' } : { type: 'string' } }])),
      };
    }
    if (r.write) op.security = [{}, { bearer: [] }];
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'entente',
      version,
      description: 'Diplomatic reports as verifiable event data: documents and their analyses, CAMEO events with their evidence, '
        + 'dyad timelines, actors, issues and stances, commitments, dialogue series and comparisons. '
        + 'Errors are `{statusCode, error, message}`. Writes need `Authorization: Bearer <token>` when the server was started with a token '
        + '(required whenever it listens beyond loopback).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'documents', description: 'reports and their analyses' },
      { name: 'events', description: 'coded events' },
      { name: 'relations', description: 'dyads over time, the network, places' },
      { name: 'actors', description: 'actors and issues' },
      { name: 'ledger', description: 'commitments, series, stances, comparisons' },
      { name: 'meta', description: 'the server and the code table' },
    ],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token the server was started with (--token or ENTENTE_TOKEN)' } },
    },
  };
}
