import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@lers/persistence';
import { formatCaseNumber } from '../domain/case-number';
import { CASE_SEQUENCE_MODEL, type CaseSequenceDocument } from './information-request.schema';

/**
 * `LERS-<year>-<sequence>`: one counter per year advanced by an atomic `$inc`, so concurrent
 * submissions on any number of replicas never share a number. A number taken by a submission
 * that then fails is skipped, never reused.
 */
@Injectable()
export class CaseNumbers {
  constructor(@InjectModel(CASE_SEQUENCE_MODEL) private readonly sequences: Model<CaseSequenceDocument>) {}

  async next(at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    for (let attempt = 1; ; attempt++) {
      try {
        const counter = await this.sequences
          .findOneAndUpdate(
            { _id: `case-${year}` },
            { $inc: { last: 1 } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<CaseSequenceDocument>();
        return formatCaseNumber(year, counter!.last);
      } catch (error) {
        // Two first submissions of a year both tried to create the counter: the loser increments it.
        if (!isDuplicateKey(error) || attempt >= 3) throw error;
      }
    }
  }
}
