import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ACCESS_APPLICATION_MODEL, AccessApplicationSchema } from './access-application.schema';
import { AccessApplicationCommands } from './access-application.commands';
import { SubmitAccessApplicationUseCase } from './use-cases/submit-access-application';

@Module({
  imports: [MongooseModule.forFeature([{ name: ACCESS_APPLICATION_MODEL, schema: AccessApplicationSchema }])],
  controllers: [AccessApplicationCommands],
  providers: [SubmitAccessApplicationUseCase],
})
export class ApplicationsModule {}
