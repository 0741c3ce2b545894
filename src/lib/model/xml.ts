/** XML text for the exports (TEI, the feed) and the share cards (SVG): one escaping for all. */

/**
 * Escape text for XML content and attribute values; control characters XML 1.0 forbids are dropped.
 *
 * @param text raw text.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
