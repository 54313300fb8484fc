import { cleanFileName, decodeUploadName, sniffContentType } from './attachments.service';

describe('sniffContentType', () => {
  it.each([
    ['%PDF-1.7\n...', 'application/pdf'],
    [Buffer.from('89504e470d0a1a0a0000', 'hex'), 'image/png'],
    [Buffer.from('ffd8ffe000104a464946', 'hex'), 'image/jpeg'],
    [
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
      'image/webp',
    ],
  ])('recognises %p', (bytes, type) => {
    expect(sniffContentType(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes))).toBe(type);
  });

  it.each(['<html><script>', 'MZ\x90\x00', 'PK\x03\x04', ''])('refuses %p', (text) => {
    expect(sniffContentType(Buffer.from(text, 'latin1'))).toBeNull();
  });
});

describe('file names', () => {
  it('reads UTF-8 names that arrived as latin1, and leaves plain names alone', () => {
    expect(decodeUploadName(Buffer.from('技术说明书.pdf', 'utf8').toString('latin1'))).toBe(
      '技术说明书.pdf',
    );
    expect(decodeUploadName('report.pdf')).toBe('report.pdf');
  });

  it('takes out paths, quotes and control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanFileName('a"b<c>\u0000.pdf')).toBe('abc.pdf');
    expect(cleanFileName('..')).toBe('attachment');
  });
});
