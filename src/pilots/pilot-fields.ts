import { translatedLabels } from '../i18n/labels';
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

export const STAGE_LABELS = translatedLabels('stage', STAGES);

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

export const CHANNEL_TYPE_LABELS = translatedLabels('channelType', CHANNEL_TYPES);

export const PURPOSES = ['marketing', 'revenue', 'operational_relief'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PURPOSE_LABELS = translatedLabels('purpose', PURPOSES);

export const SERVICE_STRATEGIES = ['platinum', 'standard', 'cost_focused'] as const;
export type ServiceStrategy = (typeof SERVICE_STRATEGIES)[number];

export const SERVICE_STRATEGY_LABELS = translatedLabels('strategy', SERVICE_STRATEGIES);

export function options<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  return keys.map((value) => ({ value, label: labels[value] }));
}
