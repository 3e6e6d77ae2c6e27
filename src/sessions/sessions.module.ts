import { Module } from '@nestjs/common';
import { DatabaseSessionStore } from './database-session.store';

@Module({ providers: [DatabaseSessionStore], exports: [DatabaseSessionStore] })
export class SessionsModule {}
