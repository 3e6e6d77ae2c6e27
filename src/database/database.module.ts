import { Global, Module } from '@nestjs/common';
import { WalCheckpointer } from './wal-checkpointer';
import { Writer } from './writer.service';

@Global()
@Module({ providers: [Writer, WalCheckpointer], exports: [Writer] })
export class DatabaseModule {}
