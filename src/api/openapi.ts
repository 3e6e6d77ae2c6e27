// The OpenAPI description of the JSON API, served at /api/openapi.json.

const money = { type: 'number', description: 'euros' };
const nullableMoney = {
  type: 'number',
  nullable: true,
  description: 'euros; null when an input is missing',
};
const interval = { type: 'object', properties: { value: money, halfWidth: money } };
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const monthParam = (name: string, where: 'query' | 'path') => ({
  name,
  in: where,
  required: where === 'path',
  schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
});
const totalPath = [
  monthParam('month', 'path'),
  { name: 'channel', in: 'path', required: true, schema: { type: 'string' }, example: 'phone' },
];
const writes = {
  '401': error('No valid token or session'),
  '403': error('The token may only read, or the holder is neither finance nor an admin'),
};

export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'Channel pilot tracker API',
    version: '1',
    description:
      'Read a pilot’s business case with the inputs it was computed from, so that finance can recompute every figure (see the business-case model); read the channel ledger; read and write the organisation’s channel totals. Authenticate with a personal token (`Authorization: Bearer cpt_…`, made on /account/tokens): a token made to read answers 403 on a write; the holder’s roles apply as on the pages.',
  },
  security: [{ token: [] }],
  paths: {
    '/api/v1/ledger': {
      get: {
        summary:
          'The channel ledger: the organisation’s totals per channel against the pilots’ claims (channel-ledger model)',
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } },
          { name: 'to', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } },
          { name: 'channel', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description:
              'The ledger for the months from…to (default the 12 up to the last full one)',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Ledger' } } },
          },
          '400': {
            description: 'A month or the channel cannot be read; `fields` names which and why',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
    '/api/v1/channel-totals': {
      get: {
        summary: 'The organisation’s monthly totals per channel, for a month range',
        parameters: [monthParam('from', 'query'), monthParam('to', 'query')],
        responses: {
          '200': {
            description:
              'The totals of the months from…to (default the 12 up to the last full one)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    from: { type: 'string' },
                    to: { type: 'string' },
                    totals: { type: 'array', items: { $ref: '#/components/schemas/ChannelTotal' } },
                  },
                },
              },
            },
          },
          '400': error('A month cannot be read; `fields` names which and why'),
        },
      },
    },
    '/api/v1/channel-totals/{month}/{channel}': {
      put: {
        summary:
          'Sets one channel’s total for one month, replaced whole (finance or an admin; a token that may write). Audited as the month form.',
        parameters: totalPath,
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/ChannelTotalBody' } },
          },
        },
        responses: {
          '200': {
            description: 'Saved; `changed` counts the figures that differ from what was stored',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/ChannelTotalBody' },
                    {
                      type: 'object',
                      properties: {
                        month: { type: 'string' },
                        channel: { type: 'string' },
                        changed: { type: 'integer' },
                      },
                    },
                  ],
                },
              },
            },
          },
          '400': error(
            'Nothing saved: an unknown channel, a month in the future or before the earliest, a negative or fractional count, a split above the volume, or an unknown field; `fields` names each',
          ),
          ...writes,
        },
      },
      delete: {
        summary: 'Removes one channel’s total for one month (the ledger then names it as missing)',
        parameters: totalPath,
        responses: {
          '204': { description: 'Removed (or there was none)' },
          '400': error('An unknown channel or an unreadable month'),
          ...writes,
        },
      },
    },
    '/api/v1/pilots/{slug}/business-case': {
      get: {
        summary: 'A pilot’s business case: monthly figures, totals, verdict and inputs',
        parameters: [
          {
            name: 'slug',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
          },
        ],
        responses: {
          '200': {
            description: 'The business case',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/BusinessCase' } },
            },
          },
          '404': {
            description: 'No pilot with that slug',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      token: {
        type: 'http',
        scheme: 'bearer',
        description: 'A personal API token (cpt_…), read-only or read and write',
      },
    },
    schemas: {
      ChannelTotalBody: {
        type: 'object',
        required: ['volume'],
        additionalProperties: false,
        properties: {
          volume: { type: 'integer', minimum: 0, description: 'all contacts of the month' },
          desired: { type: 'integer', minimum: 0, nullable: true },
          undesired: { type: 'integer', minimum: 0, nullable: true },
          unnecessary: {
            type: 'integer',
            minimum: 0,
            nullable: true,
            description: 'the split is optional and at most the volume together',
          },
        },
      },
      ChannelTotal: {
        type: 'object',
        properties: {
          month: { type: 'string', example: '2026-01' },
          channel: { type: 'string', example: 'phone' },
          volume: { type: 'integer' },
          desired: { type: 'integer', nullable: true },
          undesired: { type: 'integer', nullable: true },
          unnecessary: { type: 'integer', nullable: true },
          updatedBy: { type: 'string' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      Error: {
        type: 'object',
        properties: {
          statusCode: { type: 'integer' },
          error: { type: 'string' },
          message: { type: 'string' },
          fields: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            description: 'Per field (or parameter), the reasons it was refused.',
          },
        },
      },
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
    },
  },
};
