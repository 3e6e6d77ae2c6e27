import { AuditEntry } from '../audit/audit-entry.entity';
import { Channel } from '../channels/channel.entity';
import { PilotStageChange } from '../pilots/pilot-stage-change.entity';
import { Pilot } from '../pilots/pilot.entity';
import { SessionRecord } from '../sessions/session-record.entity';

export const entities = [Channel, Pilot, PilotStageChange, AuditEntry, SessionRecord];
