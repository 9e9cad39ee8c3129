import { Injectable, Logger } from '@nestjs/common';
import type { IHeaders } from 'kafkajs';
import { deadLetterTopicOf, type EventTopic } from '@lers/contracts';
import { KafkaConnection } from '../kafka/kafka-connection';

export interface DeadLetter {
  topic: EventTopic;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: IHeaders;
  consumer: string;
  reason: string;
}

/** Parks a message we cannot apply on `<topic>.dlq`, byte for byte, with why and where it came from. */
@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(private readonly kafka: KafkaConnection) {}

  async park(letter: DeadLetter): Promise<void> {
    await this.kafka.connect();
    await this.kafka.producer.send({
      topic: deadLetterTopicOf(letter.topic),
      acks: -1,
      messages: [
        {
          key: letter.key,
          value: letter.value,
          headers: {
            ...letter.headers,
            'x-dlq-reason': letter.reason.slice(0, 2000),
            'x-dlq-consumer': letter.consumer,
            'x-dlq-source-topic': letter.topic,
            'x-dlq-source-partition': String(letter.partition),
            'x-dlq-source-offset': letter.offset,
            'x-dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    this.logger.warn(
      { topic: letter.topic, partition: letter.partition, offset: letter.offset, reason: letter.reason },
      'message parked on the dead-letter topic',
    );
  }
}
