import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DIRECTORY_USER_MODEL, DirectoryUserSchema } from './embedded/directory-user.schema';
import { EmbeddedUserDirectory } from './embedded/embedded-user-directory';
import { LoadDirectoryUsersUseCase } from './use-cases/load-directory-users';
import { LookUpDirectoryUserUseCase } from './use-cases/look-up-directory-user';
import { USER_DIRECTORY } from './user-directory.port';
import { UserDirectoryController } from './user-directory.controller';

/** Binds the UserDirectory port; an exchange with its own user service replaces `useExisting` here. */
@Module({
  imports: [MongooseModule.forFeature([{ name: DIRECTORY_USER_MODEL, schema: DirectoryUserSchema }])],
  controllers: [UserDirectoryController],
  providers: [
    EmbeddedUserDirectory,
    { provide: USER_DIRECTORY, useExisting: EmbeddedUserDirectory },
    LoadDirectoryUsersUseCase,
    LookUpDirectoryUserUseCase,
  ],
  exports: [USER_DIRECTORY],
})
export class UserDirectoryModule {}
