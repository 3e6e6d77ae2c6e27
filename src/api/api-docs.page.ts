import { t } from '../i18n/translate';
import type { OpenAPIObject } from '@nestjs/swagger';

// The API's reference as a page of the app: read from the generated OpenAPI document, so the
// page and the document cannot disagree, and rendered by the app's own views (no CDN, no script).

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  description?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
};

interface Operation {
  summary?: string;
  operationId?: string;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: Schema;
  }>;
  requestBody?: { content: Record<string, { schema?: Schema }>; description?: string };
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }> }
  >;
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

/** A schema in a few words: `PilotList`, `array of DecisionRecord`, `integer or null`. */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return refName(schema.$ref);
  if (schema.type === 'array') return `array of ${typeOf(schema.items)}`;
  const base = schema.enum
    ? schema.enum.filter((v) => v !== null).join(' | ')
    : [schema.type ?? 'any', schema.format].filter(Boolean).join(', ');
  return schema.nullable ? `${base} or null` : base;
}

export function apiDocsPage(document: OpenAPIObject) {
  const operations: Array<Record<string, unknown>> = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods as Record<string, Operation>)) {
      const operation = raw;
      operations.push({
        id: operation.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: operation.summary,
        parameters: (operation.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          type: typeOf(p.schema),
          description: p.description,
        })),
        body: operation.requestBody
          ? {
              types: Object.keys(operation.requestBody.content).join(', '),
              schema: typeOf(Object.values(operation.requestBody.content)[0]?.schema),
              description: operation.requestBody.description,
            }
          : null,
        responses: Object.entries(operation.responses).map(([status, response]) => ({
          status,
          description: response.description,
          schema: typeOf(Object.values(response.content ?? {})[0]?.schema),
        })),
      });
    }
  }
  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, Schema>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]) => ({
      name,
      description: schema.description,
      properties: Object.entries(schema.properties ?? {}).map(([property, value]) => ({
        name: property,
        required: (schema.required ?? []).includes(property),
        type: typeOf(value),
        description: value.description,
      })),
    }));
  return {
    title: t('apiDocs.title'),
    // Paragraphs, with the `code` spans of the document's Markdown as code.
    introduction: (document.info.description ?? '')
      .split('\n\n')
      .map((paragraph) => paragraph.split('`').map((text, i) => ({ text, code: i % 2 === 1 }))),
    operations,
    schemas,
  };
}
