import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defaultCodeOf, Problem, titleOf } from '@lers/contracts';
import { isTransient } from '@lers/messaging';

/** Every HTTP error leaves as application/problem+json with a stable `code`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error({ err: exception, url: request.url }, 'request failed');
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({
        type: `https://lers.dev/problems/${problem.code}`,
        instance: request.url,
        ...problem.toDetails(),
      });
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof Problem) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail =
        typeof body === 'object' && body !== null && 'message' in body
          ? String(Array.isArray(body.message) ? body.message.join('; ') : body.message)
          : exception.message;
      return new Problem(status, defaultCodeOf(status), detail || titleOf(status));
    }
    if (isFastifyError(exception)) {
      const status = exception.statusCode;
      return new Problem(
        status,
        status === 413 ? 'payload_too_large' : defaultCodeOf(status),
        exception.message,
      );
    }
    if (isTransient(exception)) {
      // The database or the broker is away (or lost its majority): a retry later can succeed.
      return new Problem(
        503,
        'service_unavailable',
        'A service LERS depends on is unavailable; please retry later.',
      );
    }
    return new Problem(500, 'internal_error', 'Something went wrong on our side; it has been logged.');
  }
}

function isFastifyError(error: unknown): error is Error & { statusCode: number } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return error instanceof Error && typeof status === 'number' && status >= 400 && status < 600;
}
