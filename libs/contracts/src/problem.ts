import type { ProblemDetails } from './commands/command-message';
import type { FieldError } from './validation/validate-message';

/**
 * An error the client caused or must know about, rendered as RFC 9457 problem+json.
 * `code` is stable and machine-readable (snake_case); clients branch on it.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = 'Problem';
  }

  static validation(errors: FieldError[]): Problem {
    return new Problem(400, 'validation_failed', 'The request is not valid: see errors.', errors);
  }

  static notFound(what = 'resource'): Problem {
    return new Problem(404, 'not_found', `No such ${what}.`);
  }

  static invalidTransition(detail: string): Problem {
    return new Problem(409, 'invalid_transition', detail);
  }

  static fromDetails(details: ProblemDetails): Problem {
    return new Problem(details.status, details.code, details.detail, details.errors);
  }

  toDetails(): ProblemDetails {
    return {
      status: this.status,
      code: this.code,
      title: titleOf(this.status),
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  423: 'locked',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export function defaultCodeOf(status: number): string {
  return CODES[status] ?? 'error';
}
