import { plural } from '../common/plural';
import type { RealisedEvidence } from './business-case.types';

// What a total of realised savings rests on, in the words every page, export and the CLI use.
// Pure: the engine's counts in, a sentence out (business-case.md: every total states it).

const months = (n: number) => plural(n, 'month');

/** "measured against the baseline (12 months)"; for a mix, what the ± covers and what it leaves. */
export function restsOn(evidence: RealisedEvidence | null | undefined): string {
  if (!evidence) return '';
  const { rests, measured, weak, unverified } = evidence;
  switch (rests) {
    case 'none':
      return '';
    case 'measured':
      return `measured against the baseline (${months(measured)})`;
    case 'weak':
      return `weak evidence: claimed minus follow-ups, no baseline (${months(weak)}); no ±`;
    case 'unverified':
      return `unverified: the claim itself, no baseline or follow-ups (${months(unverified)}); no ±`;
    case 'mixed': {
      const rest = [
        weak ? `${months(weak)} weak evidence` : '',
        unverified ? `${months(unverified)} unverified` : '',
      ].filter(Boolean);
      return measured
        ? `the ± covers the ${months(measured)} measured against the baseline; ${rest.join(', ')} not covered`
        : `${rest.join(', ')}; no ±`;
    }
  }
}
