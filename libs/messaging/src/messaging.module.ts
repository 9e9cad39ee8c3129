import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { COMMAND_CLIENT, CommandBus } from './commands/command-bus';
import { CommandHandler } from './commands/command-handler';
import {
  IDEMPOTENCY_RECORD_MODEL,
  IdempotencyRecordSchema,
} from './commands/idempotency/idempotency-record.schema';
import { IdempotentCommands } from './commands/idempotency/idempotent-commands';
import { IdempotencyRecordPruning } from './commands/idempotency/idempotency-record-pruning';
import { DeadLetterPublisher } from './inbox/dead-letter-publisher';
import { EventInbox } from './inbox/event-inbox';
import { PROCESSED_EVENT_MODEL, ProcessedEventSchema } from './inbox/processed-event.schema';
import { ProcessedEventPruning } from './inbox/processed-event-pruning';
import { KafkaConnection } from './kafka/kafka-connection';
import { KafkaReadiness } from './kafka/kafka-readiness';
import { createKafkaServer } from './kafka/kafka-server-options';
import { LersKafkaServer } from './kafka/lers-kafka-server';
import { createReplyClient } from './kafka/reply-client';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

@Module({})
export class MessagingModule {
  /** A service that owns data: consumes events and commands, publishes through its outbox. */
  static forDataService(options: MessagingOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: LersKafkaServer, useFactory: () => createKafkaServer(options) },
      KafkaConnection,
      KafkaReadiness,
      DeadLetterPublisher,
      EventInbox,
      CommandHandler,
      IdempotentCommands,
      IdempotencyRecordPruning,
      OutboxRelay,
      OutboxWriter,
      ProcessedEventPruning,
      ...(options.commandClient
        ? [{ provide: COMMAND_CLIENT, useFactory: () => createReplyClient(options) }, CommandBus]
        : []),
    ];
    return {
      module: MessagingModule,
      global: true,
      imports: [
        MongooseModule.forFeature([
          { name: PROCESSED_EVENT_MODEL, schema: ProcessedEventSchema },
          { name: IDEMPOTENCY_RECORD_MODEL, schema: IdempotencyRecordSchema },
        ]),
      ],
      providers,
      exports: providers,
    };
  }

  /** The gateway: owns nothing durable; calls services and waits for their replies. */
  static forGateway(options: MessagingOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: COMMAND_CLIENT, useFactory: () => createReplyClient(options) },
      KafkaConnection,
      CommandBus,
      KafkaReadiness,
    ];
    return { module: MessagingModule, global: true, providers, exports: providers };
  }
}
