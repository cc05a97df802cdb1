import { describe, expect, it } from 'vitest';
import { readHeader } from './header-value.ts';

describe('readHeader', () => {
  it('reads Fetch headers without case', () => {
    const h = new Headers({ 'x-slack-signature': ' v0=ab ' });
    expect(readHeader(h, 'X-Slack-Signature')).toEqual({ kind: 'value', value: 'v0=ab' });
  });

  it('reports a header sent twice as repeated', () => {
    const h = new Headers();
    h.append('X-Hook-Signature', 'aa');
    h.append('X-Hook-Signature', 'bb');
    expect(readHeader(h, 'x-hook-signature')).toEqual({ kind: 'repeated' });
    expect(readHeader({ 'x-hook-signature': ['aa', 'bb'] }, 'X-Hook-Signature')).toEqual({
      kind: 'repeated',
    });
  });

  it('reads a record, a one-element array and a lookup function', () => {
    expect(readHeader({ 'X-Trello-Webhook': 'abc' }, 'x-trello-webhook')).toEqual({
      kind: 'value',
      value: 'abc',
    });
    expect(readHeader({ 'x-trello-webhook': ['abc'] }, 'X-Trello-Webhook')).toEqual({
      kind: 'value',
      value: 'abc',
    });
    expect(readHeader((n) => (n === 'a' ? 'x' : null), 'a')).toEqual({ kind: 'value', value: 'x' });
  });

  it('treats absent, empty and blank values as missing', () => {
    expect(readHeader({}, 'a')).toEqual({ kind: 'missing' });
    expect(readHeader({ a: '' }, 'a')).toEqual({ kind: 'missing' });
    expect(readHeader({ a: '   ' }, 'a')).toEqual({ kind: 'missing' });
    expect(readHeader({ a: [] }, 'a')).toEqual({ kind: 'missing' });
    expect(readHeader({ a: undefined }, 'a')).toEqual({ kind: 'missing' });
  });

  it('ignores inherited properties of a plain record', () => {
    expect(readHeader({}, 'constructor')).toEqual({ kind: 'missing' });
    expect(readHeader({}, '__proto__')).toEqual({ kind: 'missing' });
  });
});
