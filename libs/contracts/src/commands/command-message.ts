import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** Who asked: carried with every command so the service applies its own authorisation. */
export class Actor {
  @IsIn(['anonymous', 'officer', 'staff', 'system'])
  kind: 'anonymous' | 'officer' | 'staff' | 'system';

  @IsOptional()
  @IsString()
  id?: string;

  @IsOptional()
  @IsString()
  agencyId?: string;

  @IsArray()
  @IsString({ each: true })
  roles: string[] = [];

  @IsOptional()
  @IsString()
  @MaxLength(64)
  ip?: string;
}

/** A gateway → service request. `payload` is validated by the handler's own class. */
export class CommandMessage<Payload = unknown> {
  @IsUUID()
  id: string;

  @IsString()
  @MaxLength(128)
  correlationId: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Actor)
  actor: Actor;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string;

  /** When the caller stops waiting for the reply: a command that arrives later is dropped, not run. */
  @IsISO8601({ strict: true })
  deadline: string;

  @IsDefined()
  @IsObject()
  payload: Payload;
}

export interface ProblemDetails {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/**
 * A reply never throws across the wire: it is a result or an RFC 9457 problem. (Not `value`:
 * Nest's Kafka serializer would take an object with a `value` key for a raw Kafka message.)
 */
export type CommandReply<Result> = ({ ok: true; result: Result } | { ok: false; problem: ProblemDetails }) & {
  /** The answer remembered for an earlier request with the same Idempotency-Key: nothing ran now. */
  replayed?: true;
};
