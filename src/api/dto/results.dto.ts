import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CHANNEL_METRICS, PILOT_METRICS } from '../../results/metrics';

const figures = (metrics: Record<string, { label: string; kind: string }>) => ({
  type: 'object' as const,
  description: Object.entries(metrics)
    .map(
      ([key, m]) =>
        `\`${key}\`: ${m.label.replace(/ \(€\)$/, '')}${m.kind.endsWith('money') ? ' (euros)' : ''}`,
    )
    .join('; '),
  additionalProperties: { type: 'number', nullable: true },
});

/** A month of a pilot's results, with the version a write must name. */
export class MonthResults {
  @ApiProperty({ example: '2026-03' })
  month: string;

  @ApiProperty({
    enum: ['result', 'history'],
    description: 'history: a month before the start month, holding the channels’ volumes only',
  })
  mode: string;

  @ApiProperty({ description: 'A digest of the stored figures; send it back with a PUT' })
  version: string;

  @ApiProperty({ ...figures(PILOT_METRICS), nullable: true })
  pilot: Record<string, number | null> | null;

  @ApiProperty({
    type: 'object',
    description: 'Per channel key, its figures: ' + figures(CHANNEL_METRICS).description,
    additionalProperties: {
      type: 'object',
      additionalProperties: { type: 'number', nullable: true },
    },
  })
  channels: Record<string, Record<string, number | null>>;
}

export class MonthResultsSaved extends MonthResults {
  @ApiProperty({ description: 'Figures that changed (0 when the month was sent unchanged)' })
  changed: number;
}

export class ResultMonths {
  @ApiProperty({ type: [MonthResults], description: 'Every month with a figure, oldest first' })
  months: MonthResults[];
}

/** The body of a PUT: the month's figures, whole. */
export class MonthResultsBody {
  @ApiProperty({ description: 'The version of the month as last read' })
  version: string;

  @ApiPropertyOptional({
    ...figures(PILOT_METRICS),
    nullable: true,
    description: `Result months only; \`contacts\` is required. ${figures(PILOT_METRICS).description}`,
  })
  pilot?: Record<string, number | null> | null;

  @ApiPropertyOptional({
    type: 'object',
    description: 'Per affected channel key; a channel or metric left out is emptied',
    additionalProperties: {
      type: 'object',
      additionalProperties: { type: 'number', nullable: true },
    },
  })
  channels?: Record<string, Record<string, number | null>>;
}

export class FigureRow {
  @ApiProperty({ description: 'The pilot’s slug; empty for the organisation’s channel totals' })
  pilot: string;

  @ApiProperty({ example: '2026-03' })
  month: string;

  @ApiProperty({ example: 'volume', description: 'A metric key as the import’s template names it' })
  metric: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'phone' })
  channel: string | null;

  @ApiProperty({ example: 52000, description: 'Euros for money, 0–100 for percentages' })
  value: number;
}

export class FiguresBody {
  @ApiProperty({ type: [FigureRow] })
  rows: FigureRow[];
}

/** New, changed and unchanged figures, and the months they are in. */
export class TotalsSummary {
  @ApiProperty()
  inserted: number;

  @ApiProperty()
  updated: number;

  @ApiProperty()
  unchanged: number;

  @ApiProperty({ type: [String] })
  months: string[];
}

export class PilotFiguresSummary extends TotalsSummary {
  @ApiProperty()
  slug: string;
}

@ApiExtraModels(TotalsSummary)
export class FiguresResult {
  @ApiProperty({ description: 'True when nothing was saved: the preview of `?dry_run=true`' })
  dryRun: boolean;

  @ApiProperty()
  rows: number;

  @ApiProperty()
  inserted: number;

  @ApiProperty()
  updated: number;

  @ApiProperty()
  unchanged: number;

  @ApiProperty({ type: [PilotFiguresSummary] })
  pilots: PilotFiguresSummary[];

  // A $ref takes no siblings in OpenAPI 3.0: nullable goes on an allOf around it.
  @ApiProperty({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(TotalsSummary) }],
    description: 'The organisation’s channel totals in the batch (rows with an empty pilot)',
  })
  totals: TotalsSummary | null;
}
