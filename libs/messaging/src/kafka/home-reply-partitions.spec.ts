import { homeReplyPartitions } from './home-reply-partitions';

describe('homeReplyPartitions', () => {
  const partitions: Record<string, number[]> = { 'a.reply': [2, 0, 1], 'b.reply': [0, 1, 2], 'c.reply': [] };

  it('takes the same slot of every topic, whatever order the broker lists partitions in', () => {
    expect(homeReplyPartitions(['a.reply', 'b.reply'], (topic) => partitions[topic], 4)).toEqual({
      'a.reply': [1],
      'b.reply': [1],
    });
  });

  it('spreads slots over all partitions', () => {
    const homes = [0, 1, 2, 3].map((slot) => homeReplyPartitions(['a.reply'], (t) => partitions[t], slot));
    expect(homes.map((home) => home['a.reply'][0])).toEqual([0, 1, 2, 0]);
  });

  it('leaves out a topic without partitions', () => {
    expect(homeReplyPartitions(['c.reply'], (topic) => partitions[topic], 0)).toEqual({});
  });
});
