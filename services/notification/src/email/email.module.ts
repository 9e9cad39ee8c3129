import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EmailDispatcher } from './email-dispatcher';
import { EmailOutbox } from './email-outbox';
import { EmailPruning } from './email-pruning';
import { OUTGOING_EMAIL_MODEL, OutgoingEmailSchema } from './outgoing-email.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: OUTGOING_EMAIL_MODEL, schema: OutgoingEmailSchema }])],
  providers: [EmailDispatcher, EmailOutbox, EmailPruning],
  exports: [EmailOutbox, EmailDispatcher],
})
export class EmailModule {}
