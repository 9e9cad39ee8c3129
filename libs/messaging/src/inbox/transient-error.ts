/**
 * Errors that come from infrastructure being away (database, broker, network). Retrying them is
 * right however long it takes; anything else is a poison message after a few attempts.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.name ?? '';
  if (
    /^Mongo(Network|ServerSelection|NotConnected|Topology|Pool)|KafkaJS(Connection|NumberOfRetriesExceeded|Timeout|Broker)/.test(
      name,
    )
  ) {
    return true;
  }
  const labels = (error as { errorLabels?: unknown }).errorLabels;
  if (labels instanceof Set && (labels.has('RetryableWriteError') || labels.has('TransientTransactionError')))
    return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code);
}
