import { testInfra } from './infra/test-infra';
import { waitFor } from './wait-for';

export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  to: { address: string }[];
  headers: Record<string, string>;
}

/** MailDev's HTTP API: what the SMTP catcher received. */
export const mailCatcher = {
  async all(): Promise<CaughtMail[]> {
    const response = await fetch(`${testInfra.maildevUrl}/api/email`);
    return (await response.json()) as CaughtMail[];
  },

  async to(address: string): Promise<CaughtMail[]> {
    const lower = address.toLowerCase();
    return (await this.all()).filter((mail) => mail.to.some((to) => to.address.toLowerCase() === lower));
  },

  waitForMailTo(address: string, timeoutMs = 20_000): Promise<CaughtMail> {
    return waitFor(`an e-mail to ${address}`, async () => (await this.to(address))[0], { timeoutMs });
  },
};
