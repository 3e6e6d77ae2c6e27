import type { SchemaObject } from '@nestjs/swagger';

// The schemas of what the engine answers (the business case, the ledger): large nested reports
// built by the export functions, not classes, so they are declared here and referenced by the
// controllers' decorators; @nestjs/swagger generates the rest of the document.

const money = { type: 'number', description: 'euros' };
const nullableMoney = {
  type: 'number',
  nullable: true,
  description: 'euros; null when an input is missing',
};
const interval = { type: 'object', properties: { value: money, halfWidth: money } };

/** Component schemas, merged into the generated document (`#/components/schemas/…`). */
export const ENGINE_SCHEMAS: Record<string, SchemaObject> = {
  Ledger: {
    type: 'object',
    required: ['computedAt', 'from', 'to', 'channels', 'all', 'overlaps', 'picture'],
    properties: {
      computedAt: { type: 'string', format: 'date-time' },
      units: { type: 'object' },
      from: { type: 'string' },
      to: { type: 'string' },
      channels: { type: 'array', items: { $ref: '#/components/schemas/LedgerChannel' } },
      all: {
        type: 'object',
        description:
          'The channels with an organisation baseline together; half-widths combine as √(Σ h²).',
      },
      overlaps: { type: 'array', items: { $ref: '#/components/schemas/Overlap' } },
      picture: {
        type: 'object',
        description:
          'The organisation’s contacts per month (existing channels with totals and every pilot’s new channel), cost, mix, pre-period and the channel-stacking flag.',
      },
    },
  },
  LedgerChannel: {
    type: 'object',
    properties: {
      key: { type: 'string' },
      name: { type: 'string' },
      method: { type: 'string', nullable: true, enum: ['trend', 'mean', null] },
      pinned: {
        type: 'string',
        nullable: true,
        enum: ['trend', 'mean', null],
        description: 'The method finance pinned for the channel; null: trend, else mean.',
      },
      pinNote: {
        type: 'string',
        nullable: true,
        description: 'Why the pinned method is not the one used, when it is not.',
      },
      n: { type: 'integer' },
      noBaseline: { type: 'string', nullable: true },
      preperiodEnd: { type: 'string', nullable: true },
      missingTotals: { type: 'array', items: { type: 'string' } },
      coveredMonths: { type: 'integer' },
      orgDisplaced: { ...interval, nullable: true, description: 'contacts' },
      orgDisplacedEuros: { ...interval, nullable: true },
      claimed: { type: 'number' },
      claimedEuros: nullableMoney,
      measured: { type: 'number' },
      measuredEuros: nullableMoney,
      waterbed: { type: 'number', nullable: true },
      waterbedEuros: nullableMoney,
      waterbedRatio: { type: 'number', nullable: true },
      pilotsWaterbedEuros: nullableMoney,
      pilotsWaterbedRatio: { type: 'number', nullable: true },
      gap: { type: 'number', nullable: true },
      gapEuros: nullableMoney,
      gapFlagged: { type: 'boolean' },
      pilots: { type: 'array', items: { type: 'object' } },
      overlaps: { type: 'array', items: { $ref: '#/components/schemas/Overlap' } },
      months: { type: 'array', items: { type: 'object' } },
      missingRates: { type: 'array', items: { type: 'string' } },
    },
  },
  Overlap: {
    type: 'object',
    properties: {
      channel: { type: 'string' },
      pilots: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
      months: { type: 'array', items: { type: 'string' } },
      reason: { type: 'string', enum: ['whole_channel', 'segments_exceed_total'] },
    },
  },
  BusinessCase: {
    type: 'object',
    required: ['pilot', 'computedAt', 'missing', 'inputs', 'result'],
    properties: {
      pilot: {
        type: 'object',
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          stage: { type: 'string' },
          startMonth: { type: 'string', nullable: true },
        },
      },
      computedAt: { type: 'string', format: 'date-time' },
      units: { type: 'object' },
      missing: {
        type: 'array',
        items: { type: 'string' },
        description: 'Inputs that prevent a computation (empty when computed).',
      },
      inputs: {
        nullable: true,
        type: 'object',
        description:
          'The plan, channels with shares, pre-period history and cost rates, monthly actuals, investments and discount rate.',
        properties: {
          startMonth: { type: 'string' },
          incubationStartMonth: { type: 'string', nullable: true },
          plan: { type: 'object' },
          channels: { type: 'array', items: { type: 'object' } },
          actuals: { type: 'array', items: { type: 'object' } },
          investments: { type: 'array', items: { type: 'object' } },
          discountRate: { type: 'number', nullable: true },
        },
      },
      result: {
        nullable: true,
        type: 'object',
        properties: {
          months: { type: 'array', items: { $ref: '#/components/schemas/Month' } },
          channels: {
            type: 'array',
            items: {
              type: 'object',
              description:
                'method, n, the pinned method and why it was not used (pinNote), months by a fallback method, claimed/displaced/leaked contacts, realised share ± half-width, contradicted',
            },
          },
          totals: {
            type: 'object',
            properties: {
              claimedSavings: nullableMoney,
              realisedSavings: { ...interval, nullable: true },
              realisedEvidence: { $ref: '#/components/schemas/RealisedEvidence' },
              waterbed: nullableMoney,
              waterbedRatio: { type: 'number', nullable: true },
              netBenefit: nullableMoney,
              claimedNetBenefit: nullableMoney,
              investment: money,
              roi: { type: 'number', nullable: true },
            },
          },
          payback: {
            type: 'object',
            description: "status 'reached' | 'projected' | 'not_yet', with month or reason",
          },
          npv: {
            type: 'object',
            properties: {
              value: nullableMoney,
              projectedMonths: { type: 'integer' },
              reason: { type: 'string' },
            },
          },
          verdict: {
            type: 'object',
            properties: {
              proven: { type: 'boolean' },
              reasons: { type: 'array', items: { type: 'string' } },
              lowerBound: nullableMoney,
            },
          },
          timeToProof: { type: 'object' },
          atScale: {
            ...interval,
            nullable: true,
            properties: {
              ...interval.properties,
              evidence: { $ref: '#/components/schemas/RealisedEvidence' },
            },
          },
        },
      },
    },
  },
  RealisedEvidence: {
    type: 'object',
    description:
      'What a total of realised savings rests on: months measured against a baseline, on weak evidence (claimed − follow-ups) or unverified (the claim itself). A month counts by its weakest channel; the half-width covers only the measured months.',
    properties: {
      rests: { type: 'string', enum: ['measured', 'weak', 'unverified', 'mixed', 'none'] },
      measured: { type: 'integer' },
      weak: { type: 'integer' },
      unverified: { type: 'integer' },
    },
  },
  Month: {
    type: 'object',
    properties: {
      month: { type: 'string', example: '2026-01' },
      contacts: { type: 'integer' },
      evidence: { type: 'string', enum: ['baseline', 'weak', 'unverified'] },
      missing: { type: 'array', items: { type: 'string' } },
      claimedSavings: nullableMoney,
      realisedSavings: nullableMoney,
      realisedHalfWidth: nullableMoney,
      waterbed: nullableMoney,
      runningCost: money,
      netBenefit: nullableMoney,
      channels: {
        type: 'array',
        items: {
          type: 'object',
          description:
            'claimed, baseline ± half-width, the method that gave the baseline, volume, follow-ups, displaced, evidence, rate',
          properties: {
            key: { type: 'string' },
            name: { type: 'string' },
            method: { type: 'string', enum: ['control', 'trend', 'mean'], nullable: true },
            fallback: {
              type: 'boolean',
              description:
                'the month lacks an input its channel’s method needs, so this month alone used the next method that applies',
            },
            evidence: { type: 'string', enum: ['baseline', 'weak', 'unverified'] },
          },
        },
      },
    },
  },
};
