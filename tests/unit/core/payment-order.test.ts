import { describe, expect, it } from 'vitest';
import {
  checkPaymentCode,
  isFinal,
  PAYMENT_STATES,
  toFen,
  transition,
  type PaymentEvent,
  type PaymentState,
  type Transition,
} from '../../../core/payment/order';
import { checkIdNumber } from '../../../rules/engine/id-number';

const answer = (to: 'pay' | 'query' | 'cancel', state: string): PaymentEvent =>
  ({ kind: 'answer', to, state }) as PaymentEvent;
const run = (from: PaymentState, ...events: PaymentEvent[]): Transition =>
  events.reduce<Transition>((t, e) => transition(t.state, e), {
    state: from,
    attention: null,
    cancel: false,
  });

describe('the payment state machine', () => {
  it('goes created → paying → paid on the back office’s word, and stays paid whatever comes later', () => {
    expect(run('created', { kind: 'pay_sent' }).state).toBe('paying');
    expect(run('created', { kind: 'pay_sent' }, answer('pay', 'paid')).state).toBe('paid');
    // A late cancel answer, a walk-away, a duplicate answer: a paid order stays paid.
    for (const late of [
      answer('cancel', 'reversed'),
      { kind: 'abandon' } as const,
      answer('query', 'failed'),
    ])
      expect(run('paid', late)).toEqual({ state: 'paid', attention: null, cancel: false });
  });

  it('waits while the phone asks for a password, and cancels when the citizen leaves', () => {
    expect(run('paying', answer('pay', 'paying'), answer('query', 'paying')).state).toBe('paying');
    const left = run('paying', { kind: 'abandon' });
    expect(left).toEqual({ state: 'cancelling', attention: null, cancel: true });
    expect(run('cancelling', answer('cancel', 'cancelled')).state).toBe('cancelled');
    expect(run('cancelling', answer('cancel', 'reversed')).state).toBe('reversed');
  });

  it('while cancelling, a query that says paid means cancel again; a cancel answer that says paid is a refused reversal', () => {
    expect(run('cancelling', answer('query', 'paid'))).toEqual({
      state: 'cancelling',
      attention: null,
      cancel: true,
    });
    expect(run('cancelling', answer('cancel', 'paid'))).toEqual({
      state: 'paid',
      attention: 'reversal_refused',
      cancel: false,
    });
  });

  it('a pay the platform took no money for (a code refused or expired) leaves the order payable again', () => {
    expect(run('paying', answer('pay', 'created')).state).toBe('created');
    expect(run('paying', answer('query', 'created')).state).toBe('created');
    expect(
      run('created', { kind: 'pay_sent' }, answer('pay', 'created'), { kind: 'pay_sent' }).state,
    ).toBe('paying');
  });

  it('an order the back office never received: created stays created (create again); cancelling ends cancelled; paying is failed', () => {
    expect(run('created', answer('query', 'unknown_order')).state).toBe('created');
    expect(run('cancelling', answer('query', 'unknown_order')).state).toBe('cancelled');
    expect(run('paying', answer('query', 'unknown_order')).state).toBe('failed');
  });

  it('is total: every state and event gives a state, and final states never move', () => {
    const events: PaymentEvent[] = [
      { kind: 'pay_sent' },
      { kind: 'abandon' },
      ...(['pay', 'query', 'cancel'] as const).flatMap((to) =>
        ['created', 'paying', 'paid', 'failed', 'cancelled', 'reversed', 'unknown_order'].map(
          (state) => answer(to, state),
        ),
      ),
    ];
    for (const state of PAYMENT_STATES)
      for (const event of events) {
        const next = transition(state, event);
        expect(PAYMENT_STATES).toContain(next.state);
        if (isFinal(state)) expect(next.state).toBe(state);
      }
  });
});

describe('a 付款码 from the scanner', () => {
  const isId = (v: string) => checkIdNumber(v, '2026-06-15') === null;
  it('takes WeChat, Alipay and UnionPay codes', () => {
    expect(checkPaymentCode('134567890123456789', isId)).toEqual({
      ok: true,
      code: '134567890123456789',
    });
    expect(checkPaymentCode(' 2856781234567890 ', isId)).toEqual({
      ok: true,
      code: '2856781234567890',
    });
    expect(checkPaymentCode('6212345678901234567', isId).ok).toBe(true);
  });
  it('names a URL and an identity number as what they are, and refuses garbage', () => {
    expect(checkPaymentCode('https://pay.example/qr/123', isId)).toEqual({
      ok: false,
      problem: 'url',
    });
    expect(checkPaymentCode('110105198806150032', isId)).toEqual({
      ok: false,
      problem: 'id_number',
    });
    for (const garbage of [
      '',
      '12345',
      '99999999999999999999',
      'ABCDEF1234567890',
      '16456789012345678',
    ])
      expect(checkPaymentCode(garbage, isId)).toEqual({ ok: false, problem: 'not_a_code' });
  });
  it('counts money in whole fen', () => {
    expect(toFen(120)).toBe(12000);
    expect(toFen(0.1 + 0.2)).toBe(30);
  });
});
