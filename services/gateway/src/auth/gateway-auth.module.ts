import { Module } from '@nestjs/common';
import { GatewaySessionLiveness } from './gateway-session-liveness';

@Module({ providers: [GatewaySessionLiveness], exports: [GatewaySessionLiveness] })
export class GatewaySessionModule {}
