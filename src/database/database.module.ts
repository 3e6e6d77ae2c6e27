import { Global, Module } from '@nestjs/common';
import { Writer } from './writer.service';

@Global()
@Module({ providers: [Writer], exports: [Writer] })
export class DatabaseModule {}
