import type { ItemStatus } from './readiness-fields';

export interface ChecklistEntry {
  title: string;
  critical: boolean;
  status: ItemStatus;
}

export interface Readiness {
  done: number;
  applicable: number;
  /** done ÷ applicable, 0–1; null when no item applies. */
  ratio: number | null;
  /** Critical items not done (not applicable counts as settled). */
  openCritical: string[];
}

/** Readiness = done ÷ applicable items (lifecycle.md). */
export function readinessOf(entries: ChecklistEntry[]): Readiness {
  const applicable = entries.filter((e) => e.status !== 'not_applicable');
  const done = applicable.filter((e) => e.status === 'done').length;
  return {
    done,
    applicable: applicable.length,
    ratio: applicable.length ? done / applicable.length : null,
    openCritical: applicable.filter((e) => e.critical && e.status !== 'done').map((e) => e.title),
  };
}
