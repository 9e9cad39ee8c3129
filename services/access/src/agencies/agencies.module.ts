import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { GOVERNMENT_DOMAIN_MODEL, GovernmentDomainSchema } from './government-domain.schema';
import { GovernmentDomains } from './government-domains';
import { GovernmentDomainsController } from './government-domains.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: GOVERNMENT_DOMAIN_MODEL, schema: GovernmentDomainSchema }])],
  controllers: [GovernmentDomainsController],
  providers: [GovernmentDomains],
  exports: [GovernmentDomains],
})
export class AgenciesModule {}
