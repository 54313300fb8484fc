/** The api's limits on attachments (AttachmentsService). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'];
/** For the file picker: the same types by extension too (some systems give no MIME type). */
export const ATTACHMENT_ACCEPT = `${ATTACHMENT_TYPES.join(',')},.pdf,.png,.jpg,.jpeg,.webp`;

const EXTENSIONS = /\.(pdf|png|jpe?g|webp)$/i;

/** Why a file cannot be attached, or null: the api checks the bytes, this checks first. */
export function attachmentIssue(
  file: { name: string; type: string; size: number },
  attachedAlready: number,
): 'count' | 'type' | 'size' | 'empty' | null {
  if (attachedAlready >= MAX_ATTACHMENTS) return 'count';
  const typed =
    file.type === '' ? EXTENSIONS.test(file.name) : ATTACHMENT_TYPES.includes(file.type);
  if (!typed) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return null;
}

/** A file size in KB or MB, one decimal. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
