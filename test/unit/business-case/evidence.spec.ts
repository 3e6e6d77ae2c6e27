import { computeBusinessCase } from '../../../src/business-case/business-case.math';
import { restsOn } from '../../../src/business-case/evidence-words';
import { combinedEvidence, evidenceOf } from '../../../src/business-case/realised.math';
import { actual, channel, workedExample } from './fixtures';

// Every total of realised savings states what it rests on (business-case.md): measured against
// the baseline, weak evidence or unverified, with the count of such months; the ± covers only
// the measured part.

describe('what a total of realised savings rests on', () => {
  it.each([
    [['baseline', 'baseline'], 'measured', 'measured against the baseline (2 months)'],
    [['weak'], 'weak', 'weak evidence: claimed minus follow-ups, no baseline (1 month); no ±'],
    [
      ['unverified', 'unverified', 'unverified'],
      'unverified',
      'unverified: the claim itself, no baseline or follow-ups (3 months); no ±',
    ],
    [
      ['baseline', 'baseline', 'weak', 'unverified'],
      'mixed',
      'the ± covers the 2 months measured against the baseline; 1 month weak evidence, 1 month unverified not covered',
    ],
    [['weak', 'unverified'], 'mixed', '1 month weak evidence, 1 month unverified; no ±'],
    [[], 'none', ''],
  ] as const)('%j rests on %s', (marks, rests, words) => {
    const evidence = evidenceOf([...marks]);
    expect(evidence.rests).toBe(rests);
    expect(restsOn(evidence)).toBe(words);
  });

  it('adds several pilots’ months together (the finance dashboard’s total)', () => {
    expect(combinedEvidence([evidenceOf(['baseline', 'baseline']), evidenceOf(['weak'])])).toEqual({
      rests: 'mixed',
      measured: 2,
      weak: 1,
      unverified: 0,
    });
  });

  it('the engine’s totals, channels and period carry it', () => {
    const input = workedExample(); // one month, measured against the mean
    input.actuals.push(actual('2026-02', 2000, { phone: 9300, email: 2950 }, { fixedCost: 3000 }));
    // February without history for a third channel: claimed only, unverified.
    input.channels.push({ ...channel('chat', 0.1, 4, []), history: [] });
    input.actuals[1].channels.chat = { volume: 100, followUps: null, control: null };
    input.actuals[0].channels.chat = { volume: 100, followUps: 50, control: null };
    const result = computeBusinessCase(input);
    expect(result.totals.realisedEvidence).toEqual({
      rests: 'mixed',
      measured: 0,
      weak: 1,
      unverified: 1,
    });
    expect(result.channels.map((c) => c.evidence.rests)).toEqual(['measured', 'measured', 'mixed']);
    expect(
      computeBusinessCase(input, { from: '2026-02', to: null }).period.realisedEvidence,
    ).toEqual({
      rests: 'unverified',
      measured: 0,
      weak: 0,
      unverified: 1,
    });
  });
});
