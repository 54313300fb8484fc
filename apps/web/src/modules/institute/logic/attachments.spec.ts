import { MAX_ATTACHMENT_BYTES, attachmentIssue, formatBytes } from './attachments';

describe('attachments checked before upload', () => {
  const pdf = { name: '技术说明.pdf', type: 'application/pdf', size: 2048 };

  it('accepts PDFs and images within the limits', () => {
    expect(attachmentIssue(pdf, 0)).toBeNull();
    expect(attachmentIssue({ name: 'a.webp', type: 'image/webp', size: 1 }, 9)).toBeNull();
    expect(attachmentIssue({ ...pdf, size: MAX_ATTACHMENT_BYTES }, 0)).toBeNull();
  });

  it('refuses an eleventh file, other types, empty and too large files', () => {
    expect(attachmentIssue(pdf, 10)).toBe('count');
    expect(attachmentIssue({ name: 'a.docx', type: 'application/msword', size: 10 }, 0)).toBe(
      'type',
    );
    expect(attachmentIssue({ ...pdf, size: 0 }, 0)).toBe('empty');
    expect(attachmentIssue({ ...pdf, size: MAX_ATTACHMENT_BYTES + 1 }, 0)).toBe('size');
  });

  it('goes by the extension when the browser gives no type', () => {
    expect(attachmentIssue({ name: 'scan.JPG', type: '', size: 10 }, 0)).toBeNull();
    expect(attachmentIssue({ name: 'notes.txt', type: '', size: 10 }, 0)).toBe('type');
  });

  it('writes sizes for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024 + 104_858)).toBe('3.1 MB');
  });
});
