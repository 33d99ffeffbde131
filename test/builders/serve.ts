// A real `serve` endpoint for tests: SandboxApi → JsonProtocol → node:http on 127.0.0.1, port 0,
// with the manual clock and a fixed seed. Start it in beforeAll/beforeEach and close it after.
import { SandboxApi } from '../../src/api/handler.ts';
import { JsonProtocol } from '../../src/api/json-protocol.ts';
import { newDocument, type NewDocumentOptions } from '../../src/domain/new-document.ts';
import { sandboxOperations } from '../../src/api/operations/registry.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/serve/http-server.ts';

export const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
export const SD_TARGET = 'Route53AutoNaming_v20170314';
export const SANDBOX_TARGET = 'EcsSandbox';
export const JSON_11 = 'application/x-amz-json-1.1';

/** Dummy credentials: any work (D1). The region comes from the SigV4 scope the SDK signs. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' };

export interface TestServer {
  api: SandboxApi;
  http: RunningHttpServer;
  url: string;
  /** A raw POST / with the JSON 1.1 headers; `body` is sent as given (string or bytes). */
  post(target: string | undefined, body: string | Uint8Array, headers?: Record<string, string>): Promise<RawReply>;
  /** The whole simulated state, for before/after comparisons. */
  state(): Promise<string>;
  /** Calls `<target>` with a JSON input; returns the parsed reply. */
  call(target: string, input?: unknown, region?: string): Promise<RawReply>;
  close(): Promise<void>;
}

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface TestServerOptions extends NewDocumentOptions {
  bodyIdleTimeoutMs?: number;
  headersTimeoutMs?: number;
}

/** A SigV4-looking Authorization header whose credential scope names `region` (the signature is not checked). */
export const fakeAuthorization = (region: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20180522/${region}/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { bodyIdleTimeoutMs, headersTimeoutMs, ...doc } = options;
  const api = new SandboxApi({ document: newDocument({ seed: 42, clock: 'manual', ...doc }) });
  const protocol = new JsonProtocol(api, api.era.maxRequestBodyBytes);
  const http = await startHttpServer(protocol, {
    host: '127.0.0.1', port: 0, maxBodyBytes: api.era.maxRequestBodyBytes, bodyIdleTimeoutMs, headersTimeoutMs,
  });
  const post = async (target: string | undefined, body: string | Uint8Array, headers: Record<string, string> = {}) => {
    const res = await fetch(`${http.url}/`, {
      method: 'POST',
      headers: { 'content-type': JSON_11, ...(target === undefined ? {} : { 'x-amz-target': target }), ...headers },
      body: body as BodyInit,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    api,
    http,
    url: http.url,
    post,
    call: (target, input = {}, region) =>
      post(target, JSON.stringify(input), region ? { authorization: fakeAuthorization(region) } : {}),
    state: async () => {
      // Through the wire when the sandbox can export itself; the document itself until then.
      if (Object.hasOwn(sandboxOperations, 'ExportScenario')) {
        const reply = await post(`${SANDBOX_TARGET}.ExportScenario`, '{}');
        if (reply.status !== 200) throw new Error(`ExportScenario failed: ${reply.text}`);
        return reply.text;
      }
      return JSON.stringify(api.document);
    },
    close: () => http.close(),
  };
}

export interface PlantedTask {
  clusterName: string;
  taskDefinitionArn: string;
  /** The UUID of a container instance (the last part of its ARN); none for a task on no instance. */
  containerInstanceId?: string;
  /** `service:<name>` for a service's task (semantics 3.2). */
  group: string;
  /** The id of the deployment that owns the task, for a service's task. */
  startedBy?: string;
  lastStatus?: 'PENDING' | 'RUNNING';
  region?: string;
}

/**
 * Puts one task into the sandbox the way a scenario file would: ExportScenario, add the task record,
 * ImportScenario (the scheduler would start it at a step; this does not need the scheduler).
 * Returns the task's id (the last part of its ARN).
 */
export async function plantTask(server: TestServer, task: PlantedTask): Promise<string> {
  const exported = await server.post(`${SANDBOX_TARGET}.ExportScenario`, '{}');
  if (exported.status !== 200) throw new Error(`ExportScenario failed: ${exported.text}`);
  const scenario = exported.json.scenario;
  const region = scenario.regions[task.region ?? 'us-east-1'];
  const id = `7a5c0000-0000-4000-8000-${String(region.tasks.length + 1).padStart(12, '0')}`;
  const now = scenario.clock.nowMs;
  const { region: _, lastStatus = 'RUNNING', ...rest } = task;
  region.tasks.push({
    id, ...rest, lastStatus, desiredStatus: 'RUNNING', launchType: 'EC2', createdAt: now,
    ...(lastStatus === 'RUNNING' ? { startedAt: now } : {}), version: 1, hostPorts: [],
  });
  const imported = await server.post(`${SANDBOX_TARGET}.ImportScenario`, JSON.stringify({ scenario }));
  if (imported.status !== 200) throw new Error(`ImportScenario failed: ${imported.text}`);
  return id;
}
