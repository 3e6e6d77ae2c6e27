import { t } from '../i18n/translate';
import type { ChannelType, ServiceStrategy } from '../pilots/pilot-fields';

export interface StrategyFit {
  conflict: boolean;
  explanation: string;
}

// Channels that undercut a strategy: automated or text-only channels in a platinum service
// strategy, and costly one-to-one live channels in a cost-focused one (why: fit.<strategy>.<type>).
const CONFLICTS: Record<ServiceStrategy, readonly ChannelType[]> = {
  platinum: ['chatbot', 'voicebot', 'messaging', 'self_service'],
  standard: [],
  cost_focused: ['video', 'click_to_call'],
};

export function strategyFit(strategy: ServiceStrategy, channelType: ChannelType): StrategyFit {
  return CONFLICTS[strategy]?.includes(channelType)
    ? {
        conflict: true,
        explanation: t('fit.conflict', { why: t(`fit.${strategy}.${channelType}`) }),
      }
    : { conflict: false, explanation: t('fit.none') };
}
