import { CreateChannel1763856000000 } from './1763856000000-create-channel';
import { SeedStandardChannels1763856000001 } from './1763856000001-seed-standard-channels';
import { CreatePilot1763856000002 } from './1763856000002-create-pilot';
import { CreateAuditEntry1763856000003 } from './1763856000003-create-audit-entry';
import { CreateSession1763856000004 } from './1763856000004-create-session';
import { CreateBusinessCaseTables1763856000005 } from './1763856000005-create-business-case-tables';
import { CreateImportBatch1763856000006 } from './1763856000006-create-import-batch';
import { CreateReadinessItGates1763856000007 } from './1763856000007-create-readiness-it-gates';
import { SeedReadinessAndGateSettings1763856000008 } from './1763856000008-seed-readiness-and-gate-settings';
import { CreateAccounts1763856000009 } from './1763856000009-create-accounts';
import { AddSessionUser1763856000010 } from './1763856000010-add-session-user';
import { CreateApiToken1763856000011 } from './1763856000011-create-api-token';
import { CreateDecisions1763856000012 } from './1763856000012-create-decisions';
import { CreateFinanceSignoff1763856000013 } from './1763856000013-create-finance-signoff';
import { CreateBusinessCaseCache1763856000014 } from './1763856000014-create-business-case-cache';
import { AddBusinessCasePeriodData1763856000015 } from './1763856000015-add-business-case-period-data';
import { TokenExpiryAndSignInLimits1763856000017 } from './1763856000017-token-expiry-and-sign-in-limits';
import { PercentagesInTenths1763856000016 } from './1763856000016-percentages-in-tenths';
import { RecordedStageHistory1763856000018 } from './1763856000018-recorded-stage-history';
import { ChannelLedger1763856000019 } from './1763856000019-channel-ledger';
import { ChannelVolumeIndex1763856000020 } from './1763856000020-channel-volume-index';
import { LedgerBaselinePin1763856000021 } from './1763856000021-ledger-baseline-pin';
import { ApiTokenScope1763856000022 } from './1763856000022-api-token-scope';
import { Lessons1763856000023 } from './1763856000023-lessons';
import { PilotComments1763856000024 } from './1763856000024-pilot-comments';
import { BoardMeetings1763856000025 } from './1763856000025-board-meetings';
import { EvidenceFiles1763856000026 } from './1763856000026-evidence-files';
import { ApiLimits1763856000027 } from './1763856000027-api-limits';
import { Reminders1763856000028 } from './1763856000028-reminders';
import { DataVersion1763856000029 } from './1763856000029-data-version';
import { AccountLanguage1763856000030 } from './1763856000030-account-language';

// Listed explicitly (not globbed) so the app, the CLI and the tests load the same set.
export const migrations = [
  CreateChannel1763856000000,
  SeedStandardChannels1763856000001,
  CreatePilot1763856000002,
  CreateAuditEntry1763856000003,
  CreateSession1763856000004,
  CreateBusinessCaseTables1763856000005,
  CreateImportBatch1763856000006,
  CreateReadinessItGates1763856000007,
  SeedReadinessAndGateSettings1763856000008,
  CreateAccounts1763856000009,
  AddSessionUser1763856000010,
  CreateApiToken1763856000011,
  CreateDecisions1763856000012,
  CreateFinanceSignoff1763856000013,
  CreateBusinessCaseCache1763856000014,
  AddBusinessCasePeriodData1763856000015,
  PercentagesInTenths1763856000016,
  TokenExpiryAndSignInLimits1763856000017,
  RecordedStageHistory1763856000018,
  ChannelLedger1763856000019,
  ChannelVolumeIndex1763856000020,
  LedgerBaselinePin1763856000021,
  ApiTokenScope1763856000022,
  Lessons1763856000023,
  PilotComments1763856000024,
  BoardMeetings1763856000025,
  EvidenceFiles1763856000026,
  ApiLimits1763856000027,
  Reminders1763856000028,
  DataVersion1763856000029,
  AccountLanguage1763856000030,
];
