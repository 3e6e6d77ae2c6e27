import { addMonths, Month } from '../common/months';

// Business cases for the demo portfolio, generated (deterministically) around today so the
// demo always shows: a proven pilot, one whose savings leak into other channels, one still too
// noisy to tell, a revenue-driven one and a scaled one. 36 months of pre-period history each.

export interface DemoChannelCase {
  key: string;
  /** The plan's deflection share s_c. */
  share: number;
  /** Monthly volume in the pilot's scope before the pilot, its drift per month and noise (sd). */
  base: number;
  trend: number;
  noise: number;
  /** Volume of the control scope = volume / ratio, when the pilot keeps a control group. */
  controlRatio?: number;
  /** The result month (0 = the start month) whose control volume the owner forgot to log. */
  controlForgottenIn?: number;
  /** What really happens: the share of new-channel contacts that left this channel. */
  realisedShare: number;
  /** Follow-ups in this channel per new-channel contact. */
  followUpRate: number;
  /** Contact mix before the pilot, and which kind the displaced contacts come from (shares). */
  mix?: { before: [number, number, number]; displaced: [number, number, number] };
  /** The pilot's segment of the channel, in words (its scope in the plan). */
  scope: string;
}

export interface DemoBusinessCase {
  slug: string;
  /** Months before the current month at which the proof of concept started serving customers. */
  startMonthsAgo: number;
  contacts: { first: number; growth: number; max: number };
  fixedCostCents: number;
  variableCostCents: number;
  marginPerContactCents: number;
  investmentCents: number;
  coverageBp: number;
  fixedCostAtScaleCents: number;
  minMonthlyVolume: number;
  quality: { csat: number; fcr: number; responseSeconds: number };
  channels: DemoChannelCase[];
}

