import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface CapturedMail {
  from: string;
  to: string[];
  /** The message as sent after DATA: headers, blank line, body (dot-stuffing undone). */
  data: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` */
  url: string;
  messages: CapturedMail[];
  /** How many of the next MAIL commands to refuse with 451 (a temporary failure). */
  failNext: number;
  close(): Promise<void>;
}

/**
 * The smallest SMTP server nodemailer will talk to, on node:net and 127.0.0.1: it greets (220),
 * answers EHLO, MAIL, RCPT and anything else with 250, DATA with 354, captures the message up to
 * the lone dot, and says goodbye (221) to QUIT. `failNext` makes MAIL fail with 451.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const sockets = new Set<Socket>();
  const smtp: TestSmtpServer = {
    url: '',
    messages: [],
    failNext: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    let buffer = '';
    let mail: Omit<CapturedMail, 'data'> | null = null;
    let data: string | null = null;
    socket.write('220 kepai-test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line !== '.') data += `${line.startsWith('.') ? line.slice(1) : line}\r\n`;
          else {
            if (mail !== null) smtp.messages.push({ ...mail, data });
            data = null;
            mail = null;
            socket.write('250 2.0.0 queued\r\n');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL' && smtp.failNext > 0) {
          smtp.failNext--;
          socket.write('451 4.3.0 mailbox busy, try again later\r\n');
        } else if (verb === 'MAIL') {
          mail = { from: line.slice(10), to: [] };
          socket.write('250 2.1.0 ok\r\n');
        } else if (verb === 'RCPT') {
          mail?.to.push(line.slice(8));
          socket.write('250 2.1.5 ok\r\n');
        } else if (verb === 'DATA') {
          data = '';
          socket.write('354 end data with <CR><LF>.<CR><LF>\r\n');
        } else if (verb === 'QUIT') socket.end('221 2.0.0 bye\r\n');
        else socket.write('250 kepai-test\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp.url = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return smtp;
}

/** A header of a captured message, unfolded, with its MIME encoded-words decoded. */
export function header(mail: CapturedMail, name: string): string | null {
  const head = mail.data.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (line === undefined) return null;
  const value = line.slice(name.length + 1).trim();
  // adjacent encoded-words are one run of bytes: the space between them is not part of it
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/(=\?utf-8\?[bq]\?[^?]*\?=)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, encoding, text]) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : quotedPrintable(text.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes);
}

/** The text body of a captured single-part message, its transfer encoding undone. */
export function textBody(mail: CapturedMail): string {
  const [, ...rest] = mail.data.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  const encoding = header(mail, 'Content-Transfer-Encoding')?.toLowerCase() ?? '7bit';
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return quotedPrintable(body).toString('utf8');
  return body;
}
