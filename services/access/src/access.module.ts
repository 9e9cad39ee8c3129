import { type DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@lers/audit';
import { AuthModule } from '@lers/auth';
import { BUCKETS } from '@lers/contracts';
import { dataServiceInfrastructure } from '@lers/http';
import { AccessEnv } from './access.config';
import { ACCOUNT_MODEL } from './accounts/account.schema';
import { AccountsModule } from './accounts/accounts.module';
import { ACCESS_APPLICATION_MODEL } from './applications/access-application.schema';
import { ApplicationsModule } from './applications/applications.module';
import { GOVERNMENT_DOMAIN_MODEL } from './agencies/government-domain.schema';
import { SessionStore } from './sessions/session-store';
import { SESSION_MODEL } from './sessions/session.schema';

@Module({})
export class AccessModule {
  static forRoot(config: AccessEnv): DynamicModule {
    return {
      module: AccessModule,
      imports: [
        ...dataServiceInfrastructure({
          service: 'access',
          schema: AccessEnv,
          config,
          outboxModels: [ACCESS_APPLICATION_MODEL, ACCOUNT_MODEL, SESSION_MODEL],
          buckets: [BUCKETS.accessDocuments],
        }),
        // Per replica and per client address (TRUSTED_PROXIES decides which address that is).
        ThrottlerModule.forRoot([
          { name: 'default', ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE },
        ]),
        AuditModule.forService({
          service: 'access',
          auditedModels: [ACCOUNT_MODEL, SESSION_MODEL, ACCESS_APPLICATION_MODEL, GOVERNMENT_DOMAIN_MODEL],
        }),
        AccountsModule,
        AuthModule.forService({ publicKey: config.JWT_PUBLIC_KEY }, SessionStore, AccountsModule),
        ApplicationsModule,
      ],
    };
  }
}
