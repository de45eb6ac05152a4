import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const format = 'v1:gcm';

/**
 * Encrypts tenant credentials at rest with AES-256-GCM under a key derived (HKDF-SHA256) from
 * ACCORD_SECRET_KEY, so the same secret never serves two purposes. Sealed text:
 * `v1:gcm:<iv base64url>:<ciphertext + tag base64url>`; `open` returns null for anything it cannot
 * authenticate (another key, tampering, another format).
 */
export function credentialsSealer(secretKey: string) {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'accord', 'tenant-credentials', 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${format}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
    },
    open(sealed: string): string | null {
      const parts = sealed.split(':');
      if (parts.length !== 4 || `${parts[0]}:${parts[1]}` !== format) return null;
      try {
        const iv = Buffer.from(parts[2] ?? '', 'base64url');
        const body = Buffer.from(parts[3] ?? '', 'base64url');
        if (iv.length !== 12 || body.length < 16) return null;
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

export type CredentialsSealer = ReturnType<typeof credentialsSealer>;
