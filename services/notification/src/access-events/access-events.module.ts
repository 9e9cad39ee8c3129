import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { AccessEventsConsumer } from './access-events.consumer';

@Module({ imports: [EmailModule], controllers: [AccessEventsConsumer] })
export class AccessEventsModule {}
