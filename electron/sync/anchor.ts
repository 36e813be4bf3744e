import { sign, type KeyObject } from 'node:crypto';

/**
 * The audit anchor in the heartbeat, signed with the kiosk's TLS client key:
 * the back office can later show that this kiosk itself said "my audit log
 * had entry SEQ with hash HASH at AT", even if its own records are
 * questioned. The signed text is four lines, documented in docs/DEVICES.md's
 * back-office section: `police-kiosk audit anchor v1`, kiosk id, time, `SEQ:HASH`.
 */
export const anchorText = (
  kioskId: string,
  at: string,
  audit: { readonly seq: number; readonly hash: string },
): string => `police-kiosk audit anchor v1\n${kioskId}\n${at}\n${audit.seq}:${audit.hash}`;

/** Base64 signature (SHA-256 with the key's own algorithm: ECDSA or RSA). */
export const signAnchor = (
  privateKey: KeyObject,
  kioskId: string,
  at: string,
  audit: { readonly seq: number; readonly hash: string },
): string =>
  sign('sha256', Buffer.from(anchorText(kioskId, at, audit), 'utf8'), privateKey).toString(
    'base64',
  );
