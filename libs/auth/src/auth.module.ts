import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { randomUUID } from 'node:crypto';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { BearerGuard, OfficerGuard, StaffGuard } from './guards';
import { jwtStrategyNamed } from './jwt.strategy';
import { SESSION_LIVENESS, type SessionLiveness } from './principal';

@Module({})
export class AuthModule {
  /** `liveness` is how this service learns whether a session still stands (local or over Kafka). */
  static forService(
    options: AuthOptions,
    liveness: Type<SessionLiveness>,
    livenessModule: NonNullable<ModuleMetadata['imports']>[number],
  ): DynamicModule {
    const strategy = `lers-bearer-${randomUUID()}`;
    // Exported, so every BearerGuard in this application finds its default strategy: this one.
    const passport = PassportModule.register({ session: false, defaultStrategy: strategy });
    return {
      module: AuthModule,
      global: true,
      imports: [passport, livenessModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: SESSION_LIVENESS, useExisting: liveness },
        jwtStrategyNamed(strategy),
        BearerGuard,
        StaffGuard,
        OfficerGuard,
      ],
      exports: [passport, BearerGuard, StaffGuard, OfficerGuard],
    };
  }
}
