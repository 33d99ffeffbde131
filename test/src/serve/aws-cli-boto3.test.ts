// The aws CLI and boto3, unmodified, against `serve`. Both are optional on a developer machine: when
// one is missing its test does not run, and the run says so loudly.
import { execFile, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, DISCOVERY, SERVICES } from '../../../src/messages.ts';
import { startTestServer, type TestServer } from '../../builders/serve.ts';

const probe = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0;
};
const HAS_AWS_CLI = probe('aws', ['--version']);
const HAS_BOTO3 = probe('python3', ['-c', 'import boto3']);

function warnLoudly(what: string, install: string) {
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! ${what} is not installed: its real-client test does NOT run on this machine.\n!! ${install}\n${bar}\n`);
}
if (!HAS_AWS_CLI) warnLoudly('The aws CLI (`aws`)', 'Install it (e.g. `pip install awscli`) to exercise `aws ecs … --endpoint-url`.');
if (!HAS_BOTO3) warnLoudly('boto3 (`python3 -c "import boto3"`)', 'Install it (`pip install boto3`) to exercise boto3 against serve.');

// Dummy credentials and no user configuration: the test must not depend on ~/.aws.
const AWS_ENV = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIDSANDBOX',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/nonexistent/ecs-sandbox/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ecs-sandbox/credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a child process without blocking the event loop: the server under test lives in this process. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8', env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

async function aws(...args: string[]): Promise<{ status: number | null; json: any; stderr: string }> {
  const r = await run('aws', ['ecs', ...args, '--endpoint-url', server.url, '--output', 'json'], AWS_ENV);
  let json: unknown;
  try {
    json = r.stdout.trim() ? JSON.parse(r.stdout) : undefined;
  } catch {
    json = r.stdout;
  }
  return { status: r.status, json, stderr: r.stderr };
}

describe('the aws CLI against serve', () => {
  it.skipIf(!HAS_AWS_CLI)('creates a cluster, registers a task definition, creates, describes, updates and deletes a service', async () => {
    const cluster = await aws('create-cluster', '--cluster-name', 'cli-demo');
    expect(cluster.status, cluster.stderr).toBe(0);
    expect(cluster.json.cluster).toMatchObject({ clusterName: 'cli-demo', status: 'ACTIVE' });

    const td = await aws('register-task-definition', '--family', 'web', '--container-definitions',
      JSON.stringify([{ name: 'web', image: 'nginx:1.13', memory: 256, portMappings: [{ containerPort: 80 }] }]));
    expect(td.status, td.stderr).toBe(0);
    expect(td.json.taskDefinition).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1', family: 'web', revision: 1, status: 'ACTIVE',
    });

    const created = await aws('create-service', '--cluster', 'cli-demo', '--service-name', 'web', '--task-definition', 'web', '--desired-count', '2');
    expect(created.status, created.stderr).toBe(0);
    expect(created.json.service).toMatchObject({
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/web', serviceName: 'web', status: 'ACTIVE', desiredCount: 2,
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
    });
    expect(created.json.service.deployments).toHaveLength(1);

    const described = await aws('describe-services', '--cluster', 'cli-demo', '--services', 'web');
    expect(described.status, described.stderr).toBe(0);
    expect(described.json.failures).toEqual([]);
    expect(described.json.services.map((s: { serviceName: string }) => s.serviceName)).toEqual(['web']);

    const updated = await aws('update-service', '--cluster', 'cli-demo', '--service', 'web', '--desired-count', '0');
    expect(updated.status, updated.stderr).toBe(0);
    expect(updated.json.service.desiredCount).toBe(0);

    const deleted = await aws('delete-service', '--cluster', 'cli-demo', '--service', 'web');
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(deleted.json.service).toMatchObject({ serviceName: 'web', status: 'DRAINING' });

    // botocore reads the JSON 1.1 error: the exit status and the message as ECS printed it.
    const missing = await aws('describe-services', '--cluster', 'nowhere', '--services', 'web');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain(`An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: ${CLUSTERS.notFound}`);
    const notFound = await aws('update-service', '--cluster', 'cli-demo', '--service', 'ghost', '--desired-count', '1');
    expect(notFound.stderr).toContain(`(ServiceNotFoundException) when calling the UpdateService operation: ${SERVICES.notFound}`);
  }, 120_000);

  it.skipIf(!HAS_AWS_CLI)('signs for the region it is given, and the sandbox answers in that region', async () => {
    const r = await aws('list-clusters', '--region', 'eu-west-1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.clusterArns).toEqual(['arn:aws:ecs:eu-west-1:123456789012:cluster/default']);
  }, 60_000);
});

// One python script per check; it prints one JSON line that the test compares.
async function python(script: string): Promise<any> {
  const r = await run('python3', ['-c', script], { ...AWS_ENV, ECS_SANDBOX_URL: server.url });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const BOTO3_PRELUDE = `
import json, os, urllib.request
import boto3, botocore.config, botocore.exceptions
URL = os.environ['ECS_SANDBOX_URL']
config = botocore.config.Config(retries={'max_attempts': 0}, inject_host_prefix=False)
ecs = boto3.client('ecs', endpoint_url=URL, region_name='us-east-1', config=config)
def sandbox(op, body):
    req = urllib.request.Request(URL + '/', data=json.dumps(body).encode(), method='POST',
        headers={'X-Amz-Target': 'EcsSandbox.' + op, 'Content-Type': 'application/x-amz-json-1.1'})
    return json.loads(urllib.request.urlopen(req).read())
def error_of(call):
    try:
        call()
    except botocore.exceptions.ClientError as e:
        return [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]
    return None
`;

describe('boto3 against serve', () => {
  it.skipIf(!HAS_BOTO3)('drives the service lifecycle, reads errors, and its waiters succeed with the manual clock', async () => {
    const result = await python(`${BOTO3_PRELUDE}
ecs.create_cluster(clusterName='py')
ecs.register_task_definition(family='api', containerDefinitions=[{'name': 'api', 'image': 'python:3.6', 'memory': 128}])
created = ecs.create_service(cluster='py', serviceName='api', taskDefinition='api:1', desiredCount=0)['service']
ecs.get_waiter('services_stable').wait(cluster='py', services=['api'], WaiterConfig={'Delay': 1, 'MaxAttempts': 3})
ecs.update_service(cluster='py', service='api', desiredCount=0)
deleted = ecs.delete_service(cluster='py', service='api')['service']
sandbox('AdvanceTime', {'seconds': 1})
ecs.get_waiter('services_inactive').wait(cluster='py', services=['api'], WaiterConfig={'Delay': 1, 'MaxAttempts': 3})
final = ecs.describe_services(cluster='py', services=['api'])['services'][0]
print(json.dumps({
  'created': [created['status'], created['desiredCount'], created['createdAt'].year],
  'deleted': deleted['status'],
  'final': final['status'],
  'errors': [
    error_of(lambda: ecs.describe_services(cluster='nowhere', services=['api'])),
    error_of(lambda: ecs.update_service(cluster='py', service='api', desiredCount=1)),
  ],
  'region': boto3.client('ecs', endpoint_url=URL, region_name='sa-east-1', config=config).list_clusters()['clusterArns'],
}))
`);
    expect(result).toEqual({
      created: ['ACTIVE', 0, 2018],
      deleted: 'DRAINING',
      final: 'INACTIVE',
      errors: [
        ['ClusterNotFoundException', CLUSTERS.notFound, 400],
        // semantics 12: UpdateService on an INACTIVE service
        ['ServiceNotActiveException', SERVICES.notActive, 400],
      ],
      region: ['arn:aws:ecs:sa-east-1:123456789012:cluster/default'],
    });
  }, 120_000);

  it.skipIf(!HAS_BOTO3)('reads Route 53 Auto Naming errors (`Message`) through botocore', async () => {
    const result = await python(`${BOTO3_PRELUDE}
sd = boto3.client('servicediscovery', endpoint_url=URL, region_name='us-east-1', config=config)
print(json.dumps(error_of(lambda: sd.get_namespace(Id='ns-doesnotexist0000'))))
`);
    expect(result).toEqual(['NamespaceNotFound', DISCOVERY.namespaceNotFound, 400]);
  }, 60_000);
});
