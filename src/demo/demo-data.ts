import type { ChannelType, Purpose, ServiceStrategy, Stage } from '../pilots/pilot-fields';

export interface DemoPilot {
  slug: string;
  name: string;
  description: string;
  channelType: ChannelType;
  purposes: Purpose[];
  targetContactTypes: string;
  scope: string;
  controlScope?: string;
  ownerName?: string;
  ownerDepartment?: string;
  sponsor?: string;
  itContact?: string;
  operationsLead?: string;
  financeController?: string;
  serviceStrategy: ServiceStrategy;
  affected: string[];
  /** Stages it went through, each with how many days ago it entered them, oldest first. */
  /** `lesson`: what was learned at that step (kept in the lessons library). */
  path: Array<{ stage: Stage; daysAgo: number; reason?: string; lesson?: string }>;
  nextReviewInDays?: number;
  lessonsLearned?: string;
}

// A living portfolio for a utility-and-mobility service company, one pilot or more per stage.
export const DEMO_PILOTS: DemoPilot[] = [
  {
    slug: 'whatsapp-movers',
    name: 'WhatsApp for customers who are moving',
    description:
      'Customers who report a move can arrange their meter readings, new address and contract by WhatsApp instead of calling.',
    channelType: 'messaging',
    purposes: ['operational_relief', 'marketing'],
    targetContactTypes:
      'Moving house: address change, final and first meter reading, contract transfer',
    scope:
      'Customers who start a move through the website in the provinces of Utrecht and Gelderland',
    controlScope: 'Movers in Noord-Brabant and Limburg, who keep phone and e-mail only',
    ownerName: 'Sanne de Vries',
    ownerDepartment: 'Customer Service',
    sponsor: 'Marieke Smit',
    itContact: 'Bas Mulder',
    operationsLead: 'Kees van Dijk',
    financeController: 'Eva Bos',
    serviceStrategy: 'standard',
    affected: ['phone', 'email'],
    path: [
      { stage: 'idea', daysAgo: 420 },
      { stage: 'proof_of_concept', daysAgo: 380 },
      { stage: 'incubation', daysAgo: 230 },
    ],
    nextReviewInDays: 12,
  },
  {
    slug: 'voicebot-outages',
    name: 'Voicebot for outage reports',
    description:
      'A voicebot answers calls during power and gas outages, confirms the outage at the caller’s postcode and gives the expected repair time.',
    channelType: 'voicebot',
    purposes: ['operational_relief'],
    targetContactTypes: 'Outage reports and repair-time questions',
    scope: 'All callers who choose "outage" in the phone menu',
    controlScope: 'Callers on odd days of the month during the first quarter (holdout)',
    ownerName: 'Joost Bakker',
    ownerDepartment: 'Operations',
    sponsor: 'Hanneke Vermeulen',
    itContact: 'Ricardo Pereira',
    operationsLead: 'Joost Bakker',
    financeController: 'Eva Bos',
    serviceStrategy: 'standard',
    affected: ['phone'],
    path: [
      { stage: 'idea', daysAgo: 700 },
      { stage: 'proof_of_concept', daysAgo: 640 },
      { stage: 'incubation', daysAgo: 520 },
      {
        stage: 'scale_up_review',
        daysAgo: 20,
        reason: 'Twelve months of results; ready for the board',
      },
    ],
    nextReviewInDays: 9,
  },
  {
    slug: 'billing-chatbot',
    name: 'Billing chatbot',
    description:
      'A chatbot on the billing pages explains the annual statement, instalments and payment arrangements.',
    channelType: 'chatbot',
    purposes: ['operational_relief'],
    targetContactTypes:
      'Questions about the annual statement, instalment amount and payment arrangements',
    scope: 'Logged-in customers on the billing pages of the website and app',
    ownerName: 'Fatima El Amrani',
    ownerDepartment: 'Billing',
    itContact: 'Bas Mulder',
    financeController: 'Thomas de Groot',
    serviceStrategy: 'standard',
    affected: ['phone', 'email', 'chat'],
    path: [
      { stage: 'idea', daysAgo: 300 },
      { stage: 'proof_of_concept', daysAgo: 260 },
      {
        stage: 'incubation',
        daysAgo: 100,
        lesson:
          'Customers believed the bot only when it showed their own statement figures; generic answers about instalments sent them to the phone anyway. Connect the bot to billing data before the incubation, not after.',
      },
    ],
    nextReviewInDays: -5,
  },
  {
    slug: 'premium-video',
    name: 'Video calls for premium customers',
    description:
      'Premium customers can book a video call with an energy adviser about insulation, solar panels and heat pumps.',
    channelType: 'video',
    purposes: ['revenue', 'marketing'],
    targetContactTypes: 'Advice on sustainability products before purchase',
    scope: 'Premium-contract customers who request advice online',
    ownerName: 'Pieter Jansen',
    ownerDepartment: 'Sales',
    sponsor: 'Marieke Smit',
    serviceStrategy: 'platinum',
    affected: ['phone', 'shop'],
    path: [
      { stage: 'idea', daysAgo: 120 },
      { stage: 'proof_of_concept', daysAgo: 45 },
    ],
    nextReviewInDays: 40,
  },
  {
    slug: 'in-app-questions',
    name: 'In-app questions',
    description:
      'Customers ask a question from inside the mobile app, with their contract and usage already attached.',
    channelType: 'in_app',
    purposes: ['operational_relief'],
    targetContactTypes: '',
    scope: '',
    serviceStrategy: 'standard',
    affected: ['email', 'web-form'],
    // An idea nobody took up for more than a year: stuck in its stage, without an owner.
    path: [{ stage: 'idea', daysAgo: 420 }],
  },
  {
    slug: 'test-drive-click-to-call',
    name: 'Click-to-call on the test-drive page',
    description:
      'Visitors of the electric-car test-drive page can ask to be called back within five minutes to book a test drive.',
    channelType: 'click_to_call',
    purposes: ['revenue'],
    targetContactTypes: 'Test-drive bookings and lease questions',
    scope: 'Visitors of the test-drive page during opening hours',
    controlScope: 'Half of the visitors, who see the booking form only (A/B split)',
    ownerName: 'Lotte Visser',
    ownerDepartment: 'Sales',
    operationsLead: 'Kees van Dijk',
    serviceStrategy: 'standard',
    affected: ['phone', 'web-form'],
    path: [
      { stage: 'idea', daysAgo: 400 },
      { stage: 'proof_of_concept', daysAgo: 335 },
      { stage: 'incubation', daysAgo: 200 },
    ],
    nextReviewInDays: 25,
  },
  {
    slug: 'meter-reading-portal',
    name: 'Self-service meter readings',
    description:
      'Customers submit meter readings and see their usage in the self-service portal instead of by phone or form.',
    channelType: 'self_service',
    purposes: ['operational_relief'],
    targetContactTypes: 'Meter readings and usage questions',
    scope: 'All residential customers',
    ownerName: 'Ahmed Yilmaz',
    ownerDepartment: 'Operations',
    itContact: 'Ricardo Pereira',
    financeController: 'Thomas de Groot',
    serviceStrategy: 'cost_focused',
    affected: ['phone', 'web-form'],
    path: [
      { stage: 'idea', daysAgo: 800 },
      { stage: 'proof_of_concept', daysAgo: 735 },
      { stage: 'incubation', daysAgo: 640 },
      { stage: 'scale_up_review', daysAgo: 420 },
      {
        stage: 'scaled',
        daysAgo: 400,
        reason: 'Board decision: advance',
        lesson:
          'An e-mail a week before the reading was due moved more readings to the portal than any banner; the reminder, not the portal, did the work.',
      },
    ],
    nextReviewInDays: 180,
  },
  {
    slug: 'instagram-care',
    name: 'Customer care on Instagram',
    description: 'Answering service questions in Instagram direct messages.',
    channelType: 'social',
    purposes: ['marketing'],
    targetContactTypes: 'General service questions from younger customers',
    scope: 'Followers of the brand account',
    ownerName: 'Noor Hendriks',
    ownerDepartment: 'Marketing',
    serviceStrategy: 'standard',
    affected: ['social', 'chat'],
    path: [
      { stage: 'idea', daysAgo: 600 },
      { stage: 'proof_of_concept', daysAgo: 560 },
      {
        stage: 'stopped',
        daysAgo: 400,
        reason: 'Low volume and most conversations moved to phone for identification',
      },
    ],
    lessonsLearned:
      'Service questions need identification, which Instagram cannot offer; customers were sent to the phone anyway. Keep social for reach, not for service.',
  },
  {
    slug: 'concierge-chatbot',
    name: 'Concierge chatbot for premium subscribers',
    description: 'A chatbot that handles premium subscribers’ service requests around the clock.',
    channelType: 'chatbot',
    purposes: ['operational_relief'],
    targetContactTypes: 'Service requests from premium subscribers',
    scope: 'Premium subscribers in the app',
    ownerName: 'Pieter Jansen',
    ownerDepartment: 'Sales',
    serviceStrategy: 'platinum',
    affected: ['phone'],
    path: [{ stage: 'idea', daysAgo: 10 }],
  },
];