export const DEMO_BUSINESS_CASES: DemoBusinessCase[] = [
  {
    // Proven: a control group, low noise, strong displacement.
    slug: 'voicebot-outages',
    startMonthsAgo: 21,
    contacts: { first: 6000, growth: 600, max: 12000 },
    fixedCostCents: 1_500_000,
    variableCostCents: 30,
    marginPerContactCents: 0,
    investmentCents: 18_000_000,
    coverageBp: 10000,
    fixedCostAtScaleCents: 1_500_000,
    minMonthlyVolume: 5000,
    quality: { csat: 78, fcr: 71, responseSeconds: 5 },
    channels: [
      {
        key: 'phone',
        share: 0.7,
        base: 42000,
        trend: 20,
        noise: 500,
        controlRatio: 1.05,
        realisedShare: 0.62,
        scope: 'calls about outages from the postcodes affected',
        followUpRate: 0.08,
      },
    ],
  },
  {
    // Leaky: the claim says 60 % + 20 %, but most customers call or e-mail anyway.
    slug: 'whatsapp-movers',
    startMonthsAgo: 12,
    contacts: { first: 1500, growth: 150, max: 3200 },
    fixedCostCents: 900_000,
    variableCostCents: 120,
    marginPerContactCents: 0,
    investmentCents: 6_000_000,
    coverageBp: 2500,
    fixedCostAtScaleCents: 2_400_000,
    minMonthlyVolume: 1000,
    quality: { csat: 84, fcr: 62, responseSeconds: 240 },
    channels: [
      {
        key: 'phone',
        share: 0.6,
        base: 9800,
        trend: 8,
        noise: 220,
        realisedShare: 0.14,
        scope: 'calls from customers who are moving house',
        followUpRate: 0.31,
        mix: { before: [0.3, 0.45, 0.25], displaced: [0.1, 0.6, 0.3] },
      },
      {
        key: 'email',
        share: 0.2,
        base: 3100,
        trend: -2,
        noise: 90,
        realisedShare: 0.02,
        scope: 'e-mails from customers who are moving house',
        followUpRate: 0.09,
      },
    ],
  },
  {
    // Too noisy to tell: a small pilot in volatile channels, three months into incubation.
    slug: 'billing-chatbot',
    startMonthsAgo: 8,
    contacts: { first: 700, growth: 60, max: 1100 },
    fixedCostCents: 250_000,
    variableCostCents: 5,
    marginPerContactCents: 0,
    investmentCents: 4_000_000,
    coverageBp: 4000,
    fixedCostAtScaleCents: 600_000,
    minMonthlyVolume: 800,
    quality: { csat: 69, fcr: 55, responseSeconds: 2 },
    channels: [
      {
        key: 'phone',
        share: 0.35,
        base: 6400,
        trend: 0,
        noise: 520,
        realisedShare: 0.3,
        scope: 'calls with billing questions from the website',
        followUpRate: 0.12,
      },
      {
        key: 'email',
        share: 0.1,
        base: 1900,
        trend: 0,
        noise: 210,
        realisedShare: 0.06,
        scope: 'e-mails with billing questions',
        followUpRate: 0.05,
      },
      {
        key: 'chat',
        share: 0.25,
        base: 2600,
        trend: 15,
        noise: 260,
        realisedShare: 0.2,
        scope: 'billing chats on the website',
        followUpRate: 0.04,
      },
    ],
  },
  {
    // Revenue-driven: little relief, but test drives booked by call-back earn a margin.
    slug: 'test-drive-click-to-call',
    startMonthsAgo: 11,
    contacts: { first: 900, growth: 80, max: 1800 },
    fixedCostCents: 700_000,
    variableCostCents: 350,
    marginPerContactCents: 1_600,
    investmentCents: 3_500_000,
    coverageBp: 3000,
    fixedCostAtScaleCents: 1_500_000,
    minMonthlyVolume: 800,
    quality: { csat: 88, fcr: 80, responseSeconds: 180 },
    channels: [
      {
        key: 'phone',
        share: 0.1,
        base: 2300,
        trend: 3,
        noise: 60,
        controlRatio: 1,
        realisedShare: 0.08,
        scope: 'calls from the test-drive page',
        followUpRate: 0.02,
        // The call-back takes over sales calls: the desired conversations leave the phone line.
        mix: { before: [0.5, 0.35, 0.15], displaced: [0.8, 0.15, 0.05] },
      },
      {
        key: 'web-form',
        share: 0.3,
        base: 1500,
        trend: 1,
        noise: 45,
        controlRatio: 1,
        // One month without it: that month alone falls back to the next method, marked.
        controlForgottenIn: 2,
        realisedShare: 0.25,
        scope: 'test-drive request forms',
        followUpRate: 0.01,
      },
    ],
  },
  {
    // Scaled two years ago on a business case that held.
    slug: 'meter-reading-portal',
    startMonthsAgo: 24,
    contacts: { first: 20000, growth: 1500, max: 48000 },
    fixedCostCents: 2_000_000,
    variableCostCents: 2,
    marginPerContactCents: 0,
    investmentCents: 25_000_000,
    coverageBp: 10000,
    fixedCostAtScaleCents: 2_000_000,
    minMonthlyVolume: 15000,
    quality: { csat: 81, fcr: 90, responseSeconds: 1 },
    channels: [
      {
        key: 'phone',
        share: 0.3,
        base: 60000,
        trend: -15,
        noise: 700,
        realisedShare: 0.22,
        scope: 'calls about meter readings and annual bills, outages included',
        followUpRate: 0.03,
      },
      {
        key: 'web-form',
        share: 0.5,
        base: 30000,
        trend: 0,
        noise: 400,
        realisedShare: 0.45,
        scope: 'meter-reading forms',
        followUpRate: 0.01,
      },
    ],
  },
];

export const DEMO_COST_RATES: Array<{ key: string; cents: number; raiseCents?: number }> = [
  { key: 'phone', cents: 650, raiseCents: 700 },
  { key: 'email', cents: 350 },
  { key: 'chat', cents: 480 },
  { key: 'web-form', cents: 220 },
  { key: 'social', cents: 500 },
  { key: 'shop', cents: 1200 },
];

