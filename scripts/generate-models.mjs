// Writes the API models the handler validates against, without their documentation strings.
// ECS: AWS's model of 2018-05-22 from ../shared/spec (the source of truth for shapes and enums).
// Route 53 Auto Naming: botocore's servicediscovery model, cut down to the 2018 operations we serve.
// Run: node scripts/generate-models.mjs [path-to-servicediscovery-service-2.json(.gz)]
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function stripDocs(value) {
  if (Array.isArray(value)) return value.map(stripDocs);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'documentation' || k === 'documentationUrl' || k === 'examples') continue;
      out[k] = stripDocs(v);
    }
    return out;
  }
  return value;
}

function keepOperations(model, names) {
  const operations = Object.fromEntries(names.map((n) => [n, model.operations[n]]));
  const shapes = {};
  const visit = (name) => {
    if (!name || shapes[name]) return;
    const shape = model.shapes[name];
    shapes[name] = shape;
    for (const m of Object.values(shape.members ?? {})) visit(m.shape);
    visit(shape.member?.shape); visit(shape.key?.shape); visit(shape.value?.shape);
  };
  for (const op of Object.values(operations)) {
    visit(op.input?.shape); visit(op.output?.shape);
    for (const e of op.errors ?? []) visit(e.shape);
  }
  return { ...model, operations, shapes };
}

const ecs = JSON.parse(readFileSync(join(root, '../shared/spec/ecs-service-2.2018-05-22.json'), 'utf8'));
writeFileSync(join(root, 'src/model/ecs-2014-11-13.json'), JSON.stringify(stripDocs(ecs)) + '\n');

const sdPath = process.argv[2];
if (sdPath) {
  const raw = readFileSync(sdPath);
  const sd = JSON.parse((sdPath.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  const ops2018 = ['CreatePrivateDnsNamespace', 'CreatePublicDnsNamespace', 'DeleteNamespace', 'GetNamespace',
    'ListNamespaces', 'GetOperation', 'ListOperations', 'CreateService', 'GetService', 'ListServices', 'DeleteService',
    'UpdateService', 'RegisterInstance', 'DeregisterInstance', 'GetInstance', 'ListInstances',
    'GetInstancesHealthStatus', 'UpdateInstanceCustomHealthStatus', 'DiscoverInstances'];
  const cut = keepOperations(sd, ops2018.filter((n) => sd.operations[n]));
  // Enum values that came with AWS Cloud Map (2018-11: HTTP namespaces, name filters, UPDATE_NAMESPACE)
  // or later (resource sharing): the 2018 Auto Naming API refused them.
  const enums2018 = {
    NamespaceType: ['DNS_PUBLIC', 'DNS_PRIVATE'],
    NamespaceFilterName: ['TYPE'],
    FilterCondition: ['EQ', 'IN', 'BETWEEN'],
    OperationType: ['CREATE_NAMESPACE', 'DELETE_NAMESPACE', 'UPDATE_SERVICE', 'REGISTER_INSTANCE', 'DEREGISTER_INSTANCE'],
    ServiceFilterName: ['NAMESPACE_ID'],
    HealthStatusFilter: ['HEALTHY', 'UNHEALTHY', 'ALL'],
  };
  for (const [shape, values] of Object.entries(enums2018)) if (cut.shapes[shape]) cut.shapes[shape].enum = values;
  writeFileSync(join(root, 'src/model/servicediscovery-2017-03-14.json'), JSON.stringify(stripDocs(cut)) + '\n');
}
