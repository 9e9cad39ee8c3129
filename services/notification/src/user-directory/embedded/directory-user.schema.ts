import { Schema } from 'mongoose';

export const DIRECTORY_USER_MODEL = 'DirectoryUser';

export interface StoredIdentifier {
  type: string;
  value: string;
  chain?: string;
}

/** One exchange user as the embedded directory keeps it; `keys` are the identifiers' match keys. */
export interface DirectoryUserDocument {
  _id: string;
  email: string;
  identifiers: StoredIdentifier[];
  keys: string[];
  updatedAt: Date;
}

export const DirectoryUserSchema = new Schema<DirectoryUserDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    identifiers: {
      type: [new Schema({ type: String, value: String, chain: String }, { _id: false })],
      default: [],
    },
    keys: { type: [String], default: [], index: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'directory_users', versionKey: false },
);
