// AWS JSON 1.1 over HTTP (API18 metadata): POST /, X-Amz-Target, application/x-amz-json-1.1,
// errors as {"__type", "message"}. Pure: no sockets here. `serve` adapts node:http to it, and the
// Web Worker exposes `handleWireRequest` through comlink.
import type { SandboxApi } from './handler.ts';
import { AwsError } from './aws-error.ts';
import { WIRE } from './messages.ts';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface WireRequest {
  method: string;
  headers: Record<string, string>;
  body: string;
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
    try {
      const headers = lowerCaseKeys(request.headers);
      if (request.method.toUpperCase() !== 'POST') {
        throw new AwsError('UnknownOperationException', WIRE.methodNotAllowed);
      }
      // Size in UTF-8 bytes, as the socket delivered them.
      if (new TextEncoder().encode(request.body).length > this.maxBodyBytes) {
        throw new AwsError('RequestEntityTooLargeException', WIRE.bodyTooLarge(this.maxBodyBytes), 413);
      }
      const target = headers['x-amz-target'];
      if (!target) throw new AwsError('UnknownOperationException', WIRE.missingTarget);
      let input: unknown = {};
      if (request.body.trim() !== '') {
        try {
          input = JSON.parse(request.body);
        } catch (error) {
          throw new AwsError('SerializationException', WIRE.malformedJson((error as Error).message));
        }
      }
      const region = regionFromAuthorization(headers['authorization']);
      const { output } = this.api.call(target, input, { region });
      return {
        status: 200,
        headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId },
        body: JSON.stringify(output),
      };
    } catch (error) {
      const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
      return {
        status: e.httpStatus,
        headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId, 'x-amzn-errortype': e.code },
        body: JSON.stringify({ __type: e.code, message: e.message }),
      };
    }
  }

  /** The fetch-style form: (Request) => Promise<Response>. */
  async fetch(request: Request): Promise<Response> {
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const reply = this.handle({ method: request.method, headers, body: await request.text() });
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  }
}
