import { Module } from '@nestjs/common';
import { BusinessCaseCoreModule } from '../business-case/business-case-core.module';
import { GatesService } from './gates.service';

@Module({ imports: [BusinessCaseCoreModule], providers: [GatesService], exports: [GatesService] })
export class GatesModule {}
