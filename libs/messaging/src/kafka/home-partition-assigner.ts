import { AssignerProtocol, type Assigner } from 'kafkajs';
import { homeReplyPartitions } from './home-reply-partitions';

interface PartitionMetadataSource {
  findTopicPartitionMetadata(topic: string): { partitionId: number }[];
}

const NAME = 'LersHomeReplyPartition';
const VERSION = 1;

/**
 * Gives each member of the group only its home partition of every reply topic. The gateway's reply
 * group has one member by construction (see reply-client.ts), so this is what the instance reads;
 * Nest's client then asks for replies on it (it picks the lowest partition assigned).
 */
// Typed by what it uses, so it fits both kafkajs's types and Nest's own copy of them.
export function homePartitionAssigner(slot: number) {
  return ({ cluster }: { cluster: PartitionMetadataSource }): Assigner => ({
    name: NAME,
    version: VERSION,
    protocol: ({ topics }) => ({
      name: NAME,
      metadata: AssignerProtocol.MemberMetadata.encode({
        version: VERSION,
        topics,
        userData: Buffer.alloc(0),
      }),
    }),
    assign: async ({ members, topics }) => {
      const assignment = homeReplyPartitions(
        topics,
        (topic) => cluster.findTopicPartitionMetadata(topic).map(({ partitionId }) => partitionId),
        slot,
      );
      return members.map(({ memberId }) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: VERSION,
          assignment,
          userData: Buffer.alloc(0),
        }),
      }));
    },
  });
}
