import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessEnv } from '../access.config';
import { AccessApplicationCommands } from './access-application.commands';
import { ACCESS_APPLICATION_MODEL, AccessApplicationSchema } from './access-application.schema';
import { REVIEW_CALENDARS, reviewCalendars } from './review-calendar';
import { ReviewController } from './review.controller';
import { ApproveApplicationUseCase } from './use-cases/approve-application';
import { ReviewApplicationsUseCase } from './use-cases/review-applications';
import { SubmitAccessApplicationUseCase } from './use-cases/submit-access-application';
import { VerifyEmailUseCase } from './use-cases/verify-email';
import { AccountsModule } from '../accounts/accounts.module';
import { AgenciesModule } from '../agencies/agencies.module';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: ACCESS_APPLICATION_MODEL, schema: AccessApplicationSchema }]),
    AccountsModule,
    AgenciesModule,
  ],
  controllers: [AccessApplicationCommands, ReviewController],
  providers: [
    SubmitAccessApplicationUseCase,
    VerifyEmailUseCase,
    ReviewApplicationsUseCase,
    ApproveApplicationUseCase,
    {
      provide: REVIEW_CALENDARS,
      useFactory: (config: AccessEnv) => reviewCalendars(config.REVIEW_CALENDAR_COUNTRY),
      inject: [AccessEnv],
    },
  ],
})
export class ApplicationsModule {}
