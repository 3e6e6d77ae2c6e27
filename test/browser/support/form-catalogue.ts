// Every POST form of the app, with who may use it, where it is, and one valid change with
// exactly what that change must store. forms.spec.ts submits each as rendered; crawl.spec.ts
// fails when a page shows a form that is not listed here.

import { todayIso } from '../../../src/common/dates';

/** One stored change: a row inserted, updated (exactly these columns) or deleted. */
export interface StoredChange {
  table: string;
  op: 'insert' | 'update' | 'delete';
  /** insert: columns the new row has (a subset); update: every column that changed. */
  set?: Record<string, string | number | null | RegExp>;
}

export interface FormCase {
  /** The form's action as a pattern (see urlPattern). */
  action: string;
  /** The demo account that may use it. */
  as: string;
  /** The page that shows the form; `via` is a link on it to follow first. */
  page: string;
  via?: string;
  /** Which of the page's forms with this action (default the first). */
  nth?: number;
  /**
   * edit: shows stored values; submitted unchanged it must store nothing.
   * create: starts empty; submitted unchanged it must be refused next to its fields, storing
   * nothing. action: a button that does one thing; pressing it is the change.
   */
  kind: 'edit' | 'create' | 'action';
  /** Fields to fill for the one valid change: text, a select's value, checkboxes' values, a file. */
  fill?: Record<string, string | string[] | { file: string; content: string }>;
  stores: StoredChange[];
  /** The status the valid change answers (303, the redirect after a post, unless said). */
  answers?: number;
  /** Shown only after an earlier case ran (an upload's preview, a token to revoke). */
  after?: string;
  /** A form on `page` to fill and submit first: the form under test is on the page it answers. */
  reach?: { action: string; fill: NonNullable<FormCase['fill']> };
}

const OWNER = 'owner@demo.example';
const BOARD = 'board@demo.example';
const FINANCE = 'finance@demo.example';
const ADMIN = 'admin@demo.example';
const VIEWER = 'viewer@demo.example';

/** This month, as a month field takes it (a recorded change may not lie in the future). */
const THIS_MONTH = todayIso().slice(0, 7);

