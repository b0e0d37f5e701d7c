import { describe, expect, it } from 'vitest';
import { cbsText, readCbsText, sasFields } from './cbsToken.ts';
import { validateProps } from './validate.ts';

const SAS = 'SharedAccessSignature sr=https%3A%2F%2Fns.servicebus.windows.net%2F&sig=abc%2Bdef%3D&se=1767225600&skn=RootManageSharedAccessKey';

describe('the cbs field', () => {
  it('takes a raw SAS token as it is pasted, with or without quotes and spaces around it', () => {
    expect(readCbsText(SAS)).toEqual({ ok: true, value: { token: SAS } });
    expect(readCbsText(`  ${SAS}\n`)).toEqual({ ok: true, value: { token: SAS } });
    expect(readCbsText(JSON.stringify(SAS))).toEqual({ ok: true, value: { token: SAS } });
  });

  it('still takes the JSON object, and empty text means no CBS', () => {
    expect(readCbsText(`{ "token": "${SAS}", "renewEveryMs": 600000 }`)).toEqual({ ok: true, value: { token: SAS, renewEveryMs: 600000 } });
    expect(readCbsText('   ')).toEqual({ ok: true, value: undefined });
    const broken = readCbsText('{ "token": ');
    expect(broken.ok).toBe(false);
  });

  it('refuses a connection string and says what to paste instead', () => {
    const r = readCbsText('Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=abc=');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/connection string.*SharedAccessSignature sr=/) });
  });

  it('accepts what it read: a connection with the pasted token validates', () => {
    const r = readCbsText(SAS);
    expect(r.ok && validateProps('connection', { cbs: r.value })).toEqual([]);
  });

  it('shows a bare token back as the token, anything more as JSON', () => {
    expect(cbsText({ token: SAS })).toBe(SAS);
    expect(cbsText({ token: SAS, renewEveryMs: 600000 })).toContain('"renewEveryMs": 600000');
    expect(cbsText(undefined)).toBe('');
  });

  it('reads the SAS fields without the signature', () => {
    expect(sasFields(SAS)).toEqual({ sr: 'https://ns.servicebus.windows.net/', se: '1767225600', skn: 'RootManageSharedAccessKey' });
  });
});
