import { PreservationDocumentsController } from './preservation-documents.controller';
import { PreservationsController } from './preservations.controller';

/** The agency-facing routes of preservation orders. */
export const PRESERVATION_CONTROLLERS = [PreservationsController, PreservationDocumentsController];