export const FORMS: FormCase[] = [
  {
    action: '/pilots/:slug',
    as: OWNER,
    page: '/pilots/whatsapp-movers/edit',
    kind: 'edit',
    fill: { description: 'WhatsApp for customers who move house, changed by the round trip.' },
    stores: [
      {
        table: 'pilot',
        op: 'update',
        set: { description: 'WhatsApp for customers who move house, changed by the round trip.' },
      },
    ],
  },
  {
    action: '/pilots',
    as: OWNER,
    page: '/pilots/new',
    kind: 'create',
    fill: {
      name: 'Round-trip voicebot',
      description: 'A voicebot registered by the round-trip test.',
      channelType: 'voicebot',
    },
    stores: [
      {
        table: 'pilot',
        op: 'insert',
        set: { name: 'Round-trip voicebot', slug: 'round-trip-voicebot', stage: 'idea' },
      },
      { table: 'pilot_stage_change', op: 'insert', set: { to_stage: 'idea' } },
    ],
  },
  {
    // A new pilot like the billing chatbot: its channels, plan with shares and scopes, and the
    // checklist item that does not apply to it are taken over.
    action: '/pilots/:slug/copy',
    as: OWNER,
    page: '/pilots/billing-chatbot/copy',
    kind: 'create',
    fill: { name: 'Billing chatbot for business customers' },
    stores: [
      {
        table: 'pilot',
        op: 'insert',
        set: { name: 'Billing chatbot for business customers', channel_type: 'chatbot' },
      },
      {
        table: 'pilot_stage_change',
        op: 'insert',
        set: { to_stage: 'idea', reason: 'Registered like Billing chatbot (billing-chatbot)' },
      },
      { table: 'pilot_affected_channel', op: 'insert' },
      { table: 'pilot_affected_channel', op: 'insert' },
      { table: 'pilot_affected_channel', op: 'insert' },
      { table: 'pilot_plan', op: 'insert', set: { version: 1 } },
      { table: 'plan_channel_share', op: 'insert', set: { baseline_method: null } },
      { table: 'plan_channel_share', op: 'insert', set: { baseline_method: null } },
      { table: 'plan_channel_share', op: 'insert', set: { baseline_method: null } },
      { table: 'pilot_readiness', op: 'insert', set: { status: 'not_applicable', evidence: null } },
    ],
  },
  {
    action: '/pilots/:slug/plan',
    as: OWNER,
    page: '/pilots/whatsapp-movers/plan',
    kind: 'edit',
    fill: { targetCsat: '80,5' }, // a percentage with a decimal, stored in tenths
    stores: [{ table: 'pilot_plan', op: 'update', set: { target_csat_tenths: 805 } }],
  },
  {
    action: '/pilots/:slug/readiness/:id',
    as: OWNER,
    page: '/pilots/whatsapp-movers/readiness',
    kind: 'edit',
    fill: { evidence: 'Signed process description, version 3.' },
    stores: [
      {
        table: 'pilot_readiness',
        op: 'update',
        set: { evidence: 'Signed process description, version 3.' },
      },
    ],
  },
  {
    action: '/pilots/:slug/it',
    as: OWNER,
    page: '/pilots/whatsapp-movers/it',
    kind: 'edit',
    fill: { itOwner: 'Kees Koster' },
    stores: [{ table: 'it_commitment', op: 'update', set: { it_owner: 'Kees Koster' } }],
  },
  {
    action: '/pilots/:slug/results/:month',
    as: OWNER,
    page: '/pilots/whatsapp-movers/results',
    via: 'table a[href*="/results/20"]',
    kind: 'edit',
    fill: { contacts: '4321' },
    stores: [{ table: 'monthly_result', op: 'update', set: { contacts: 4321 } }],
  },
  {
    action: '/pilots/:slug/investments',
    as: OWNER,
    page: '/pilots/whatsapp-movers/investments',
    kind: 'create',
    fill: { investedOn: '2026-10-15', amount: '1.250,50', description: 'Extra licences' },
    stores: [
      {
        table: 'investment',
        op: 'insert',
        set: { invested_on: '2026-10-15', amount_cents: 125050, description: 'Extra licences' },
      },
    ],
  },
  {
    action: '/pilots/:slug/investments/:id/delete',
    as: OWNER,
    page: '/pilots/whatsapp-movers/investments',
    kind: 'action',
    stores: [{ table: 'investment', op: 'delete' }],
  },
  {
    action: '/results/import',
    as: OWNER,
    page: '/results/import',
    kind: 'create',
    fill: {
      file: {
        file: 'round-trip.csv',
        content: 'pilot,month,metric,channel,value\nbilling-chatbot,2026-10,contacts,,2345\n',
      },
    },
    answers: 200, // the preview, on the page that answers
    stores: [{ table: 'import_batch', op: 'insert', set: { file_name: 'round-trip.csv' } }],
  },
  {
    // Evidence for the first checklist item of the owner's pilot: a PDF, told from its content.
    action: '/pilots/:slug/readiness/:id/files',
    as: OWNER,
    page: '/pilots/in-app-questions/readiness',
    kind: 'create',
    fill: { file: { file: 'process description.pdf', content: '%PDF-1.4\n% signed\n' } },
    stores: [
      {
        table: 'evidence_file',
        op: 'insert',
        set: { subject: 'readiness', file_name: 'process description.pdf' },
      },
    ],
  },
  {
    action: '/pilots/:slug/it/files',
    as: OWNER,
    page: '/pilots/in-app-questions/it',
    kind: 'create',
    fill: { file: { file: 'roadmap.pdf', content: '%PDF-1.4\n% roadmap slot Q3\n' } },
    stores: [
      {
        table: 'evidence_file',
        op: 'insert',
        set: { subject: 'it', media_type: 'application/pdf', file_name: 'roadmap.pdf' },
      },
    ],
  },
  {
    action: '/results/import/:id/confirm',
    as: OWNER,
    page: '/results/import',
    after: '/results/import',
    reach: {
      action: '/results/import',
      fill: {
        file: {
          file: 'round-trip-2.csv',
          content: 'pilot,month,metric,channel,value\nbilling-chatbot,2026-10,contacts,,2399\n',
        },
      },
    },
    kind: 'action',
    stores: [
      { table: 'import_batch', op: 'delete' },
      { table: 'monthly_result', op: 'update', set: { contacts: 2399 } },
    ],
  },
  {
    action: '/pilots/:slug/stage',
    as: OWNER,
    // The idea lacks what the proof of concept needs: the owner fills it in, then moves it.
    page: '/pilots/in-app-questions/edit',
    reach: {
      action: '/pilots/:slug',
      fill: { targetContactTypes: 'Questions about usage', scope: 'App users on a mobile plan' },
    },
    kind: 'action',
    stores: [
      {
        table: 'pilot',
        op: 'update',
        set: { stage: 'proof_of_concept', stage_entered_on: /^\d{4}-\d{2}-\d{2}$/ },
      },
      { table: 'pilot_stage_change', op: 'insert', set: { to_stage: 'proof_of_concept' } },
    ],
  },
  {
    // A past stage change of a pilot that began before the app (premium-video: proof of concept
    // since 45 days ago): moved on to incubation this month, recorded as such.
    action: '/pilots/:slug/history',
    as: ADMIN,
    page: '/pilots/premium-video/history',
    kind: 'create',
    fill: {
      toStage: 'incubation',
      month: THIS_MONTH,
      decidedBy: 'Sales management team',
      why: 'The video calls closed more sales than expected.',
    },
    stores: [
      {
        table: 'pilot',
        op: 'update',
        set: { stage: 'incubation', stage_entered_on: /^\d{4}-\d{2}-\d{2}$/ },
      },
      {
        table: 'pilot_stage_change',
        op: 'insert',
        set: { to_stage: 'incubation', actor: 'Sales management team', recorded_by: /Admin/ },
      },
    ],
  },
  {
    // The real start of an idea registered without it: its registration row takes the month.
    action: '/pilots/:slug/history/start',
    as: ADMIN,
    page: '/pilots/concierge-chatbot/history',
    kind: 'create',
    fill: { startedIn: '2025-06' },
    stores: [
      { table: 'pilot', op: 'update', set: { stage_entered_on: '2025-06-01' } },
      {
        table: 'pilot_stage_change',
        op: 'update',
        // Its changed_at (bookkeeping to the diff) takes the month; who recorded it is kept.
        set: { recorded_by: /Admin/, recorded_at: /\d/ },
      },
    ],
  },
  {
    action: '/pilots/:slug/stop',
    as: OWNER,
    page: '/pilots/in-app-questions',
    kind: 'create',
    fill: { reason: 'No budget left this year.', lessonsLearned: 'Start with the top questions.' },
    stores: [
      {
        table: 'pilot',
        op: 'update',
        set: { stage: 'stopped', lessons_learned: 'Start with the top questions.' },
      },
      { table: 'pilot_stage_change', op: 'insert', set: { to_stage: 'stopped' } },
      // Kept in the lessons library as well.
      {
        table: 'lesson',
        op: 'insert',
        set: { outcome: 'stop', stage: 'proof_of_concept', text: 'Start with the top questions.' },
      },
    ],
  },
  {
    // A comment on the owner's own pilot.
    action: '/pilots/:slug/comments',
    as: OWNER,
    page: '/pilots/in-app-questions',
    kind: 'create',
    fill: { text: 'The routing test is planned for next week.' },
    stores: [
      {
        table: 'pilot_comment',
        op: 'insert',
        set: { text: 'The routing test is planned for next week.' },
      },
    ],
  },
  {
    action: '/pilots/:slug/strategy-conflict',
    as: BOARD,
    page: '/pilots/concierge-chatbot',
    kind: 'create',
    fill: { note: 'Accepted for the premium segment only.' },
    stores: [
      {
        table: 'pilot',
        op: 'update',
        set: {
          conflict_accepted_by: 'Marieke Smit <board@demo.example>',
          conflict_accepted_at: /^\d{4}-\d{2}-\d{2} /,
          conflict_note: 'Accepted for the premium segment only.',
        },
      },
    ],
  },
  {
    action: '/pilots/:slug/decisions',
    as: BOARD,
    page: '/pilots/voicebot-outages/review',
    kind: 'create',
    fill: {
      outcome: 'extend',
      rationale: 'Readiness is not there yet.',
      members: 'Marieke, Joost',
      conditions: 'Routing agreed with operations',
      nextReviewDate: '2027-03-15',
    },
    stores: [
      { table: 'decision', op: 'insert', set: { outcome: 'extend' } },
      {
        table: 'decision_condition',
        op: 'insert',
        set: { text: 'Routing agreed with operations' },
      },
      // An extension sends the pilot back to incubation until the next review.
      {
        table: 'pilot',
        op: 'update',
        set: {
          stage: 'incubation',
          stage_entered_on: /^\d{4}-\d{2}-\d{2}$/,
          next_review_date: '2027-03-15',
        },
      },
      { table: 'pilot_stage_change', op: 'insert', set: { to_stage: 'incubation' } },
    ],
  },
  {
    action: '/pilots/:slug/conditions/:id/clear',
    as: BOARD,
    page: '/pilots/voicebot-outages/review',
    after: '/pilots/:slug/decisions',
    kind: 'create',
    fill: { note: 'Routing signed off by operations.' },
    stores: [{ table: 'decision_condition', op: 'update' }],
  },
  {
    action: '/pilots/:slug/sign-offs',
    as: FINANCE,
    page: '/pilots/whatsapp-movers/business-case',
    kind: 'create',
    fill: { fromMonth: '2026-01', toMonth: '2026-03', note: 'Quarter one' },
    stores: [
      {
        table: 'finance_signoff',
        op: 'insert',
        set: { from_month: '2026-01', to_month: '2026-03', note: 'Quarter one' },
      },
    ],
  },
  {
    action: '/board/meetings',
    as: BOARD,
    page: '/board/meetings',
    kind: 'create',
    fill: { heldOn: '2027-01-14', members: 'Marieke Smit, Joost de Boer' },
    stores: [{ table: 'board_meeting', op: 'insert', set: { held_on: '2027-01-14' } }],
  },
  {
    // The demo's coming meeting: a suggested pilot put on its agenda with its button.
    action: '/board/meetings/:id/agenda',
    as: BOARD,
    page: '/board/meetings',
    via: 'a[href^="/board/meetings/"]',
    kind: 'action',
    stores: [{ table: 'board_meeting_item', op: 'insert', set: { decision_id: null } }],
  },
  {
    action: '/board/meetings/:id/agenda/remove',
    as: BOARD,
    page: '/board/meetings',
    via: 'a[href^="/board/meetings/"]',
    kind: 'action',
    stores: [{ table: 'board_meeting_item', op: 'delete' }],
  },
  {
    action: '/finance/rates',
    as: FINANCE,
    page: '/finance/rates',
    kind: 'create',
    fill: { channelId: '1', effectiveFrom: '2027-01', amount: '6,80' },
    stores: [
      {
        table: 'cost_rate',
        op: 'insert',
        set: { effective_from: '2027-01', cents_per_contact: 680 },
      },
    ],
  },
  {
    // The organisation's totals of a month: finance enters the phone channel's.
    action: '/ledger/totals/:month',
    as: FINANCE,
    page: '/ledger/totals',
    via: 'a[href^="/ledger/totals/20"]',
    kind: 'edit',
    fill: { total_volume_1: '52000' },
    stores: [{ table: 'channel_total', op: 'insert', set: { volume: 52000, channel_id: 1 } }],
  },
  {
    // The organisation baseline's method per channel: finance pins phone's to its mean.
    action: '/ledger/totals/baselines',
    as: FINANCE,
    page: '/ledger/totals',
    kind: 'edit',
    fill: { ledgerMethod_1: 'mean' },
    stores: [{ table: 'channel', op: 'update', set: { ledger_method: 'mean' } }],
  },
  {
    action: '/finance/discount-rate',
    as: FINANCE,
    page: '/finance/rates',
    kind: 'create',
    fill: { effectiveFrom: '2027-01', rate: '4,5' },
    stores: [{ table: 'discount_rate', op: 'insert', set: { effective_from: '2027-01' } }],
  },
  {
    action: '/channels',
    as: ADMIN,
    page: '/channels',
    kind: 'create',
    fill: { name: 'Letter', key: 'letter', description: 'Paper post' },
    stores: [{ table: 'channel', op: 'insert', set: { name: 'Letter', key: 'letter' } }],
  },
  {
    action: '/channels/:key',
    as: ADMIN,
    page: '/channels/email/edit',
    kind: 'edit',
    fill: { description: 'E-mail to the service address.' },
    stores: [
      { table: 'channel', op: 'update', set: { description: 'E-mail to the service address.' } },
    ],
  },
  {
    action: '/admin/users/:id',
    as: ADMIN,
    page: '/admin/users',
    nth: 1,
    kind: 'edit',
    fill: { name: 'Renamed by the round trip' },
    stores: [{ table: 'app_user', op: 'update', set: { name: 'Renamed by the round trip' } }],
  },
  {
    action: '/admin/users',
    as: ADMIN,
    page: '/admin/users',
    kind: 'create',
    fill: {
      email: 'new-owner@demo.example',
      name: 'Nina Nieuw',
      password: 'a-long-enough-password',
      roles: ['owner'],
    },
    stores: [{ table: 'app_user', op: 'insert', set: { email: 'new-owner@demo.example' } }],
  },
  {
    action: '/admin/readiness-items/:id',
    as: ADMIN,
    page: '/admin/readiness-items',
    kind: 'edit',
    fill: { title: 'Routing to the right team agreed' },
    stores: [
      { table: 'readiness_item', op: 'update', set: { title: 'Routing to the right team agreed' } },
    ],
  },
  {
    action: '/admin/readiness-items',
    as: ADMIN,
    page: '/admin/readiness-items',
    kind: 'create',
    fill: { title: 'Privacy statement updated', description: 'The DPO agreed.' },
    stores: [
      { table: 'readiness_item', op: 'insert', set: { title: 'Privacy statement updated' } },
    ],
  },
  {
    action: '/admin/gate-settings',
    as: ADMIN,
    page: '/admin/gate-settings',
    kind: 'edit',
    fill: { maxMonthsInStage: '15' },
    stores: [{ table: 'gate_settings', op: 'update', set: { max_months_in_stage: 15 } }],
  },
  {
    action: '/account/tokens',
    as: FINANCE,
    page: '/account/tokens',
    kind: 'create',
    fill: { name: 'Reporting script', scope: 'write' },
    answers: 200, // the new token is shown once, on the page that answers
    stores: [
      { table: 'api_token', op: 'insert', set: { name: 'Reporting script', scope: 'write' } },
    ],
  },
  {
    action: '/account/tokens/:id/revoke',
    as: FINANCE,
    page: '/account/tokens',
    after: '/account/tokens',
    kind: 'action',
    stores: [{ table: 'api_token', op: 'update' }],
  },
  {
    // The demo's board meeting, a week ahead, is a reminder made at start-up.
    action: '/notifications/read',
    as: BOARD,
    page: '/notifications',
    kind: 'action',
    stores: [{ table: 'notification', op: 'update' }],
  },
  {
    action: '/account/reminders',
    as: BOARD,
    page: '/account/reminders',
    kind: 'edit',
    fill: { email: [] },
    stores: [{ table: 'reminder_preference', op: 'insert', set: { kind: 'review_soon' } }],
  },
  {
    action: '/sign-out',
    as: FINANCE,
    page: '/dashboard',
    kind: 'action',
    stores: [],
  },
  {
    // The account page's language choice: stored on the account (the browser asks for English).
    action: '/account/language',
    as: VIEWER,
    page: '/account',
    kind: 'edit',
    fill: { language: 'nl' },
    stores: [{ table: 'app_user', op: 'update', set: { language: 'nl' } }],
  },
  {
    // The switch in the header, now offering English: a signed-in person's choice is kept.
    action: '/language',
    as: VIEWER,
    page: '/dashboard',
    kind: 'action',
    after: '/account/language',
    stores: [{ table: 'app_user', op: 'update', set: { language: 'en' } }],
  },
];
