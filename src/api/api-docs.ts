import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Problem } from './dto/problem.dto';

const MEANINGS: Record<number, string> = {
  400: 'A parameter or the body cannot be read; `fields` names which and why',
  401: 'No valid token or session',
  403: 'The token may only read, or the holder’s role does not allow this',
  404: 'No such pilot, month or channel',
  409: 'Changed by someone else since the version sent, or the same Idempotency-Key is still at work',
  413: 'The body is larger than the route takes',
  422: 'A figure or field is refused; `fields` names each and why, and nothing was saved',
  429: 'Too many requests for this token this minute; `Retry-After` says when to come back',
};

/** The problem answers (RFC 9457) a route may give, besides the 400, 401 and 429 every route may. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(Problem),
    ...[...new Set([400, 401, 429, ...statuses])].sort().map((status) =>
      ApiResponse({
        status,
        description: MEANINGS[status],
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
}

/** A response declared by a schema the engine's export writes (see engine-schemas.ts). */
export const engineSchema = (name: string) => ({ $ref: `#/components/schemas/${name}` });
