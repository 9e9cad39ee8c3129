import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COMMAND_TOPICS } from '../../topics';
import { StoredDocument } from '../access/submit-application';
import { defineCommand } from '../command-spec';
import { PageQuery } from '../requests/request-commands';
import type { Page } from '../requests/request-views';
import { MAX_JUSTIFICATION_LENGTH, PreservationOrderForm } from './preservation-form';
import {
  PRESERVATION_STATUSES,
  type PreservationDocumentView,
  type PreservationStatus,
  type PreservationSummary,
  type PreservationView,
} from './preservation-views';

export class PreservationRef {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  preservationId: string;
}

export class ExtendPreservation extends PreservationRef {
  @IsString()
  @MinLength(10)
  @MaxLength(MAX_JUSTIFICATION_LENGTH)
  justification: string;
}

export class PreservationListQuery extends PageQuery {
  @IsOptional()
  @IsIn(PRESERVATION_STATUSES)
  status?: PreservationStatus;
}

export class AttachPreservationDocument extends PreservationRef {
  @IsObject()
  @ValidateNested()
  @Type(() => StoredDocument)
  document: StoredDocument;
}

export const createPreservation = defineCommand<PreservationOrderForm, PreservationView>(
  COMMAND_TOPICS.preservationCreate,
  PreservationOrderForm,
);

export const extendPreservation = defineCommand<ExtendPreservation, PreservationView>(
  COMMAND_TOPICS.preservationExtend,
  ExtendPreservation,
);

export const readPreservation = defineCommand<PreservationRef, PreservationView>(
  COMMAND_TOPICS.preservationRead,
  PreservationRef,
  { readOnly: true },
);

export const listPreservations = defineCommand<PreservationListQuery, Page<PreservationSummary>>(
  COMMAND_TOPICS.preservationList,
  PreservationListQuery,
  { readOnly: true },
);

export const attachPreservationDocument = defineCommand<AttachPreservationDocument, PreservationDocumentView>(
  COMMAND_TOPICS.preservationAttachDocument,
  AttachPreservationDocument,
  {
    // A retry streams the same file again under a new object key: the same upload is the same content.
    fingerprint: ({ document: { sha256, size, contentType }, ...rest }) => ({
      ...rest,
      sha256,
      size,
      contentType,
    }),
  },
);
