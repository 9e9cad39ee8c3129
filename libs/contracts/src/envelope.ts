import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** What every event on every topic looks like; `payload` is validated against the catalog by `type`. */
export class EventEnvelope<Payload = unknown> {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  version: number;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  correlationId: string;

  @IsIn(['gateway', 'access', 'requests', 'preservation', 'notification'])
  producer: string;

  /** The aggregate the event is about: the Kafka message key, so its events stay in order. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  key: string;

  @IsDefined()
  @IsObject()
  payload: Payload;
}
