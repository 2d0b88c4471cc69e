// Ed25519 keys for signed reports, with node:crypto only. Keys travel as PEM: PKCS#8 for the
// private key (kept in a CI secret), SPKI for the public key (given to auditors and deploy jobs).
// A key is named by its id: the first 16 hex digits of the SHA-256 of the public key's DER.

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

export interface GeneratedKeyPair {
  /** PKCS#8, PEM. */
  privateKeyPem: string;
  /** SPKI, PEM. */
  publicKeyPem: string;
  keyId: string;
}

export function generateKeyPair(): GeneratedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

/** The id of a public key object (a private key is reduced to its public half first). */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** The id of a PEM public key. */
export function keyId(publicKeyPem: string): string {
  return keyIdOf(loadPublicKey(publicKeyPem));
}

export function loadPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new KeyError(`not a private key in PEM form (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyError(`the private key is ${key.asymmetricKeyType ?? 'of an unknown type'}, cadre signs with Ed25519 keys (cadre keygen)`);
  return key;
}

export function loadPublicKey(pem: string): KeyObject {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) throw new KeyError('this is a private key: verify with the public key (cadre keygen writes both)');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new KeyError(`not a public key in PEM form (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyError(`the public key is ${key.asymmetricKeyType ?? 'of an unknown type'}, cadre reports are signed with Ed25519 keys`);
  return key;
}
