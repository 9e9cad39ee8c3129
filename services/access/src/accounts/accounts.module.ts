import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthCommands } from '../auth/auth.commands';
import { StaffAuthController } from '../auth/staff-auth.controller';
import { StaffLocalStrategy } from '../auth/staff-local.strategy';
import { TokenSigner } from '../auth/token-signer';
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
import { ActivateAccountUseCase } from './use-cases/activate-account';

const models = MongooseModule.forFeature([
  { name: ACCOUNT_MODEL, schema: AccountSchema },
  { name: SESSION_MODEL, schema: SessionSchema },
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
  ],
  exports: [models, SessionStore],
})
export class AccountsModule {}