/** A small deterministic generator, so the demo looks the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

export interface GeneratedMonth {
  month: Month;
  contacts: number | null;
  fixedCostCents: number | null;
  marginCents: number | null;
  resolved: number | null;
  csat: number | null;
  fcr: number | null;
  responseSeconds: number | null;
  channels: Array<{
    key: string;
    volume: number;
    controlVolume: number | null;
    followUps: number | null;
    /** Desired, undesired and unnecessary contacts, where the demo logs the mix. */
    mix: [number, number, number] | null;
  }>;
}

/** 36 months of history before the start month, then results up to last month. */
export function generateMonths(
  demo: DemoBusinessCase,
  currentMonth: Month,
  seed: number,
): GeneratedMonth[] {
  const next = random(seed);
  const start = addMonths(currentMonth, -demo.startMonthsAgo);
  const months: GeneratedMonth[] = [];
  for (let i = -36; i < demo.startMonthsAgo; i += 1) {
    const month = addMonths(start, i);
    const t = i + 36;
    const result = i >= 0;
    const contacts = result
      ? Math.min(demo.contacts.max, demo.contacts.first + demo.contacts.growth * i)
      : null;
    months.push({
      month,
      contacts,
      fixedCostCents: result ? demo.fixedCostCents : null,
      marginCents: result ? (contacts as number) * demo.marginPerContactCents : null,
      resolved: result ? Math.round((contacts as number) * (demo.quality.fcr / 100)) : null,
      csat: result ? Math.round(demo.quality.csat + 2 * normal(next)) : null,
      fcr: result ? demo.quality.fcr : null,
      responseSeconds: result ? demo.quality.responseSeconds : null,
      channels: demo.channels.map((c) => {
        const level = c.base + c.trend * t;
        const displaced = result ? c.realisedShare * (contacts as number) : 0;
        const volume = Math.max(0, Math.round(level + c.noise * normal(next) - displaced));
        // Drawn whenever there is a control group, so the other figures stay as they were.
        const controlNoise = c.controlRatio ? normal(next) : 0;
        const controlVolume =
          c.controlRatio && i !== c.controlForgottenIn
            ? Math.round((level + (c.noise / 4) * controlNoise) / c.controlRatio)
            : null;
        // Each kind keeps its pre-period share of what the channel would have had, less its part of the displaced.
        const mix = c.mix
          ? ([0, 1, 2].map((k) =>
              Math.max(
                0,
                Math.round(
                  c.mix!.before[k] * (volume + displaced) - c.mix!.displaced[k] * displaced,
                ),
              ),
            ) as [number, number, number])
          : null;
        return {
          key: c.key,
          volume,
          controlVolume,
          followUps: result ? Math.round(c.followUpRate * (contacts as number)) : null,
          mix,
        };
      }),
    });
  }
  return months;
}

/**
 * Readiness per demo pilot, one letter per standard item in template order:
 * D done, P in progress, N not started, X not applicable. With the IT commitment.
 */
