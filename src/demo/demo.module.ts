import { Global, Module } from '@nestjs/common';
import { SIGN_IN_DEMO_ACCOUNTS } from '../accounts/sign-in.presenter';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DemoSeeder } from './demo-seeder.service';

/** The demo data's seeder, and its accounts for the sign-in page's list (global, so the
 * accounts module needs no import of the demo). */
@Global()
@Module({
  imports: [PilotsModule, LifecycleModule],
  providers: [DemoSeeder, { provide: SIGN_IN_DEMO_ACCOUNTS, useValue: DEMO_ACCOUNTS }],
  exports: [DemoSeeder, SIGN_IN_DEMO_ACCOUNTS],
})
export class DemoModule {}
