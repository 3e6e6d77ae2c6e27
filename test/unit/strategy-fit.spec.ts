import { strategyFit } from '../../src/lifecycle/strategy-fit';
import type { ChannelType, ServiceStrategy } from '../../src/pilots/pilot-fields';

describe('strategyFit', () => {
  it.each<[ServiceStrategy, ChannelType, boolean]>([
    // The classic mistake (README of the product): bots and messaging in a platinum strategy.
    ['platinum', 'chatbot', true],
    ['platinum', 'voicebot', true],
    ['platinum', 'messaging', true],
    ['platinum', 'self_service', true],
    ['platinum', 'video', false],
    ['standard', 'chatbot', false],
    ['standard', 'video', false],
    ['cost_focused', 'video', true],
    ['cost_focused', 'click_to_call', true],
    ['cost_focused', 'chatbot', false],
  ])('%s with %s: conflict %s', (strategy, channel, conflict) => {
    const fit = strategyFit(strategy, channel);
    expect(fit.conflict).toBe(conflict);
    expect(fit.explanation).toMatch(conflict ? /must accept it explicitly/ : /No conflict/);
  });
});
