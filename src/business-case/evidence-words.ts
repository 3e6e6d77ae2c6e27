import { t } from '../i18n/translate';
import type { RealisedEvidence } from './business-case.types';

// What a total of realised savings rests on, in the words every page, export and the CLI use.
// Pure: the engine's counts in, a sentence out (business-case.md: every total states it).

const months = (n: number) => t('evidence.months', { count: n });

/** "measured against the baseline (12 months)"; for a mix, what the ± covers and what it leaves. */
export function restsOn(evidence: RealisedEvidence | null | undefined): string {
  if (!evidence) return '';
  const { rests, measured, weak, unverified } = evidence;
  switch (rests) {
    case 'none':
      return '';
    case 'measured':
      return t('evidence.measured', { months: months(measured) });
    case 'weak':
      return t('evidence.weak', { months: months(weak) });
    case 'unverified':
      return t('evidence.unverified', { months: months(unverified) });
    case 'mixed': {
      const rest = [
        weak ? t('evidence.weakPart', { months: months(weak) }) : '',
        unverified ? t('evidence.unverifiedPart', { months: months(unverified) }) : '',
      ].filter(Boolean);
      return measured
        ? t('evidence.mixedCovered', { months: months(measured), rest: rest.join(', ') })
        : t('evidence.mixedNone', { rest: rest.join(', ') });
    }
  }
}
