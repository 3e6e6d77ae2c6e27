import type { EntityManager } from 'typeorm';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotPlan } from './pilot-plan.entity';
import { missingPlanItems } from './plan-rules';
import { PlanChannelShare } from './plan-channel-share.entity';

/** A pilot's plan and shares, with the plan items still missing; read inside any transaction. */
export async function loadPlanFacts(em: EntityManager, pilot: Pilot) {
  const [plan, shares] = await Promise.all([
    em.findOneBy(PilotPlan, { pilotId: pilot.id }),
    em.findBy(PlanChannelShare, { pilotId: pilot.id }),
  ]);
  const missing = missingPlanItems(
    plan,
    pilot.startMonth,
    pilot.affectedChannels.map((c) => c.id),
    shares,
  );
  return { plan, shares, missing };
}
