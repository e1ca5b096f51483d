// A real SMTP server on a loopback port for tests (the smtp-server package), keeping every message it accepts.
import { once } from 'node:events';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './postgres.js';

export interface ReceivedMail {
  /** The addresses of RCPT TO: who the mail server would deliver to, whatever the headers say. */
  recipients: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Refused deliveries so far (answered `451` while `refusing`). */
  refusals: number;
  /** Answer every message with `451 Try again later` (a mail server in trouble) until set back to false. */
  refusing: boolean;
  /** Messages after this many are kept waiting for their answer (a slow mail server) until `release`. */
  holdAfter?: number;
  /** Messages kept waiting now. */
  holding: number;
  /** Answers the waiting messages and stops holding. */
  release(): void;
  /** Resolves when `count` messages are kept waiting. */
  waitForHolding(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves when `count` messages have arrived in all; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Resolves when `count` deliveries have been refused in all. */
  waitForRefusals(count: number, timeoutMs?: number): Promise<void>;
  /** Stops listening (connections are then refused), and `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  let server: SMTPServer | undefined;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((check) => check());
  let released: () => void = () => undefined;
  let gate = Promise.resolve();
  const smtp: TestSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    received: [],
    refusals: 0,
    refusing: false,
    holding: 0,
    release() {
      smtp.holdAfter = undefined;
      released();
    },
    waitForHolding: (count, timeoutMs = 20_000) => until(() => smtp.holding >= count, timeoutMs, `${count} messages held`),
    waitFor: (count, timeoutMs = 20_000) => until(() => smtp.received.length >= count, timeoutMs, `${count} messages (got ${smtp.received.length})`).then(() => smtp.received),
    waitForRefusals: (count, timeoutMs = 20_000) => until(() => smtp.refusals >= count, timeoutMs, `${count} refusals (got ${smtp.refusals})`),
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', async () => {
            if (smtp.holdAfter !== undefined && smtp.received.length >= smtp.holdAfter) {
              if (smtp.holding === 0) gate = new Promise((resolve) => (released = resolve));
              smtp.holding += 1;
              wake();
              await gate;
              smtp.holding -= 1;
            }
            if (smtp.refusing) {
              smtp.refusals += 1;
              wake();
              return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            }
            const raw = Buffer.concat(chunks).toString('utf8');
            simpleParser(raw).then((parsed) => {
              smtp.received.push({ recipients: session.envelope.rcptTo.map((to) => to.address), raw, parsed });
              wake();
              callback();
            }, callback);
          });
        },
      });
      server.listen(port, '127.0.0.1');
      await once(server.server, 'listening');
    },
  };
  function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`SMTP server: timed out waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }
  await smtp.start();
  return smtp;
}
