import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from './api.module';
import { ENGINE_SCHEMAS } from './engine-schemas';
import { OpenApiDocument } from './openapi-document';

const DESCRIPTION = [
  'Read pilots, their results, readiness, IT commitment, decisions, business case and finance summary, the channel ledger and the organisation’s channel totals; write a month’s results, a batch of figures in the import’s long format, and channel totals.',
  'Authenticate with a personal token (`Authorization: Bearer cpt_…`, made on /account/tokens). A token made to read answers 403 on a write; the holder’s roles apply as on the pages (an owner writes only their own pilots’ results).',
  'Errors are problem documents (RFC 9457, `application/problem+json`) whose `fields` name each refused field and why. Each token may make a limited number of requests a minute (429 with `Retry-After` beyond it). A POST with an `Idempotency-Key` header answers a retry as it answered the first time.',
].join('\n\n');

/** Generates the API's OpenAPI document from its controllers and DTOs, and keeps it to serve. */
export function publishOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Channel pilot tracker API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'A personal API token (cpt_…)' },
      'token',
    )
    .addSecurityRequirements('token')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    include: [ApiModule],
    operationIdFactory: (_controller, method) => method,
  });
  document.components = {
    ...document.components,
    schemas: { ...ENGINE_SCHEMAS, ...document.components?.schemas },
  };
  app.get(OpenApiDocument).document = document;
  return document;
}
