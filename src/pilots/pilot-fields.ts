// The vocabulary of a pilot (lifecycle.md), with the labels the pages show.

export const STAGES = [
  'idea',
  'proof_of_concept',
  'incubation',
  'scale_up_review',
  'scaled',
  'stopped',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  idea: 'Idea',
  proof_of_concept: 'Proof of concept',
  incubation: 'Incubation',
  scale_up_review: 'Scale-up review',
  scaled: 'Scaled',
  stopped: 'Stopped',
};

/** From incubation on a pilot must have an owner (lifecycle.md). */
export const OWNER_REQUIRED_FROM: readonly Stage[] = ['incubation', 'scale_up_review', 'scaled'];

export const CHANNEL_TYPES = [
  'chat',
  'chatbot',
  'messaging',
  'voicebot',
  'video',
  'social',
  'in_app',
  'click_to_call',
  'email_webform',
  'self_service',
  'other',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const CHANNEL_TYPE_LABELS: Record<ChannelType, string> = {
  chat: 'Chat',
  chatbot: 'Chatbot',
  messaging: 'Messaging (WhatsApp and the like)',
  voicebot: 'Voicebot',
  video: 'Video',
  social: 'Social media',
  in_app: 'In-app Q&A',
  click_to_call: 'Click-to-call / call-me-now',
  email_webform: 'E-mail or web form',
  self_service: 'Self-service portal',
  other: 'Other',
};

export const PURPOSES = ['marketing', 'revenue', 'operational_relief'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PURPOSE_LABELS: Record<Purpose, string> = {
  marketing: 'Marketing impact',
  revenue: 'Revenue (sales)',
  operational_relief: 'Operational relief',
};

export const SERVICE_STRATEGIES = ['platinum', 'standard', 'cost_focused'] as const;
export type ServiceStrategy = (typeof SERVICE_STRATEGIES)[number];

export const SERVICE_STRATEGY_LABELS: Record<ServiceStrategy, string> = {
  platinum: 'Platinum service',
  standard: 'Standard service',
  cost_focused: 'Cost-focused service',
};

export function options<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  return keys.map((value) => ({ value, label: labels[value] }));
}
