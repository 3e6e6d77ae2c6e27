import { Module } from '@nestjs/common';
import { AuditTrailController } from './audit-trail.controller';

/** The organisation-wide audit trail page (admins); the entries are written by AuditService. */
@Module({ controllers: [AuditTrailController] })
export class AuditTrailModule {}
