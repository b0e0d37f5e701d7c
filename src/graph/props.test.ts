import { describe, expect, it } from 'vitest';
import { validateProps } from './props.ts';

const TOKEN = 'SharedAccessSignature sr=amqps%3A%2F%2Fns.servicebus.windows.net%2F&sig=abc&se=4102444800&skn=RootManageSharedAccessKey';
const messages = (cbs: unknown) => validateProps('connection', { cbs }).map((p) => `${p.field}: ${p.message}`);

describe('the cbs connection prop', () => {
  it('accepts a token alone, or with audience, token type and renewal period', () => {
    expect(messages({ token: TOKEN })).toEqual([]);
    expect(messages({ token: TOKEN, audience: 'amqps://ns.servicebus.windows.net/orders', tokenType: 'azure-devices.net:sastoken', renewEveryMs: 1000 })).toEqual([]);
  });

  it('asks to replace the placeholder token the Azure preset ships with', () => {
    expect(messages({ token: '<SharedAccessSignature sr=…&sig=…&se=…&skn=…>' })).toEqual([
      'cbs: cbs.token still holds a placeholder (<SharedAccessSignature sr=…&sig=…&se=…&skn=…>); replace the placeholder with your SAS token',
    ]);
  });

  it('accepts a missing token (a file saved without secrets) and refuses an empty one in plain words', () => {
    expect(messages({ renewEveryMs: 60_000 })).toEqual([]);
    expect(messages({ token: '' })[0]).toMatch(/cbs\.token must be the token to put to "\$cbs".*\(found ""\)/);
  });

  it('refuses a renewal period under a second or not whole', () => {
    expect(messages({ token: TOKEN, renewEveryMs: 999 })).toEqual(['cbs: cbs.renewEveryMs must be a whole number of milliseconds, at least 1000 (found 999)']);
    expect(messages({ token: TOKEN, renewEveryMs: 1500.5 })[0]).toMatch(/at least 1000 \(found 1500\.5\)/);
  });

  it('refuses an empty audience or token type, unknown fields and a value that is not an object', () => {
    expect(messages({ token: TOKEN, audience: '' })).toEqual(['cbs: cbs.audience must be non-empty text, or left out for the default (found "")']);
    expect(messages({ token: TOKEN, tokenType: 7 })[0]).toMatch(/cbs\.tokenType must be non-empty text.*\(found 7\)/);
    expect(messages({ token: TOKEN, expiry: 60 })).toEqual(['cbs: cbs has no field "expiry"; remove it (known: token, audience, tokenType, renewEveryMs)']);
    expect(messages('SharedAccessSignature sr=x')[0]).toMatch(/^cbs: cbs must be an object \{ "token": the SAS token/);
  });
});
