import { Global, Module } from '@nestjs/common';
import { AccessSessionCheck } from './access-session-check';
import { SessionEventStream } from './session-event-stream';
import { SessionView } from './session-view';

/** The gateway's session view and the event stream that feeds it (global: logout tells the view too). */
@Global()
@Module({
  providers: [AccessSessionCheck, SessionView, SessionEventStream],
  exports: [SessionView, SessionEventStream],
})
export class GatewaySessionModule {}
