import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Problem } from '@lers/contracts';

/**
 * The guard for a password + TOTP login route (passport-local with the TOTP read from the same
 * body). Problems from the strategy (invalid_credentials, account_locked, validation_failed)
 * pass through unchanged; the strategy's result — the token pair — becomes `request.user`.
 */
export function passwordTotpGuard(strategyName: string) {
  @Injectable()
  class PasswordTotpGuard extends AuthGuard(strategyName) {
    override handleRequest<T>(
      error: unknown,
      result: T,
      _info: unknown,
      _context: unknown,
      status?: unknown,
    ): T {
      if (error instanceof Problem) throw error;
      // passport-local answers 400 itself when e-mail or password is missing from the body.
      if (status === 400) {
        throw Problem.validation([{ field: 'email', message: 'email, password and totp are required' }]);
      }
      if (error || !result)
        throw new Problem(401, 'invalid_credentials', 'The e-mail, password or code is not correct.');
      return result;
    }
  }
  return PasswordTotpGuard;
}

export const LOCAL_STRATEGY_OPTIONS = {
  usernameField: 'email',
  passwordField: 'password',
  passReqToCallback: true,
} as const;
