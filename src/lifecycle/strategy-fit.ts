import type { ChannelType, ServiceStrategy } from '../pilots/pilot-fields';

export interface StrategyFit {
  conflict: boolean;
  explanation: string;
}

// Channels that undercut a strategy: automated or text-only channels in a platinum service
// strategy, and costly one-to-one live channels in a cost-focused one.
const CONFLICTS: Record<ServiceStrategy, Partial<Record<ChannelType, string>>> = {
  platinum: {
    chatbot: 'a chatbot replaces the personal contact that platinum customers are promised',
    voicebot: 'a voicebot replaces the personal contact that platinum customers are promised',
    messaging:
      'asynchronous messaging is slower than the personal service platinum customers are promised',
    self_service:
      'self-service shifts effort to customers whom the strategy promises a personal service',
  },
  standard: {},
  cost_focused: {
    video:
      'video calls are among the most expensive contacts, at odds with a cost-focused strategy',
    click_to_call: 'call-me-now adds live, scheduled calls, at odds with a cost-focused strategy',
  },
};

export function strategyFit(strategy: ServiceStrategy, channelType: ChannelType): StrategyFit {
  const why = CONFLICTS[strategy]?.[channelType];
  return why
    ? { conflict: true, explanation: `Conflict: ${why}. The board must accept it explicitly.` }
    : { conflict: false, explanation: 'No conflict between the channel and the service strategy.' };
}
