import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { RequestEventsConsumer } from './request-events.consumer';

@Module({ imports: [EmailModule], controllers: [RequestEventsConsumer] })
export class RequestEventsModule {}
