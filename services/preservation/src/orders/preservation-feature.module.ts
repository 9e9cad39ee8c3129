import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrderEvents } from './order-events';
import { PreservationCommands } from './preservation.commands';
import { PreservationJobs } from './preservation-jobs';
import { RequestEventsConsumer } from './request-events.consumer';
import { HoldsController, StaffPreservationsController } from './staff-preservations.controller';
import { TransparencyController } from '../reports/transparency.controller';
import { PRESERVATION_ORDER_MODEL, PreservationOrderSchema } from './storage/preservation-order.schema';
import { PreservationOrders } from './storage/preservation-orders.repository';
import { AttachOrderDocumentUseCase } from './use-cases/attach-document';
import { CreateOrderUseCase } from './use-cases/create-order';
import { EvidenceHolds } from './use-cases/evidence-holds';
import { ExpireOrdersUseCase } from './use-cases/expire-orders';
import { ExtendOrderUseCase } from './use-cases/extend-order';
import { ReadOfficerOrdersUseCase } from './use-cases/read-officer-orders';
import { ReadStaffOrdersUseCase } from './use-cases/read-staff-orders';
import { RecordCitationUseCase } from './use-cases/record-citation';
import { ReleaseOrderUseCase } from './use-cases/release-order';
import { RemindOfficersUseCase } from './use-cases/remind-officers';

@Module({
  imports: [MongooseModule.forFeature([{ name: PRESERVATION_ORDER_MODEL, schema: PreservationOrderSchema }])],
  controllers: [
    PreservationCommands,
    StaffPreservationsController,
    HoldsController,
    TransparencyController,
    RequestEventsConsumer,
  ],
  providers: [
    PreservationOrders,
    OrderEvents,
    EvidenceHolds,
    CreateOrderUseCase,
    ExtendOrderUseCase,
    ReadOfficerOrdersUseCase,
    AttachOrderDocumentUseCase,
    ReleaseOrderUseCase,
    ReadStaffOrdersUseCase,
    ExpireOrdersUseCase,
    RemindOfficersUseCase,
    RecordCitationUseCase,
    PreservationJobs,
  ],
})
export class PreservationFeatureModule {}
