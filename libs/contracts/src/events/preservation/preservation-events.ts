import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RequestSubject } from '@lers/subjects';

/**
 * What the exchange's retention jobs must keep: one subject of one preservation order, until
 * `preservedUntil` (or until a `released` event). Keyed by preservation id on the topic.
 */
export class PreservationHoldV1 {
  @IsString()
  @IsNotEmpty()
  preservationId: string;

  @IsObject()
  @ValidateNested()
  @Type(() => RequestSubject)
  subject: RequestSubject;

  @IsISO8601({ strict: true })
  preservedUntil: string;
}

export const HOLD_RELEASE_REASONS = ['expired', 'released_by_staff'] as const;

export class PreservationHoldReleasedV1 extends PreservationHoldV1 {
  @IsIn(HOLD_RELEASE_REASONS)
  reason: (typeof HOLD_RELEASE_REASONS)[number];
}

/** A reminder to the officer: the order lapses in `daysLeft` days unless extended. */
export class PreservationExpiringV1 {
  @IsString()
  @IsNotEmpty()
  preservationId: string;

  @IsString()
  @IsNotEmpty()
  officerId: string;

  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @IsISO8601({ strict: true })
  preservedUntil: string;

  @IsInt()
  @Min(0)
  @Max(365)
  daysLeft: number;
}
