import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditAppender } from './audit-appender';
import { AuditContextInterceptor } from './audit-context.interceptor';
import { AuditController } from './audit.controller';
import { AUDIT_ENTRY_MODEL, AUDIT_HEAD_MODEL, AuditEntrySchema, AuditHeadSchema } from './audit-entry.schema';
import { AuditLog } from './audit-log';
import { AUDIT_OPTIONS, type AuditOptions } from './audit-options';
import { AuditTrail } from './audit-trail';

/** A service's audit trail: its chain, the appender of queued intents, and `/internal/audit`. */
@Module({})
export class AuditModule {
  static forService(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      imports: [
        MongooseModule.forFeature([
          { name: AUDIT_ENTRY_MODEL, schema: AuditEntrySchema },
          { name: AUDIT_HEAD_MODEL, schema: AuditHeadSchema },
        ]),
      ],
      controllers: [AuditController],
      providers: [
        { provide: AUDIT_OPTIONS, useValue: options },
        AuditLog,
        AuditAppender,
        AuditTrail,
        { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor },
      ],
      exports: [AuditTrail, AuditLog, AuditAppender],
    };
  }
}
