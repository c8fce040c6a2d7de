// One shape for every error the API answers: { statusCode, error, message } — the same as
// Fastify's own (validation, body too large, malformed JSON), so clients read one shape.
import { STATUS_CODES } from 'node:http';

export interface ErrorBody {
  statusCode: number;
  /** The HTTP reason phrase ("Bad Request"). */
  error: string;
  /** What was wrong, for people: names the parameter or the reason. */
  message: string;
}

export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** Schema validation errors (Ajv's) as one sentence naming the parameter. */
export function validationMessage(errors: { instancePath?: string; message?: string; params?: Record<string, unknown>; keyword?: string }[], where: string): string {
  return errors.slice(0, 3).map((e) => {
    const name = (e.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    if (e.keyword === 'additionalProperties') return `${where}: unknown parameter "${String(e.params?.additionalProperty)}"`;
    if (e.keyword === 'required') return `${where}: "${String(e.params?.missingProperty)}" is required`;
    if (e.keyword === 'enum' && Array.isArray(e.params?.allowedValues)) return `${where} "${name}" must be one of ${e.params.allowedValues.join(', ')}`;
    return `${where}${name ? ` "${name}"` : ''} ${e.message ?? 'is invalid'}`;
  }).join('; ');
}
