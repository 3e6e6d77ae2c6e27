import { daysBetween } from '../common/dates';
import { Stage, STAGES } from './pilot-fields';

export interface PortfolioRow {
  stage: Stage;
  stageEnteredOn: string;
}

export interface StageGroup<T> {
  stage: Stage;
  pilots: Array<T & { daysInStage: number }>;
}

/** Pilots grouped by stage in lifecycle order, each with its days in the current stage. */
export function groupByStage<T extends PortfolioRow>(pilots: T[], today: string): StageGroup<T>[] {
  return STAGES.map((stage) => ({
    stage,
    pilots: pilots
      .filter((pilot) => pilot.stage === stage)
      .map((pilot) => ({
        ...pilot,
        daysInStage: Math.max(0, daysBetween(pilot.stageEnteredOn, today)),
      })),
  }));
}

/** A URL-safe name from a pilot's name: "WhatsApp for movers!" → "whatsapp-for-movers". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}
