import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthCommands } from '../auth/auth.commands';
import { StaffAuthController } from '../auth/staff-auth.controller';
import { StaffLocalStrategy } from '../auth/staff-local.strategy';
import { TokenSigner } from '../auth/token-signer';
import { LoginAttempts } from '../auth/login-attempts';
import { LOGIN_ATTEMPT_MODEL, LoginAttemptSchema } from '../auth/login-attempt.schema';
import { LogInUseCase } from '../auth/use-cases/log-in';
import { RefreshSessionUseCase } from '../auth/use-cases/refresh-session';
import { OfficersController } from '../officers/officers.controller';
import { SuspendOfficerUseCase } from '../officers/use-cases/suspend-officer';
import { SessionCommands } from '../sessions/session.commands';
import { SESSION_MODEL, SessionSchema } from '../sessions/session.schema';
import { SessionPruning } from '../sessions/session-pruning';
import { SessionStore } from '../sessions/session-store';
import { BootstrapAdmin } from '../staff/bootstrap-admin';
import { CreateStaffUseCase } from '../staff/use-cases/create-staff';
import { StaffController } from '../staff/staff.controller';
import { ACCOUNT_MODEL, AccountSchema } from './account.schema';
import { TotpSeedCipher } from './totp-seed-cipher';
import { ActivateAccountUseCase } from './use-cases/activate-account';

const models = MongooseModule.forFeature([
  { name: ACCOUNT_MODEL, schema: AccountSchema },
  { name: SESSION_MODEL, schema: SessionSchema },
  { name: LOGIN_ATTEMPT_MODEL, schema: LoginAttemptSchema },
]);

/** Accounts, sessions and sign-in, for officers and staff. */
@Module({
  imports: [models],
  controllers: [AuthCommands, SessionCommands, StaffAuthController, StaffController, OfficersController],
  providers: [
    SessionStore,
    SessionPruning,
    TokenSigner,
    LogInUseCase,
    RefreshSessionUseCase,
    ActivateAccountUseCase,
    CreateStaffUseCase,
    SuspendOfficerUseCase,
    BootstrapAdmin,
    StaffLocalStrategy,
    LoginAttempts,
    TotpSeedCipher,
  ],
  exports: [models, SessionStore],
})
export class AccountsModule {}
