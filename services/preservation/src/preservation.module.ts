import { AccessSessionLiveness, AccessSessionLivenessModule } from '@lers/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@lers/audit';
import { AuthModule } from '@lers/auth';
import { BUCKETS } from '@lers/contracts';
import { dataServiceInfrastructure } from '@lers/http';
import { PreservationFeatureModule } from './orders/preservation-feature.module';
import { PRESERVATION_ORDER_MODEL } from './orders/storage/preservation-order.schema';
import { PreservationEnv } from './preservation.config';

@Module({})
export class PreservationModule {
  static forRoot(config: PreservationEnv): DynamicModule {
    return {
      module: PreservationModule,
      imports: [
        ...dataServiceInfrastructure({
          service: 'preservation',
          schema: PreservationEnv,
          config,
          outboxModels: [PRESERVATION_ORDER_MODEL],
          buckets: [BUCKETS.preservationDocuments],
          commandClient: true,
        }),
        AuthModule.forService(
          { publicKey: config.JWT_PUBLIC_KEY },
          AccessSessionLiveness,
          AccessSessionLivenessModule,
        ),
        AuditModule.forService({ service: 'preservation', auditedModels: [PRESERVATION_ORDER_MODEL] }),
        PreservationFeatureModule,
      ],
    };
  }
}
