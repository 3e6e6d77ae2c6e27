import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A refused or failed request (RFC 9457), as every API route answers one. */
export class Problem {
  @ApiProperty({ example: 'about:blank' })
  type: string;

  @ApiProperty({ example: 'Please check your input' })
  title: string;

  @ApiProperty({ example: 422 })
  status: number;

  @ApiProperty({ description: 'What happened, in words a person can act on' })
  detail: string;

  @ApiProperty({ description: 'The path of the request', example: '/api/v1/pilots/x' })
  instance: string;

  @ApiPropertyOptional({
    description:
      'Per field or parameter, why it was refused (`pilot.contacts`, `rows[3].value`, `from`)',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  fields?: Record<string, string[]>;

  @ApiPropertyOptional({ description: 'On a 500: the id to quote to support' })
  errorId?: string;
}
