import { AccessSessionLiveness, AccessSessionLivenessModule } from '@lers/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@lers/audit';
import { AuthModule } from '@lers/auth';
import { BUCKETS } from '@lers/contracts';
import { dataServiceInfrastructure } from '@lers/http';
import { RequestsFeatureModule } from './requests/requests-feature.module';
import { INFORMATION_REQUEST_MODEL } from './requests/storage/information-request.schema';
import { RequestsEnv } from './requests.config';

@Module({})
export class RequestsModule {
  static forRoot(config: RequestsEnv): DynamicModule {
    return {
      module: RequestsModule,
      imports: [
        ...dataServiceInfrastructure({
          service: 'requests',
          schema: RequestsEnv,
          config,
          outboxModels: [INFORMATION_REQUEST_MODEL],
          buckets: [BUCKETS.requestDocuments, BUCKETS.disclosures],
          commandClient: true,
        }),
        AuthModule.forService(
          { publicKey: config.JWT_PUBLIC_KEY },
          AccessSessionLiveness,
          AccessSessionLivenessModule,
        ),
        AuditModule.forService({ service: 'requests', auditedModels: [INFORMATION_REQUEST_MODEL] }),
        RequestsFeatureModule,
      ],
    };
  }
}
