import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { BearerGuard, OfficerGuard, StaffGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { SESSION_LIVENESS, type SessionLiveness } from './principal';

@Module({})
export class AuthModule {
  /** `liveness` is how this service learns whether a session still stands (local or over Kafka). */
  static forService(
    options: AuthOptions,
    liveness: Type<SessionLiveness>,
    livenessModule: NonNullable<ModuleMetadata['imports']>[number],
  ): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule.register({ session: false }), livenessModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: SESSION_LIVENESS, useExisting: liveness },
        JwtStrategy,
        BearerGuard,
        StaffGuard,
        OfficerGuard,
      ],
      exports: [BearerGuard, StaffGuard, OfficerGuard],
    };
  }
}
