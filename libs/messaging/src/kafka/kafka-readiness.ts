import { Injectable, Optional } from '@nestjs/common';
import type { ReadinessCheck } from '@lers/observability';
import { CommandBus } from '../commands/command-bus';
import { KafkaConnection } from './kafka-connection';
import { LersKafkaServer } from './lers-kafka-server';

/** Ready when the broker answers and, where the service consumes or calls, that path works too. */
@Injectable()
export class KafkaReadiness implements ReadinessCheck {
  readonly name = 'kafka';

  constructor(
    private readonly kafka: KafkaConnection,
    @Optional() private readonly server?: LersKafkaServer,
    @Optional() private readonly commandBus?: CommandBus,
  ) {}

  async check(): Promise<void> {
    await this.kafka.connect();
    await this.kafka.admin.describeCluster();
    this.server?.assertConsuming();
    this.commandBus?.assertReceivingReplies();
  }
}
