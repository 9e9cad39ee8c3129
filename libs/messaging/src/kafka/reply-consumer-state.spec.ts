import { ReplyConsumerState } from './reply-consumer-state';

const topics = ['a.reply', 'b.reply'];

describe('ReplyConsumerState', () => {
  it('is not receiving before the consumer has joined', () => {
    expect(new ReplyConsumerState(topics).whyNotReceiving()).toBe('not started');
  });

  it('waits for the first fetch after joining, when the starting offset is resolved', () => {
    const state = new ReplyConsumerState(topics);
    state.fetched();
    state.joined({ 'a.reply': [2], 'b.reply': [2] });
    expect(state.whyNotReceiving()).toBe('joined; first fetch pending');
    state.fetched();
    expect(state.whyNotReceiving()).toBeUndefined();
  });

  it('names the reply topics of which it holds no partition', () => {
    const state = new ReplyConsumerState(topics);
    state.joined({ 'a.reply': [0], 'b.reply': [] });
    state.fetched();
    expect(state.whyNotReceiving()).toBe('no partition assigned of b.reply');
  });

  it('stops receiving on a loss; a new join waits for its first fetch', () => {
    const state = new ReplyConsumerState(topics);
    state.joined({ 'a.reply': [1], 'b.reply': [1] });
    state.fetched();
    state.lost('rebalancing');
    expect(state.whyNotReceiving()).toBe('rebalancing');
    state.joined({ 'a.reply': [1], 'b.reply': [2] });
    expect(state.whyNotReceiving()).toBe('joined; first fetch pending');
    state.fetched();
    expect(state.whyNotReceiving()).toBeUndefined();
  });

  it('receives again when it fetches after a loss with no new join (a late rebalancing event)', () => {
    const state = new ReplyConsumerState(topics);
    state.joined({ 'a.reply': [1], 'b.reply': [1] });
    state.fetched();
    state.lost('rebalancing');
    state.fetched();
    expect(state.whyNotReceiving()).toBeUndefined();
  });

  it('does not receive on a fetch before any join', () => {
    const state = new ReplyConsumerState(topics);
    state.lost('disconnected');
    state.fetched();
    expect(state.whyNotReceiving()).toBe('disconnected');
  });
});
