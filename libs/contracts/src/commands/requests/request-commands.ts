import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMMAND_TOPICS } from '../../topics';
import { StoredDocument } from '../access/submit-application';
import { defineCommand } from '../command-spec';
import { DOCUMENT_KINDS, type DocumentKind, InformationRequestForm } from './request-form';
import {
  type DisclosureView,
  type MessageView,
  type Page,
  REQUEST_STATUSES,
  type RequestDocumentView,
  type RequestStatus,
  type RequestSummary,
  type RequestView,
} from './request-views';

export const MAX_MESSAGE_LENGTH = 10_000;

export class RequestRef {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  requestId: string;
}

export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export class RequestListQuery extends PageQuery {
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}

export class MessageListQuery extends PageQuery {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  requestId: string;
}

export class DocumentKindField {
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;
}

export class AttachRequestDocument extends RequestRef {
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;

  @IsObject()
  @ValidateNested()
  @Type(() => StoredDocument)
  document: StoredDocument;
}

export class MessageBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MESSAGE_LENGTH)
  body: string;
}

export class PostRequestMessage extends RequestRef {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MESSAGE_LENGTH)
  body: string;
}

export class DownloadToken {
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{20,600}$/, { message: 'token is not a download token' })
  token: string;
}

export class EmergencyConfirmationToken {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

/** What the gateway needs to stream a released package; the download is already recorded. */
export interface DisclosureObject {
  bucket: string;
  objectKey: string;
  versionId: string | null;
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
}

export const createRequest = defineCommand<InformationRequestForm, RequestView>(
  COMMAND_TOPICS.requestsCreate,
  InformationRequestForm,
);

export const attachRequestDocument = defineCommand<AttachRequestDocument, RequestDocumentView>(
  COMMAND_TOPICS.requestsAttachDocument,
  AttachRequestDocument,
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

export const submitRequest = defineCommand<RequestRef, RequestView>(
  COMMAND_TOPICS.requestsSubmit,
  RequestRef,
);
export const withdrawRequest = defineCommand<RequestRef, RequestView>(
  COMMAND_TOPICS.requestsWithdraw,
  RequestRef,
);

export const readRequest = defineCommand<RequestRef, RequestView>(COMMAND_TOPICS.requestsRead, RequestRef, {
  readOnly: true,
});

export const listRequests = defineCommand<RequestListQuery, Page<RequestSummary>>(
  COMMAND_TOPICS.requestsList,
  RequestListQuery,
  { readOnly: true },
);

export const postRequestMessage = defineCommand<PostRequestMessage, MessageView>(
  COMMAND_TOPICS.requestsPostMessage,
  PostRequestMessage,
);

export const listRequestMessages = defineCommand<MessageListQuery, Page<MessageView>>(
  COMMAND_TOPICS.requestsListMessages,
  MessageListQuery,
  { readOnly: true },
);

/** Signed links are minted on every read (nothing stored), so listing stays read-only. */
export const listDisclosures = defineCommand<RequestRef, { items: DisclosureView[] }>(
  COMMAND_TOPICS.requestsListDisclosures,
  RequestRef,
  { readOnly: true },
);

/** Checks the link and records the download (every download is audited) before the gateway streams it. */
export const openDisclosureDownload = defineCommand<DownloadToken, DisclosureObject>(
  COMMAND_TOPICS.requestsOpenDownload,
  DownloadToken,
);

export const confirmEmergency = defineCommand<
  EmergencyConfirmationToken,
  { caseNumber: string; supervisorConfirmation: 'confirmed' }
>(COMMAND_TOPICS.requestsConfirmEmergency, EmergencyConfirmationToken);
