import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RequestSubject, SubjectsProperty } from '@lers/subjects';
import { DATA_CATEGORIES, type DataCategory } from '../../commands/requests/request-form';
import { REQUEST_STATUSES, type RequestStatus } from '../../commands/requests/request-views';

/** Every move of a request (including its creation as a draft: `from` null). */
export class RequestStatusChangedV1 {
  @IsString()
  @IsNotEmpty()
  requestId: string;

  @IsOptional()
  @IsString()
  caseNumber: string | null;

  @IsString()
  @IsNotEmpty()
  officerId: string;

  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  from: RequestStatus | null;

  @IsIn(REQUEST_STATUSES)
  to: RequestStatus;

  /** The preservation order the request cites: its hold lasts until the request is closed or withdrawn. */
  @IsOptional()
  @IsString()
  preservationId?: string;

  /** When the answer is due (set at submission); staff are alerted as it nears and passes. Added after v1. */
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBy?: string;
}

export class NoticePolicy {
  /** A court forbade telling the user… */
  @IsBoolean()
  ordered: boolean;

  /** …until then (none: until staff decide). */
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  /** Staff upheld the order: no notice goes out while it runs. */
  @IsBoolean()
  upheld: boolean;
}

/** Staff approved a request: each subject's user is told before anything is released (unless an upheld order forbids it). */
export class RequestApprovedV1 {
  @IsString()
  @IsNotEmpty()
  requestId: string;

  @IsString()
  @IsNotEmpty()
  caseNumber: string;

  @IsString()
  @IsNotEmpty()
  officerId: string;

  @IsString()
  @IsNotEmpty()
  agencyId: string;

  @IsString()
  @MaxLength(300)
  agencyName: string;

  @IsString()
  @Length(2, 2)
  agencyCountry: string;

  @SubjectsProperty()
  subjects: RequestSubject[];

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(DATA_CATEGORIES, { each: true })
  dataRequested: DataCategory[];

  @IsObject()
  @ValidateNested()
  @Type(() => NoticePolicy)
  nonDisclosure: NoticePolicy;
}

export class PersonContact {
  @IsString()
  @MaxLength(200)
  fullName: string;

  @IsEmail()
  email: string;
}

/**
 * An emergency request was submitted: the supervisor named in the officer's access application
 * must confirm it through the e-mailed link before staff can act (a stolen police account cannot
 * confirm its own fake emergency).
 */
export class EmergencyConfirmationRequestedV1 {
  @IsString()
  @IsNotEmpty()
  requestId: string;

  @IsString()
  @IsNotEmpty()
  caseNumber: string;

  @IsObject()
  @ValidateNested()
  @Type(() => PersonContact)
  supervisor: PersonContact;

  @IsString()
  @MaxLength(200)
  officerName: string;

  @IsString()
  @MaxLength(300)
  agencyName: string;

  @IsString()
  @MaxLength(5000)
  threat: string;

  @IsString()
  @Length(32, 128)
  confirmationToken: string;

  @IsISO8601({ strict: true })
  expiresAt: string;
}

export const NOTICE_OUTCOMES = ['delivered', 'suppressed', 'waived'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/**
 * The user-notice side settled one subject of an approved request: told (`delivered`), not told
 * under an upheld non-disclosure order (`suppressed`), or released without a notice by a staff
 * decision (`waived`, e.g. no exchange user matches). The release gate waits for every subject.
 */
export class NoticeSettledV1 {
  @IsString()
  @IsNotEmpty()
  requestId: string;

  @IsInt()
  @Min(0)
  subjectIndex: number;

  @IsIn(NOTICE_OUTCOMES)
  outcome: NoticeOutcome;
}
