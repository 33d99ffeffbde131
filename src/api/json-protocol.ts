// AWS JSON 1.1 over HTTP (API18 metadata): POST /, X-Amz-Target, application/x-amz-json-1.1,
// errors as {"__type", "message"}. Pure: no sockets here. `serve` adapts node:http to it, and the
// Web Worker exposes `handleWireRequest` through comlink. Never throws: every request, however
// broken, gets an AWS-shaped answer.
import type { SandboxApi } from './handler.ts';
import { AwsError } from './aws-error.ts';
import { WIRE } from '../messages.ts';
import {
  AGENT_ONLY_OPERATIONS, DISCOVERY_TARGET_PREFIX, ECS_TARGET_PREFIX, SANDBOX_TARGET_PREFIX,
  discoveryOperations, ecsOperations, sandboxOperations,
} from './operations/registry.ts';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface WireRequest {
  method: string;
  /** The request target (`/`, `/?x=1`); absent means `/`. */
  path?: string;
  headers: Record<string, string>;
  /** The body as received: its UTF-8 bytes, or text a caller already decoded. */
  body: string | Uint8Array;
  /** Set by a transport that stopped reading because the body passed the size limit. */
  bodyTooLarge?: boolean;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The region named by a SigV4 credential scope (`Credential=AKID/date/REGION/service/aws4_request`). */
export function regionFromAuthorization(authorization: string | undefined): string | undefined {
  const m = authorization && /Credential=[^/,\s]+\/[0-9]{8}\/([a-z0-9-]+)\//.exec(authorization);
  return m ? m[1] : undefined;
}

const lowerCaseKeys = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** True when the handler would find an operation for `target` (it may still refuse an agent-only one). */
function isKnownTarget(target: string): boolean {
  const dot = target.indexOf('.');
  const prefix = dot < 0 ? target : target.slice(0, dot);
  const name = dot < 0 ? '' : target.slice(dot + 1);
  if (prefix === ECS_TARGET_PREFIX) return Object.hasOwn(ecsOperations, name) || AGENT_ONLY_OPERATIONS.includes(name);
  if (prefix === DISCOVERY_TARGET_PREFIX) return Object.hasOwn(discoveryOperations, name);
  if (prefix === SANDBOX_TARGET_PREFIX) return Object.hasOwn(sandboxOperations, name);
  return false;
}

/** Only `/` (with or without a query string) is the endpoint; JSON 1.1 puts the operation in a header. */
const isRootPath = (path: string | undefined) => path === undefined || path === '/' || path.startsWith('/?');

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export class JsonProtocol {
  private requestCount = 0;

  constructor(private readonly api: SandboxApi, private readonly maxBodyBytes: number) {}

  /** Request ids are a counter, never a draw from the document's id stream, so wire calls replay identically. */
  private nextRequestId(): string {
    const n = (++this.requestCount).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n}`;
  }

  handle(request: WireRequest): WireResponse {
    const requestId = this.nextRequestId();
    let target = '';
    try {
      const headers = lowerCaseKeys(request.headers ?? {});
      target = headers['x-amz-target'] ?? '';
      // AWS Common Errors: UnknownOperationException, HTTP 404 — nothing but `POST /` is an operation.
      if (String(request.method).toUpperCase() !== 'POST' || !isRootPath(request.path)) {
        throw new AwsError('UnknownOperationException', WIRE.methodNotAllowed, 404);
      }
      // AWS Common Errors: RequestEntityTooLargeException, HTTP 413. Size in bytes as the socket delivered them.
      const bytes = typeof request.body === 'string' ? undefined : request.body;
      const size = bytes ? bytes.byteLength : new TextEncoder().encode(request.body as string).byteLength;
      if (request.bodyTooLarge || size > this.maxBodyBytes) {
        throw new AwsError('RequestEntityTooLargeException', WIRE.bodyTooLarge(this.maxBodyBytes), 413);
      }
      // Coral resolves the operation before it reads the body: an unknown target wins over bad JSON.
      if (!target) throw new AwsError('UnknownOperationException', WIRE.missingTarget);
      if (!isKnownTarget(target)) throw new AwsError('UnknownOperationException', WIRE.unknownOperation(target));
      let text: string;
      try {
        text = bytes ? utf8.decode(bytes) : (request.body as string);
      } catch {
        throw new AwsError('SerializationException', WIRE.invalidUtf8);
      }
      let input: unknown = {};
      if (text.trim() !== '') {
        try {
          input = JSON.parse(text);
        } catch (error) {
          throw new AwsError('SerializationException', WIRE.malformedJson((error as Error).message));
        }
      }
      // semantics 1.1: the region is the SigV4 credential scope's; unsigned calls go to us-east-1.
      const region = regionFromAuthorization(headers['authorization']);
      const { output } = this.api.call(target, input, { region });
      return {
        status: 200,
        headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId },
        body: JSON.stringify(output),
      };
    } catch (error) {
      return this.errorResponse(error, target, requestId);
    }
  }

  /** The reply for a request the transport gave up on before it had a body (a stalled upload). */
  timedOut(): WireResponse {
    return this.errorResponse(new AwsError('RequestTimeoutException', WIRE.requestTimeout, 408), '', this.nextRequestId());
  }

  private errorResponse(error: unknown, target: string, requestId: string): WireResponse {
    const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
    // Route 53 Auto Naming's error shapes name the member `Message`; ECS's name it `message`. The SDKs
    // and botocore read either, but a client that reads the modelled member needs the right case.
    const messageKey = target.startsWith(`${DISCOVERY_TARGET_PREFIX}.`) ? 'Message' : 'message';
    return {
      status: e.httpStatus,
      headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': e.code },
      body: JSON.stringify({ __type: e.code, [messageKey]: e.message }),
    };
  }

  /** The fetch-style form: (Request) => Promise<Response>. */
  async fetch(request: Request): Promise<Response> {
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const url = new URL(request.url, 'http://localhost');
    const body = new Uint8Array(await request.arrayBuffer());
    const reply = this.handle({ method: request.method, path: url.pathname + url.search, headers, body });
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  }
}
