export * from './auth-options';
export * from './auth.module';
export * from './guards';
export * from './jwt.strategy';
export * from './principal';
export * from './password-totp.strategy';
