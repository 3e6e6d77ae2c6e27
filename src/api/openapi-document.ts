import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The OpenAPI document generated at start-up from the API's controllers and DTOs (openapi.ts). */
@Injectable()
export class OpenApiDocument {
  document: OpenAPIObject | null = null;
}
