import { FinanceSignoff } from './business-case/finance-signoff.entity';
import { BusinessCaseCache, BusinessCaseEpoch } from './business-case/business-case-cache.entity';
import { Decision, DecisionCondition } from './lifecycle/decision.entity';
import { Lesson } from './lifecycle/lesson.entity';
import { BoardMeeting, BoardMeetingItem } from './lifecycle/board-meeting.entity';
import { PilotComment } from './comments/pilot-comment.entity';
import { EvidenceFile } from './evidence/evidence-file.entity';
import { ApiToken } from './accounts/api-token.entity';
import { ApiRequestCount, IdempotentRequest } from './api/api-limits.entity';
import { Notification, ReminderPreference } from './reminders/notification.entity';
import { SignInAttempt, User } from './accounts/user.entity';
import { GateSettings } from './lifecycle/gate-settings.entity';
import { ItCommitment, ItIntegration } from './readiness/it-commitment.entity';
import { PilotReadiness } from './readiness/pilot-readiness.entity';
import { ReadinessItem } from './readiness/readiness-item.entity';
import { ImportBatch } from './results/import/import-batch.entity';
import { PilotPlan } from './business-case/pilot-plan.entity';
import { PlanChannelShare } from './business-case/plan-channel-share.entity';
import { CostRate } from './finance/cost-rate.entity';
import { DiscountRate } from './finance/discount-rate.entity';
import { ChannelResult } from './results/channel-result.entity';
import { Investment } from './results/investment.entity';
import { MonthlyResult } from './results/monthly-result.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { Channel } from './channels/channel.entity';
import { ChannelTotal } from './channels/channel-total.entity';
import { PilotStageChange } from './pilots/pilot-stage-change.entity';
import { Pilot } from './pilots/pilot.entity';
import { SessionRecord } from './sessions/session-record.entity';
import { DataVersion } from './database/data-version.entity';

export const entities = [
  Channel,
  ChannelTotal,
  Pilot,
  PilotStageChange,
  AuditEntry,
  SessionRecord,
  DataVersion,
  PilotPlan,
  PlanChannelShare,
  CostRate,
  DiscountRate,
  MonthlyResult,
  ChannelResult,
  Investment,
  ImportBatch,
  ReadinessItem,
  PilotReadiness,
  ItCommitment,
  ItIntegration,
  GateSettings,
  User,
  SignInAttempt,
  ApiToken,
  ApiRequestCount,
  IdempotentRequest,
  Notification,
  ReminderPreference,
  Decision,
  DecisionCondition,
  Lesson,
  BoardMeeting,
  BoardMeetingItem,
  PilotComment,
  EvidenceFile,
  FinanceSignoff,
  BusinessCaseCache,
  BusinessCaseEpoch,
];
