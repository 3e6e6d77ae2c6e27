import { Global, Module } from '@nestjs/common';
import { WalCheckpointer } from './wal-checkpointer';
import { VersionedMemo } from './versioned-memo';
import { Writer } from './writer.service';

@Global()
@Module({ providers: [Writer, WalCheckpointer, VersionedMemo], exports: [Writer, VersionedMemo] })
export class DatabaseModule {}
