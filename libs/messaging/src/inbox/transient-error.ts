import { KafkaJSError, KafkaJSTimeout } from 'kafkajs';
import {
  MongoBulkWriteError,
  MongoClientClosedError,
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';

/** Labels the driver (or the server) puts on an error that a later attempt can get past. */
const TRANSIENT_LABELS: string[] = [
  MongoErrorLabel.RetryableWriteError,
  MongoErrorLabel.TransientTransactionError,
  MongoErrorLabel.ResetPool,
  MongoErrorLabel.PoolRequestedRetry,
  MongoErrorLabel.InterruptInUseConnections,
  MongoErrorLabel.RetryableError,
  MongoErrorLabel.SystemOverloadedError,
];

/**
 * Server error codes of a member that is away, stepping down, shutting down or timing out
 * (the driver's own list is internal; these are the codes of the retryable-writes and SDAM specs).
 */
const TRANSIENT_SERVER_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  50, // MaxTimeMSExpired
  64, // WriteConcernTimeout (WriteConcernFailed before 8.1)
  89, // NetworkTimeout
  91, // ShutdownInProgress
  133, // FailedToSatisfyReadPreference
  134, // ReadConcernMajorityNotAvailableYet
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10058, // LegacyNotPrimary
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/**
 * Errors that come from infrastructure being away or slow (database, broker, network). Retrying
 * them is right however long it takes; anything else is a poison message after a few attempts.
 * Decided by the drivers' own classes, labels and flags, and by the error's cause.
 */
export function isTransient(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (isTransientItself(current)) return true;
    current = current.cause;
  }
  return false;
}

function isTransientItself(error: Error): boolean {
  if (error instanceof MongoError) return isTransientMongoError(error);
  if (error instanceof KafkaJSError) return error.retriable || error instanceof KafkaJSTimeout;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && TRANSIENT_SOCKET_CODES.has(code);
}

function isTransientMongoError(error: MongoError): boolean {
  if (
    error instanceof MongoNetworkError || // includes timeouts and a cleared pool
    error instanceof MongoServerSelectionError ||
    error instanceof MongoOperationTimeoutError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoClientClosedError
  ) {
    return true;
  }
  if (TRANSIENT_LABELS.some((label) => error.hasErrorLabel(label))) return true;
  if (error instanceof MongoBulkWriteError) {
    // For a failure of the whole batch the driver wraps the error it met (a dropped connection,
    // no server) or a write concern error in MongoBulkWriteError, keeping the original here.
    const wrapped: unknown = error.errorResponse;
    if (wrapped instanceof Error && wrapped !== error && isTransient(wrapped)) return true;
    const writeConcern = error.result?.getWriteConcernError();
    if (
      writeConcern &&
      (writeConcern.errInfo?.wtimeout === true || TRANSIENT_SERVER_CODES.has(Number(writeConcern.code)))
    )
      return true;
  }
  if (error instanceof MongoWriteConcernError) {
    const { code, errInfo } = error.result.writeConcernError;
    if (errInfo?.wtimeout === true || TRANSIENT_SERVER_CODES.has(Number(code))) return true;
  }
  return typeof error.code === 'number' && TRANSIENT_SERVER_CODES.has(error.code);
}