export const DEMO_READINESS: Array<{
  slug: string;
  items: string;
  it: {
    level: 'none' | 'vendor_standalone' | 'assessed' | 'committed' | 'integrated';
    owner?: string;
    budgetCents?: number;
    slot?: string;
    targetInDays?: number;
  };
}> = [
  // In review, but routing (critical) is not done and readiness is 70 %: the review fails.
  {
    slug: 'voicebot-outages',
    items: 'DDDDDPDDNDX',
    it: {
      level: 'committed',
      owner: 'Ricardo Pereira',
      budgetCents: 12_000_000,
      slot: 'Q1 release train',
      targetInDays: 90,
    },
  },
  // Seven months in incubation on the vendor's tool.
  { slug: 'whatsapp-movers', items: 'DPDPNDPNNPN', it: { level: 'vendor_standalone' } },
  { slug: 'billing-chatbot', items: 'DDPDNPNDXNN', it: { level: 'assessed', owner: 'Bas Mulder' } },
  // Ready for the scale-up review: every critical item done, IT committed.
  {
    slug: 'test-drive-click-to-call',
    items: 'DDDDXDDDDDD',
    it: {
      level: 'committed',
      owner: 'Bas Mulder',
      budgetCents: 4_500_000,
      slot: 'Q2 release train',
      targetInDays: 150,
    },
  },
  {
    slug: 'meter-reading-portal',
    items: 'DDDDDDDDDDD',
    it: {
      level: 'integrated',
      owner: 'Ricardo Pereira',
      budgetCents: 30_000_000,
      slot: 'Released',
      targetInDays: -400,
    },
  },
  { slug: 'premium-video', items: 'DPNNNNNNNNN', it: { level: 'none' } },
  { slug: 'instagram-care', items: 'DPNPNNNNNNN', it: { level: 'vendor_standalone' } },
];

/**
 * The organisation's own monthly totals of the channels the demo pilots relieve, so the channel
 * ledger has something to show: the channel's volume outside every pilot's segment, plus each
 * pilot's segment as it would be without the pilot, less what the organisation really saw go.
 * On phone the outage voicebot's and the meter-reading portal's segments overlap (outage calls
 * are also calls about bills: `overlap` calls counted in both), and the organisation sees only
 * `seen` of the relief the pilots measure: the attribution gap the ledger flags.
 */
export const DEMO_CHANNEL_TOTALS: Array<{
  key: string;
  /** Contacts outside every pilot's segment, and their noise (sd). */
  rest: number;
  noise: number;
  /** Contacts counted in two pilots' segments. */
  overlap: number;
  /** The part of the pilots' summed relief the organisation's total shows. */
  seen: number;
  /** Desired, undesired and unnecessary shares of the channel, where the demo logs the mix. */
  mix?: [number, number, number];
}> = [
  { key: 'phone', rest: 20000, noise: 700, overlap: 55000, seen: 0.6, mix: [0.55, 0.3, 0.15] },
  { key: 'email', rest: 12000, noise: 300, overlap: 0, seen: 0.9 },
  { key: 'chat', rest: 9000, noise: 250, overlap: 0, seen: 0.9 },
];

/** Months of totals before the earliest demo pilot's pre-period ends: three years. */
const TOTALS_HISTORY = 36;

export interface GeneratedTotal {
  key: string;
  month: Month;
  volume: number;
  mix: [number, number, number] | null;
}

/** The organisation's totals from three years before the first demo pilot to last month. */
export function generateChannelTotals(currentMonth: Month, seed = 77): GeneratedTotal[] {
  const next = random(seed);
  const first = Math.max(...DEMO_BUSINESS_CASES.map((d) => d.startMonthsAgo)) + TOTALS_HISTORY;
  const totals: GeneratedTotal[] = [];
  for (const channel of DEMO_CHANNEL_TOTALS) {
    for (let back = first; back >= 1; back -= 1) {
      const month = addMonths(currentMonth, -back);
      let level = channel.rest - channel.overlap;
      let displaced = 0;
      for (const demo of DEMO_BUSINESS_CASES)
        for (const c of demo.channels.filter((x) => x.key === channel.key)) {
          // The same month index as generateMonths: 36 months of history before the start.
          const i = demo.startMonthsAgo - back;
          level += c.base + c.trend * (i + 36);
          if (i >= 0)
            displaced +=
              c.realisedShare *
              Math.min(demo.contacts.max, demo.contacts.first + demo.contacts.growth * i);
        }
      const volume = Math.max(
        0,
        Math.round(level + channel.noise * normal(next) - channel.seen * displaced),
      );
      const mix = channel.mix
        ? (channel.mix.map((share) => Math.round(share * volume)) as [number, number, number])
        : null;
      totals.push({ key: channel.key, month, volume, mix });
    }
  }
  return totals;
}
