import { Client } from '@hubspot/api-client';
import type { SandboxOptions } from '../../../scripts/sandbox/sandbox-options';
import { startSandbox, type Sandbox } from '../../../scripts/sandbox/start-sandbox';

export const testSecret = 'test-client-secret';
export const testAppId = '424242';
export const testToken = 'test-token';
export const testPortalId = '62515';

/** A sandbox on a random port with test credentials; limits off unless a test asks for them. */
export function startTestSandbox(overrides: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({
    clientSecret: testSecret,
    appId: testAppId,
    accessToken: testToken,
    portalId: testPortalId,
    rateLimit: null,
    searchRateLimit: null,
    ...overrides,
  });
}

/** The real SDK, pointed at the sandbox. */
export function sdkClient(sandbox: Sandbox, accessToken = testToken): Client {
  return new Client({ accessToken, basePath: sandbox.url });
}

/** Plain HTTP for checking what the SDK hides (headers, exact bodies). */
export async function call(sandbox: Sandbox, method: string, path: string, body?: unknown, token: string | null = testToken) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
