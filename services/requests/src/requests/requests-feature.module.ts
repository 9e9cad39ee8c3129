import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationEventsConsumer } from '../disclosures/notification-events.consumer';
import { OfficerDisclosuresUseCase } from '../disclosures/officer-disclosures';
import { SettleNoticeUseCase } from '../disclosures/settle-notice';
import { UploadDisclosureUseCase } from '../disclosures/upload-disclosure';
import { AccessEventsConsumer } from '../officers/access-events.consumer';
import { OfficerDirectory } from '../officers/officer-directory';
import { OFFICER_RECORD_MODEL, OfficerRecordSchema } from '../officers/officer-directory.schema';
import { UploadingCommands } from '@lers/storage';
import { RequestCommands } from './requests.commands';
import { RequestEvents } from './request-events';
import { StaffRequestsController } from './staff-requests.controller';
import { TransparencyController } from '../reports/transparency.controller';
import { CaseNumbers } from './storage/case-numbers';
import {
  CASE_SEQUENCE_MODEL,
  CaseSequenceSchema,
  INFORMATION_REQUEST_MODEL,
  InformationRequestSchema,
} from './storage/information-request.schema';
import { InformationRequests } from './storage/information-requests.repository';
import { ApproveRequestUseCase } from './use-cases/approve-request';
import { AssignRequestUseCase } from './use-cases/assign-request';
import { AttachDocumentUseCase } from './use-cases/attach-document';
import { CloseRequestUseCase } from './use-cases/close-request';
import { ConfirmEmergencyUseCase } from './use-cases/confirm-emergency';
import { CreateRequestUseCase } from './use-cases/create-request';
import { PostMessageUseCase } from './use-cases/post-message';
import { ReadOfficerRequestsUseCase } from './use-cases/read-officer-requests';
import { ReadStaffRequestsUseCase } from './use-cases/read-staff-requests';
import { RejectRequestUseCase } from './use-cases/reject-request';
import { RequestMoreInfoUseCase } from './use-cases/request-more-info';
import { StaffMove } from './use-cases/staff-move';
import { SubmitRequestUseCase } from './use-cases/submit-request';
import { WithdrawRequestUseCase } from './use-cases/withdraw-request';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: INFORMATION_REQUEST_MODEL, schema: InformationRequestSchema },
      { name: CASE_SEQUENCE_MODEL, schema: CaseSequenceSchema },
      { name: OFFICER_RECORD_MODEL, schema: OfficerRecordSchema },
    ]),
  ],
  controllers: [
    RequestCommands,
    StaffRequestsController,
    TransparencyController,
    AccessEventsConsumer,
    NotificationEventsConsumer,
  ],
  providers: [
    InformationRequests,
    CaseNumbers,
    RequestEvents,
    OfficerDirectory,
    UploadingCommands,
    StaffMove,
    CreateRequestUseCase,
    AttachDocumentUseCase,
    SubmitRequestUseCase,
    WithdrawRequestUseCase,
    ReadOfficerRequestsUseCase,
    ReadStaffRequestsUseCase,
    PostMessageUseCase,
    AssignRequestUseCase,
    RequestMoreInfoUseCase,
    ApproveRequestUseCase,
    RejectRequestUseCase,
    CloseRequestUseCase,
    ConfirmEmergencyUseCase,
    OfficerDisclosuresUseCase,
    UploadDisclosureUseCase,
    SettleNoticeUseCase,
  ],
})
export class RequestsFeatureModule {}
