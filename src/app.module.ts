import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConditionalGetInterceptor } from './web/conditional-get';
import { HeavyRequestsInterceptor } from './web/heavy-requests';
import { AccountsModule } from './accounts/accounts.module';
import { ApiModule } from './api/api.module';
import { AuditModule } from './audit/audit.module';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { BusinessCaseModule } from './business-case/business-case.module';
import { ChannelsModule } from './channels/channels.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { DatabaseModule } from './database/database.module';
import { dataSourceOptions } from './data-source-options';
import { DecisionsModule } from './decisions/decisions.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { LedgerModule } from './ledger/ledger.module';
import { LessonsModule } from './lessons/lessons.module';
import { RemindersModule } from './reminders/reminders.module';
import { PilotCopyModule } from './pilot-copy/pilot-copy.module';
import { MeetingsModule } from './meetings/meetings.module';
import { EvidenceModule } from './evidence/evidence.module';
import { FinanceModule } from './finance/finance.module';
import { PilotsModule } from './pilots/pilots.module';
import { PilotPageModule } from './pilot-page/pilot-page.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { ReadinessModule } from './readiness/readiness.module';
import { ResultsModule } from './results/results.module';
import { SessionsModule } from './sessions/sessions.module';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.database)),
        DatabaseModule,
        AuditModule,
        AuditTrailModule,
        AccountsModule,
        SessionsModule,
        ChannelsModule,
        PilotsModule,
        BusinessCaseModule,
        ResultsModule,
        FinanceModule,
        ApiModule,
        ReadinessModule,
        LifecycleModule,
        HistoryModule,
        LedgerModule,
        LessonsModule,
        PilotCopyModule,
        MeetingsModule,
        EvidenceModule,
        DecisionsModule,
        PilotPageModule,
        DashboardsModule,
        DemoModule,
        // After the demo: its start-up pass reminds of the demo data just seeded.
        RemindersModule,
        HealthModule,
      ],
      providers: [
        // First the conditional GET: a 304 takes no heavy-request slot.
        { provide: APP_INTERCEPTOR, useClass: ConditionalGetInterceptor },
        { provide: APP_INTERCEPTOR, useClass: HeavyRequestsInterceptor },
      ],
    };
  }
}
