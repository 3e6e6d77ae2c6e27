import type { ItemStatus } from './readiness-fields';
import type { PilotReadiness } from './pilot-readiness.entity';
import type { ReadinessItem } from './readiness-item.entity';

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

export interface ChecklistRow {
  item: ReadinessItem;
  status: ItemStatus;
  evidence: string | null;
  changedBy: string | null;
  changedAt: Date | null;
  version: number;
}

/** A pilot's checklist from the template and its states. */
export function checklistOf(
  items: ReadinessItem[],
  states: PilotReadiness[],
): { rows: ChecklistRow[]; readiness: Readiness } {
  // Inactive template items stay on the checklists that already have a status for them.
  const rows = items
    .filter((item) => item.active || states.some((s) => s.itemId === item.id))
    .map((item) => {
      const state = states.find((s) => s.itemId === item.id);
      return {
        item,
        status: state?.status ?? 'not_started',
        evidence: state?.evidence ?? null,
        changedBy: state?.changedBy ?? null,
        changedAt: state?.changedAt ?? null,
        version: state?.version ?? 0,
      };
    });
  return {
    rows,
    readiness: readinessOf(
      rows.map((r) => ({ title: r.item.title, critical: r.item.critical, status: r.status })),
    ),
  };
}
