/**
 * Operator tool for parked messages:
 *   npm run dlq -- list <topic>     what is parked on <topic>.dlq, with why and where from
 *   npm run dlq -- replay <topic>   send what was parked since the last replay back to <topic>
 * <topic> is an event topic (lers.access.events.v1) or its .dlq twin. KAFKA_BROKERS picks the
 * brokers (default 127.0.0.1:9092). Replaying is safe to repeat: consumers apply an event once.
 */
import { Kafka, logLevel } from 'kafkajs';
import { listDeadLetters, replayDeadLetters, type ParkedMessage } from './dead-letter-replay';
import { resolveDeadLetterTopic } from './dead-letter-topics';

const USAGE = 'usage: npm run dlq -- list|replay <topic>';

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  if (!name || (command !== 'list' && command !== 'replay')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const topic = resolveDeadLetterTopic(name);
  if (typeof topic === 'string') {
    process.stderr.write(`${topic}\n`);
    return 2;
  }
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'lers-dlq', brokers, logLevel: logLevel.ERROR });
  if (command === 'list') {
    const parked = await listDeadLetters(kafka, topic.deadLetters);
    parked.forEach((message) => process.stdout.write(`${line(message)}\n`));
    process.stdout.write(`${parked.length} parked on ${topic.deadLetters}\n`);
  } else {
    const replayed = await replayDeadLetters(kafka, topic.deadLetters, topic.source);
    replayed.forEach((message) => process.stdout.write(`replayed ${line(message)}\n`));
    process.stdout.write(`${replayed.length} replayed from ${topic.deadLetters} to ${topic.source}\n`);
  }
  return 0;
}

const line = (message: ParkedMessage) =>
  [
    `${message.partition}/${message.offset}`,
    message.failedAt,
    message.eventType ?? '-',
    message.eventId ?? '-',
    `consumer=${message.consumer}`,
    `from=${message.source}`,
    `reason=${JSON.stringify(message.reason)}`,
  ].join('  ');

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
