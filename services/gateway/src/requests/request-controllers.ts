import { RequestDocumentsController } from './documents/request-documents.controller';
import { DisclosuresController } from './disclosures/disclosures.controller';
import { EmergencyConfirmationsController } from './emergency/emergency-confirmations.controller';
import { RequestMessagesController } from './messages/request-messages.controller';
import { RequestsController } from './requests.controller';

/** The agency-facing routes of requests for information. */
export const REQUEST_CONTROLLERS = [
  RequestsController,
  RequestDocumentsController,
  RequestMessagesController,
  DisclosuresController,
  EmergencyConfirmationsController,
];
