import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EmailModule } from '../email/email.module';
import { StaffAlertsModule } from '../staff-alerts/staff-alerts.module';
import { UserDirectoryModule } from '../user-directory/user-directory.module';
import { NOTICE_MODEL, NoticeSchema } from './notice.schema';
import { Notices } from './notices';
import { NoticesController } from './notices.controller';
import { DecideNoticeUseCase } from './use-cases/decide-notice';
import { OpenNoticesUseCase } from './use-cases/open-notices';
import { ReadNoticesUseCase } from './use-cases/read-notices';
import { ReleaseLapsedOrdersUseCase } from './use-cases/release-lapsed-orders';
import { SettleNoticeDeliveriesUseCase } from './use-cases/settle-notice-deliveries';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: NOTICE_MODEL, schema: NoticeSchema }]),
    EmailModule,
    StaffAlertsModule,
    UserDirectoryModule,
  ],
  controllers: [NoticesController],
  providers: [
    Notices,
    OpenNoticesUseCase,
    SettleNoticeDeliveriesUseCase,
    ReleaseLapsedOrdersUseCase,
    DecideNoticeUseCase,
    ReadNoticesUseCase,
  ],
  exports: [OpenNoticesUseCase],
})
export class NoticesModule {}
