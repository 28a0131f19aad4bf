import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { ConnectorError, type ConnectorCall, type DigitalPostLetter } from '@indgang/domain';
import { createTestApp, type TestApp } from '../../testing/createTestApp';
import {
  DELIVERY_DELAY_MS,
  SIMULATED_RECIPIENTS,
  type SimulatedMessage,
} from '../../simulators/digitalPost/sf1601Simulator';
import { EXAMPLE_SENDER, messageUuidFor } from './sf1601Client';

const targets = await testDatabaseTargets();
// The client and the simulator need no database; one target is enough for the contract.
const target = targets[0]!;

const letter = (overrides: Partial<DigitalPostLetter> = {}): DigitalPostLetter => ({
  recipientCpr: '0003851234',
  label: 'Ansættelsesbrev',
  legalNotification: true,
  mandatory: false,
  document: { fileName: 'S-2026-000001-brev.pdf', content: Buffer.from('%PDF-1.7\n%%EOF\n'), language: 'da' },
  caseNumber: 'S-2026-000001',
  createdAt: '2026-03-02T09:00:00.000Z',
  ...overrides,
});

let n = 0;
/** A call as a job makes it: a key per piece of work, the same on every retry. */
const call = (key = `step-${(n += 1)}`): ConnectorCall => ({
  key,
  caseId: 'case-contract',
  signal: new AbortController().signal,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`Digital Post (SF1601) against its simulator on ${target.name}`, () => {
  let t: TestApp;
  const messages = () => t.simulators.stores.get('digitalPost')!.list<SimulatedMessage>('messages');
  const received = (uuid: string) => messages().filter((m) => m.messageUuid === uuid);
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => error,
    );

  beforeAll(async () => {
    t = await createTestApp(target);
  });
  afterAll(() => t.close());
  afterEach(() => t.simulators.faults.clear());

  it('sends a letter, answers its message UUID (derived from the call key), and reads it delivered after the delay', async () => {
    const c = call();
    const { messageUuid } = await t.connectors.digitalPost.send(letter(), c);
    expect(messageUuid).toBe(messageUuidFor(EXAMPLE_SENDER, c));
    expect(received(messageUuid)).toEqual([
      expect.objectContaining({
        kombiValgKode: 'Automatisk Valg',
        senderCvr: EXAMPLE_SENDER.cvr,
        recipient: '0003851234',
        label: 'Ansættelsesbrev',
        legalNotification: true,
        mandatory: false,
        files: [{ filename: 'S-2026-000001-brev.pdf', encodingFormat: 'application/pdf', bytes: 15 }],
      }),
    ]);
    expect(await t.connectors.digitalPost.status({ messageUuid }, call())).toEqual({
      status: 'pending',
      at: null,
      reason: null,
    });
    await sleep(DELIVERY_DELAY_MS + 100);
    expect(await t.connectors.digitalPost.status({ messageUuid }, call())).toMatchObject({
      status: 'delivered',
      at: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('sends the same message on a retry under the same key: Digital Post keeps one', async () => {
    const c = call();
    const first = await t.connectors.digitalPost.send(letter(), c);
    const again = await t.connectors.digitalPost.send(letter(), {
      ...c,
      signal: new AbortController().signal,
    });
    expect(again.messageUuid).toBe(first.messageUuid);
    expect(received(first.messageUuid)).toHaveLength(1);
    // Another key is another letter.
    const other = await t.connectors.digitalPost.send(letter(), call());
    expect(other.messageUuid).not.toBe(first.messageUuid);
  });

  it('after a lost answer, the retry is the same message, received once', async () => {
    t.simulators.faults.plan({
      system: 'digitalPost',
      operation: 'kombiPostAfsend',
      fault: 'lost_answer',
      times: 1,
    });
    const c = call();
    const lost = await rejection(t.connectors.digitalPost.send(letter(), c));
    expect(lost).toBeInstanceOf(ConnectorError);
    expect((lost as ConnectorError).outcome).toBe('transient');
    const uuid = messageUuidFor(EXAMPLE_SENDER, c);
    expect(received(uuid)).toHaveLength(1); // it did arrive
    const retried = await t.connectors.digitalPost.send(letter(), c);
    expect(retried.messageUuid).toBe(uuid);
    expect(received(uuid)).toHaveLength(1);
  });

  it('times out when the service does not answer, and is unavailable when it says so', async () => {
    t.simulators.faults.plan({
      system: 'digitalPost',
      operation: 'kombiPostAfsend',
      fault: 'timeout',
      times: 1,
    });
    const timedOut = await rejection(t.connectors.digitalPost.send(letter(), call()));
    expect(timedOut).toMatchObject({ outcome: 'timeout' });
    t.simulators.faults.plan({
      system: 'digitalPost',
      operation: 'postStatus',
      fault: 'unavailable',
      times: 1,
    });
    const down = await rejection(
      t.connectors.digitalPost.status({ messageUuid: '6f1c1e0b-6f63-5a3e-9d1f-2b1f0a7c9e11' }, call()),
    );
    expect(down).toMatchObject({ outcome: 'transient', code: 'http_503' });
  });

  it('prints and posts the letter of a recipient exempt from Digital Post', async () => {
    const { messageUuid } = await t.connectors.digitalPost.send(
      letter({ recipientCpr: SIMULATED_RECIPIENTS.exempt }),
      call(),
    );
    expect(received(messageUuid)[0]!.channel).toBe('Fysisk Post');
    await sleep(DELIVERY_DELAY_MS + 100);
    expect(await t.connectors.digitalPost.status({ messageUuid }, call())).toMatchObject({
      status: 'exempt_printed',
      reason: 'Afleveret til print og kuvertering',
    });
  });

  it('reads a letter to a person CPR does not know as failed, with the reason', async () => {
    const { messageUuid } = await t.connectors.digitalPost.send(
      letter({ recipientCpr: SIMULATED_RECIPIENTS.unknown }),
      call(),
    );
    await sleep(DELIVERY_DELAY_MS + 100);
    expect(await t.connectors.digitalPost.status({ messageUuid }, call())).toMatchObject({
      status: 'failed',
      reason: 'Modtageren findes ikke i CPR. (1001)',
    });
  });

  it('refuses a letter that breaks MeMo before sending it, in Danish and English', async () => {
    const before = messages().length;
    const refused = await rejection(
      t.connectors.digitalPost.send(letter({ recipientCpr: '000385-1234', label: '' }), call()),
    );
    expect(refused).toMatchObject({
      outcome: 'refused',
      code: 'memo_invalid',
      text: {
        da: expect.stringContaining('Message/MessageHeader/label er tom'),
        en: expect.stringContaining(
          'Message/MessageHeader/Recipient/recipientID must be a CPR number of 10 digits',
        ),
      },
    });
    // The CPR number itself never reaches the error text.
    expect(JSON.stringify(refused)).not.toContain('000385-1234');
    expect(messages().length).toBe(before);
  });

  it('passes on the service refusal in its own words: a real CPR number, a UUID reused for other content', async () => {
    const real = await rejection(
      t.connectors.digitalPost.send(letter({ recipientCpr: '1503851234' }), call()),
    );
    expect(real).toMatchObject({
      outcome: 'refused',
      code: 'UKENDT_MODTAGER',
      systemText: 'Testmiljøet modtager kun post til fiktive CPR-numre (dag 00).',
    });
    const c = call();
    await t.connectors.digitalPost.send(letter(), c);
    const reused = await rejection(t.connectors.digitalPost.send(letter({ label: 'Et andet brev' }), c));
    expect(reused).toMatchObject({ outcome: 'refused', code: 'DUBLET_MESSAGEUUID' });
  });

  it('the simulator checks MeMo itself and answers a kombi_response refusal in Danish', async () => {
    const response = await fetch(`${t.simulators.url}/sf1601/service/KombiPostAfsend_1/kombi`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-transaktionsid': 'a1b2' },
      body: `<kombi_request><KombiValgKode>Digital Post</KombiValgKode>
        <memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.2">
          <memo:MessageHeader><memo:messageType>DIGITALPOST</memo:messageType></memo:MessageHeader>
        </memo:Message></kombi_request>`,
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('<Result>false</Result>');
    expect(body).toContain('<FejlId>MEMO_VALIDERINGSFEJL</FejlId>');
    expect(body).toContain('Message/MessageHeader/messageUUID mangler (påkrævet i MeMo)');
    const noHeader = await fetch(`${t.simulators.url}/sf1601/service/KombiPostAfsend_1/kombi`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<kombi_request/>',
    });
    expect(await noHeader.text()).toContain('Headeren x-TransaktionsId mangler.');
  });
});
