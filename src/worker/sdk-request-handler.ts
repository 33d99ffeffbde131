// A `requestHandler` for the AWS SDK for JavaScript v3 that sends each request to the sandbox's
// JSON 1.1 endpoint instead of the network: the SDK signs and serialises as it would for AWS, the
// sandbox answers as `serve` would, and nothing leaves the tab. Works with a comlink Remote in the
// page and with the SchedulerService itself in Node.
//
//   new ECSClient({ region, credentials, requestHandler: new SchedulerRequestHandler(client.api) })
import type { SchedulerApi, WireRequest, WireResponse } from './scheduler-api.ts';

/** The members of the SDK's HttpRequest (@smithy/types) this handler reads. */
export interface SdkHttpRequest {
  method: string;
  path?: string;
  query?: Record<string, string | (string | null)[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** Structurally the SDK's HttpResponse: the SDK checks `statusCode` and `headers`, and collects a Uint8Array body. */
export interface SdkHttpResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export class SchedulerRequestHandler {
  readonly metadata = { handlerProtocol: 'ecs-sandbox-worker' };

  constructor(private readonly scheduler: Pick<SchedulerApi, 'request'>) {}

  async handle(request: SdkHttpRequest, options: { abortSignal?: { aborted: boolean } } = {}): Promise<{ response: SdkHttpResponse }> {
    if (options.abortSignal?.aborted) {
      const error = new Error('Request aborted');
      error.name = 'AbortError';
      throw error;
    }
    const reply = await this.scheduler.request(toWireRequest(request));
    return { response: toSdkHttpResponse(reply) };
  }

  // The SDK's HttpHandler surface; there is nothing to configure or release.
  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {}
}

export function toWireRequest(request: SdkHttpRequest): WireRequest {
  return { method: request.method, path: pathOf(request), headers: { ...request.headers }, body: bodyOf(request.body) };
}

export function toSdkHttpResponse(reply: WireResponse): SdkHttpResponse {
  // HTTP header names are case-insensitive and the SDK reads them lower-cased (x-amzn-requestid, …).
  const headers = Object.fromEntries(Object.entries(reply.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { statusCode: reply.status, headers, body: new TextEncoder().encode(reply.body) };
}

function pathOf(request: SdkHttpRequest): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v ?? '');
  }
  const search = query.toString();
  return (request.path || '/') + (search ? `?${search}` : '');
}

function bodyOf(body: unknown): string | Uint8Array {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('ecs-sandbox: streaming request bodies are not supported; JSON 1.1 bodies are strings');
}
