import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RequestSubject, SubjectsProperty } from '@lers/subjects';
import { IsInFuture, IsNotAfterField, IsNotInFuture } from './time-order';

/** The legal instrument behind a request for information. */
export const PROCESS_TYPES = [
  'court_order',
  'search_warrant',
  'police_order',
  'subpoena',
  'mlat',
  'eu_production_order',
  'emergency',
] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];

/** Every kind but `supporting` is an official document: the order, warrant or certificate itself. */
export const DOCUMENT_KINDS = [
  'court_order',
  'warrant',
  'police_order',
  'subpoena',
  'mlat',
  'epoc_certificate',
  'supporting',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DATA_CATEGORIES = [
  'subscriber_info',
  'kyc',
  'transactions',
  'deposits_withdrawals',
  'login_ip_history',
  'devices',
  'balances',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Offence categories, coarse enough to publish in transparency figures. */
export const OFFENSE_CATEGORIES = [
  'fraud',
  'scam',
  'money_laundering',
  'terrorist_financing',
  'sanctions_evasion',
  'ransomware',
  'hacking_theft',
  'drug_trafficking',
  'human_trafficking',
  'child_exploitation',
  'tax_evasion',
  'corruption',
  'organised_crime',
  'violent_crime',
  'other',
] as const;
export type OffenseCategory = (typeof OFFENSE_CATEGORIES)[number];

export const SUMMARY_MIN_LENGTH = 50;
export const MAX_SUBJECTS = 100;

export class Jurisdiction {
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code, e.g. DE' })
  country: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region?: string;
}

/** The judicial authority that issued the order (for a European Production Order, in a bound member state). */
export class IssuingAuthority {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code, e.g. DE' })
  country: string;
}

export class RequestPeriod {
  @IsISO8601({ strict: true })
  @IsNotAfterField('to')
  from: string;

  @IsISO8601({ strict: true })
  @IsNotInFuture()
  to: string;
}

export class NonDisclosureOrder {
  /** A court ordered that the user must not be told. */
  @IsBoolean()
  ordered: boolean;

  /** When the order ends; none means until the court lifts it. */
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsInFuture()
  until?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  orderReference?: string;
}

export class EmergencyDeclaration {
  /** The danger to life or limb that cannot wait for the paperwork. */
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  threat: string;

  /** The officer certifies the emergency; anything but `true` is refused at submission (422). */
  @IsBoolean()
  certification: boolean;
}

/** The body of `POST /v1/requests`: a draft request for information. */
export class InformationRequestForm {
  @IsIn(PROCESS_TYPES)
  processType: ProcessType;

  /** The statute or provision the request rests on. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Jurisdiction)
  jurisdiction: Jurisdiction;

  /** Required for `eu_production_order` (422 `issuing_authority_required`); optional otherwise. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IssuingAuthority)
  issuingAuthority?: IssuingAuthority;

  /** The agency's own case reference. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  caseReference: string;

  @IsIn(OFFENSE_CATEGORIES)
  offenseCategory: OffenseCategory;

  /** Facts and investigation. */
  @IsString()
  @MinLength(SUMMARY_MIN_LENGTH)
  @MaxLength(20_000)
  summary: string;

  @SubjectsProperty()
  @ArrayMaxSize(MAX_SUBJECTS)
  subjects: RequestSubject[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  dataRequested: DataCategory[];

  @IsObject()
  @ValidateNested()
  @Type(() => RequestPeriod)
  period: RequestPeriod;

  @IsObject()
  @ValidateNested()
  @Type(() => NonDisclosureOrder)
  nonDisclosure: NonDisclosureOrder;

  /** A preservation order this request follows up: its hold lasts while the request is open. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  preservationId?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EmergencyDeclaration)
  emergency?: EmergencyDeclaration;
}
