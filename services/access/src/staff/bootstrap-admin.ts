import { AuditTrail } from '@lers/audit';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AccessEnv } from '../access.config';
import { ACCOUNT_MODEL, type AccountDocument } from '../accounts/account.schema';
import { hashPassword } from '../accounts/credentials';
import { TotpSeedCipher } from '../accounts/totp-seed-cipher';
import { staffAccount } from './use-cases/create-staff';
import { isDuplicateKey } from '@lers/persistence';

/**
 * When no staff exists, the first admin comes from LERS_BOOTSTRAP_ADMIN_* (password and TOTP
 * secret set, active). The fixed id makes two replicas starting together create one admin.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    @Inject(AccessEnv) private readonly config: AccessEnv,
    private readonly seeds: TotpSeedCipher,
    private readonly audit: AuditTrail,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { LERS_BOOTSTRAP_ADMIN_EMAIL: email, LERS_BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    const totpSecret = this.config.LERS_BOOTSTRAP_ADMIN_TOTP_SECRET;
    if (!email || !password || !totpSecret) return;
    if (await this.accounts.exists({ kind: 'staff' })) return;
    const now = new Date();
    try {
      await this.accounts.create({
        ...staffAccount(
          'bootstrap-admin',
          email.toLowerCase(),
          'Bootstrap administrator',
          ['admin'],
          now,
          null,
        ),
        status: 'active',
        passwordHash: await hashPassword(password),
        totpSecret: this.seeds.encrypt(totpSecret, 'bootstrap-admin'),
        activatedAt: now,
        outbox: [],
        outboxPending: false,
        revision: 1,
        ...this.audit.queue(
          null,
          this.audit.intent(
            'staff.create',
            { type: 'account', id: 'bootstrap-admin' },
            { details: { email: email.toLowerCase(), roles: ['admin'], bootstrap: true } },
          ),
        ),
      });
      this.logger.log({ email }, 'bootstrap admin created');
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
