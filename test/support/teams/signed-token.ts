import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nock from 'nock';

/** Where botbuilder reads the Bot Connector's signing keys (botframework-connector's AuthenticationConstants). */
export const OPENID_HOST = 'https://login.botframework.com';
const OPENID_PATH = '/v1/.well-known/openidconfiguration';
const JWKS_PATH = '/v1/.well-known/keys';
/** The issuer of every token the Bot Connector sends to a bot. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The public half, as the JWKS publishes it (with Teams' endorsement). */
  readonly jwk: Record<string, unknown>;
}

/** A local RSA key standing in for one of the Bot Connector's signing keys. */
export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, n, e, endorsements: ['msteams'] } };
}

/** Serve the OpenID metadata and its JWKS with these keys (nock, persisting). */
export function interceptOpenIdMetadata(keys: readonly SigningKey[]): void {
  nock(OPENID_HOST)
    .persist()
    .get(OPENID_PATH)
    .reply(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${OPENID_HOST}${JWKS_PATH}`, id_token_signing_alg_values_supported: ['RS256'] })
    .get(JWKS_PATH)
    .reply(200, { keys: keys.map((k) => k.jwk) });
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A channel token (RS256) as the Bot Connector signs it; `claims` override the defaults. */
export function channelToken(key: SigningKey, claims: { aud: string; serviceurl: string } & Record<string, unknown>, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const header = b64url({ alg: 'RS256', typ: 'JWT', kid: key.kid });
  const payload = b64url({ iss: CHANNEL_ISSUER, nbf: nowSeconds - 60, exp: nowSeconds + 3600, ...claims });
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
