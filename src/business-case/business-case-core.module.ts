import { Module } from '@nestjs/common';
import { BusinessCaseService } from './business-case.service';

/** The engine's service alone (it needs only the database), so the gates can use it too. */
@Module({ providers: [BusinessCaseService], exports: [BusinessCaseService] })
export class BusinessCaseCoreModule {}
