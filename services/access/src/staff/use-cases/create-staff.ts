import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffRole } from '@lers/auth';
import { OutboxWriter } from '@lers/messaging';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { newActivation } from '../../accounts/activation-link';
import { isDuplicateKey } from '@lers/persistence';
import { accountExists } from '../../accounts/account-exists';

export class NewStaffMember {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  @Type(() => String)
  roles: StaffRole[];
}

/** An admin adds a staff member, who then activates exactly as officers do. */
@Injectable()
export class CreateStaffUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: NewStaffMember, id: string = randomUUID(), now = this.clock.now()) {
    const email = input.email.toLowerCase();
    const activation = newActivation(now);
    const event = this.outbox.event('access.staff.invited', id, {
      accountId: id,
      fullName: input.fullName,
      email,
      activationToken: activation.token,
      activationExpiresAt: activation.expiresAt.toISOString(),
    });
    const created = this.audit.intent(
      'staff.create',
      { type: 'account', id },
      { details: { email, roles: input.roles } },
    );
    try {
      const stored = await this.outbox.insert(
        this.accounts,
        {
          ...staffAccount(id, email, input.fullName, input.roles, now, activation.stored),
          ...this.audit.queue(null, created),
        },
        [event],
      );
      this.audit.written(this.accounts as never, stored.toObject());
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // A keyed retry whose first attempt stored the account and died before replying.
      const stored = await this.accounts.findOne({ _id: id, email }).lean();
      // Otherwise the unique e-mail index decided: two invitations for one address cannot both succeed.
      if (!stored) throw accountExists();
    }
    return { id, email, fullName: input.fullName, roles: input.roles, status: 'pending_activation' as const };
  }
}

export function staffAccount(
  id: string,
  email: string,
  fullName: string,
  roles: StaffRole[],
  now: Date,
  activation: AccountDocument['activation'],
): Omit<AccountDocument, 'outbox' | 'outboxPending' | 'revision'> {
  return {
    _id: id,
    kind: 'staff',
    email,
    fullName,
    title: null,
    badgeNumber: null,
    roles,
    agency: null,
    applicationId: null,
    status: 'pending_activation',
    passwordHash: null,
    totpSecret: null,
    activation,
    failedLogins: [],
    createdAt: now,
    createdBy: null,
    activatedAt: null,
    suspendedAt: null,
    suspensionReason: null,
  };
}
