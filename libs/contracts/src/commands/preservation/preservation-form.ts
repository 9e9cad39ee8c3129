import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RequestSubject, SubjectsProperty } from '@lers/subjects';
import { Jurisdiction, MAX_SUBJECTS, SUMMARY_MIN_LENGTH } from '../requests/request-form';

/**
 * The legal instrument behind a preservation order; each has its own period and extension rule
 * (services/preservation/src/orders/domain/instrument-policies.ts).
 */
export const PRESERVATION_INSTRUMENTS = ['standard', 'us_2703f', 'eu_epoc_pr'] as const;
export type PreservationInstrument = (typeof PRESERVATION_INSTRUMENTS)[number];

export const MAX_JUSTIFICATION_LENGTH = 5000;

/** The body of `POST /v1/preservations`. */
export class PreservationOrderForm {
  /** The statute or provision the order rests on. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Jurisdiction)
  jurisdiction: Jurisdiction;

  /** The agency's own case reference. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  caseReference: string;

  @IsString()
  @MinLength(SUMMARY_MIN_LENGTH)
  @MaxLength(20_000)
  summary: string;

  @SubjectsProperty()
  @ArrayMaxSize(MAX_SUBJECTS)
  subjects: RequestSubject[];

  /** Defaults to `standard` (90 days, extended by 90 through a new request). */
  @IsOptional()
  @IsIn(PRESERVATION_INSTRUMENTS)
  instrument?: PreservationInstrument;
}

/** The body of `POST /v1/preservations/{id}/extensions`. */
export class ExtensionRequest {
  @IsString()
  @MinLength(10)
  @MaxLength(MAX_JUSTIFICATION_LENGTH)
  justification: string;
}
