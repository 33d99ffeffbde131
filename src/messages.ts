// The message catalogue: every text the API emits, verbatim or synthesised, with its source.
// Section numbers refer to shared/spec/ecs-2018-semantics.md. Keep texts byte for byte; add new
// ones to the section of their operation family.

// ── Wire protocol (AWS JSON 1.1) ────────────────────────────────────────────────────────────────
export const WIRE = {
  // Coral's wording for a JSON token of the wrong type (seen in AWS SDK issue threads, e.g.
  // "STRING_VALUE can not be converted to an Integer"); the other token names follow its pattern.
  cannotConvert: (token: string, article: string) => `${token} can not be converted to ${article}`,
  structureNotExpected: 'Start of structure or map found where not expected.',
  listNotExpected: 'Start of list found where not expected',
  // synthesised. AWS answers malformed JSON with a bare {"__type":"SerializationException"} (a 2018
  // Firehose capture, pplu/aws-sdk-perl#237); the sandbox adds the parser's reason.
  malformedJson: (detail: string) => `Could not parse request body into json: ${detail}`,
  invalidUtf8: 'Could not parse request body into json: the body is not valid UTF-8.',
  // synthesised. AWS sends UnknownOperationException with HTTP 400 and no message for an unknown
  // X-Amz-Target (aws/aws-sdk-net#1536, aws/aws-sdk-js#425); the sandbox names the target.
  unknownOperation: (target: string) => `Unknown operation ${target}`,
  missingTarget: 'Missing X-Amz-Target header.',
  // synthesised; code and HTTP 413 from AWS Common Errors (RequestEntityTooLargeException)
  bodyTooLarge: (limit: number) => `Request body exceeds the maximum size of ${limit} bytes.`,
  // synthesised; code and HTTP 404 from AWS Common Errors (UnknownOperationException)
  methodNotAllowed: 'ecs-sandbox answers only POST / (AWS JSON 1.1: the operation is named by the X-Amz-Target header).',
  // AWS Common Errors, RequestTimeoutException (HTTP 408), verbatim
  requestTimeout: 'Problems with the request at the HTTP level. Reading the Request timed out.',
  internalError: 'An internal error occurred in ecs-sandbox. The request changed no state.',
  // D52: `<member> should be one of [<values>]`
  enumValue: (member: string, values: readonly string[]) => `${member} should be one of [${values.join(', ')}]`,
  // 15.1 #1, synthesised
  required: (member: string) => `${member} is required.`,
  agentOnly: (operation: string) =>
    `${operation} is called by the ECS container agent, which ecs-sandbox simulates itself; it is not available to clients.`,
} as const;

// ── Shared by several operations ─────────────────────────────────────────────────────────────────
export const COMMON = {
  invalidNextToken: 'Invalid nextToken.', // 15.5 #3, synthesised
  maxResultsRange: (limit: number) => `maxResults must be between 1 and ${limit}.`, // 15.5 #2, synthesised
} as const;

// ── Clusters ────────────────────────────────────────────────────────────────────────────────────
export const CLUSTERS = {
  notFound: 'Cluster not found.', // 15.1 #2
  inactive: 'The referenced cluster was inactive.', // 15.1 #3
  // synthesised, in the wording of the service-name rule (15.1 #4)
  badName: 'Cluster names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.',
  // AWS output as reported by users deleting non-empty clusters
  containsInstances: 'The Cluster cannot be deleted while Container Instances are active or draining.',
  containsServices: 'The Cluster cannot be deleted while Services are active.',
  containsTasks: 'The Cluster cannot be deleted while Tasks are active.',
} as const;

// ── Task definitions ────────────────────────────────────────────────────────────────────────────
export const TASK_DEFINITIONS = {
  notFound: 'TaskDefinition not found.', // 15.1 #7

  // RegisterTaskDefinition (semantics 4.4, 4.5, 4.9, 7). ClientException unless the operation says otherwise.
  // AWS output (aws-actions/amazon-ecs-deploy-task-definition#630, 2024; date unverified)
  familyBlank: 'Family can not be blank.',
  // AWS output (aws/amazon-ecs-cli#37, 2015; #542, 2018-06)
  familyInvalid: 'Family contains invalid characters.',
  // synthesised, in API18's wording of the family rule
  familyTooLong: (max: number) =>
    `Family can have up to ${max} letters (uppercase and lowercase), numbers, hyphens, and underscores.`,
  // InvalidParameterException: AWS output (oranmoshai/ecsServiceRestart#2, 2017-12). DG23:task-cpu-memory-error
  // prints the same text as a ClientException; the 2017 observation is the one closest to 2018.
  invalidTaskCpu: "Invalid 'cpu' setting for task.",
  invalidTaskMemory: "Invalid 'memory' setting for task.", // synthesised after invalidTaskCpu
  containerDefinitionsEmpty: 'Container definitions cannot be empty.', // synthesised ("<X> cannot be empty." as in 15.4 #2)
  // in the form of containerImageMissing (seen in public ECS simulators; unverified)
  containerNameMissing: 'Container.name should not be null or empty.',
  // AWS output (ansible/ansible#22860, 2017-03; hashicorp/terraform-provider-aws#5950, 2018-09)
  containerNameInvalid: 'Container.name contains invalid characters.',
  // synthesised
  containerNameDuplicate: (name: string) =>
    `Duplicate container name '${name}'. Container names must be unique within a task definition.`,
  // AWS output (convox/praxis#121, 2017-05)
  containerImageMissing: 'Container.image should not be null or empty.',
  // 4.4: AWS output (sil-org/ecs-deploy#59, 2016-08; cuttlesoft/ecs-deploy.py#17, 2017-12)
  containerMemoryMissing: (name: string) =>
    `Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
  // 4.4 ("memory must be greater than memoryReservation", API18): synthesised after containerMemoryMissing
  containerMemoryNotAboveReservation: (name: string) =>
    `Invalid setting for container '${name}'. 'memory' must be greater than 'memoryReservation'.`,
  // AWS output as quoted in user documentation (Harness ECS troubleshooting, c. 2020; date unverified)
  containerMemoryAboveTask: (name: string) => `The 'memory' setting for container '${name}' is greater than for the task.`,
  // 4.5: AWS output (aws/aws-cdk#8762, 2020; aws/aws-cli#7288, 2022)
  invalidContainerPort: (name: string) => `Invalid 'containerPort' setting for container '${name}'.`,
  invalidHostPort: (name: string) => `Invalid 'hostPort' setting for container '${name}'.`, // synthesised after invalidContainerPort
  // 4.5: awsvpc is AWS output (aws/amazon-ecs-cli#1014, 2020; pulumi/pulumi-awsx#935, 2022); host is the same form, synthesised
  hostPortMismatch: (networkMode: 'host' | 'awsvpc') =>
    `When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`,
  portMappingsWithNone: 'When networkMode=none, port mappings cannot be specified.', // 4.5, synthesised in the form above
  // 7: AWS output; the quotes are the typographic ones AWS prints (aws/amazon-ecs-cli#1145, 2022)
  fargateNetworkMode: 'Fargate only supports network mode \u2018awsvpc\u2019.',
  fargateCpuRequired: "Fargate requires that 'cpu' be defined at the task level.", // 7: AWS output (widely quoted)
  fargateMemoryRequired: "Fargate requires that 'memory' be defined at the task level.", // 7: AWS output (widely quoted)
  // 7: AWS output of 2018 (aws/amazon-ecs-cli#463, 2018-03); later versions append the values given
  fargateNoConfiguration: 'No Fargate configuration exists for given values.',
  // 7 / 4.9: AWS output quoted in public Terraform code; date unverified
  fargateConstraints: 'Fargate does not support task placement constraints.',
  // 4.9: InvalidParameterException, the text of 15.1 #20 (synthesised)
  tooManyConstraints: (max: number) => `You can specify a maximum of ${max} constraints per task.`,

  // DescribeTaskDefinition: AWS output (hashicorp/terraform#12609, 2017-03; sil-org/ecs-deploy#145, 2018-07)
  describeNotFound: 'Unable to describe task definition.',
  // DeregisterTaskDefinition: AWS texts as reproduced by getmoto/moto (moto/ecs/exceptions.py); dates unverified.
  // API18: "You must specify a revision."
  revisionMissing: 'Revision is missing.',
  deregisterNotFound: 'The specified task definition does not exist.',
} as const;

// ── Container instances and attributes ──────────────────────────────────────────────────────────
export const CONTAINER_INSTANCES = {
  // RegisterContainerInstance. synthesised: an instanceIdentityDocument that is not a JSON object, or
  // whose instanceId/instanceType/availabilityZone/region/privateIp/imageId is not a string
  badIdentityDocument: 'Invalid instance identity document.',
  // synthesised: the document names another region than the endpoint the request was sent to
  identityRegionMismatch: (documentRegion: string, region: string) =>
    `The instance identity document is for region ${documentRegion}, but the request was sent to region ${region}.`,
  // synthesised: no totalResources and an instance type the catalogue (engine/instance-types.ts) lacks
  unknownInstanceType: (instanceType: string) =>
    `Unknown instance type ${instanceType}: specify the CPU and MEMORY resources in totalResources.`,
  // synthesised: CPU or MEMORY in totalResources without a non-negative integer value
  badResource: (name: string) => `The ${name} resource must have a non-negative integerValue.`,
  // ClientException. AWS output to an agent re-registering a deregistered instance (2016,
  // aws/amazon-ecs-agent#583: "ClientException: Container instance <id> is inactive.")
  inactive: (id: string) => `Container instance ${id} is inactive.`,
  // ClientException, synthesised in the form of `inactive`: a containerInstanceArn the cluster does not hold
  reregisterNotFound: (id: string) => `Container instance ${id} not found.`,
  // ClientException. The first sentence is the agent's InstanceTypeChangedErrorMessage
  // (amazon-ecs-agent agent/api/errors); the second is how AWS goes on (observed in later years)
  instanceTypeChanged: (id: string, instanceType: string) =>
    `Container instance type changes are not supported. Container instance ${id} was previously registered as ${instanceType}.`,
  // DeregisterContainerInstance. synthesised, in the form of 'Cluster not found.'
  notFound: 'Container instance not found.',
  // AWS output as reproduced by getmoto/moto (deregister_container_instance) and matched by user scripts
  hasRunningTasks: 'Found running tasks on the instance.',
  // synthesised: stoppedReason of the tasks a forced deregistration orphans
  orphanedTaskStoppedReason: 'The container instance was deregistered.',
  // Describe/UpdateState. synthesised, in the form of 'Services cannot be empty.' (15.4 #2)
  emptyContainerInstances: 'Container instances cannot be empty.',
  // synthesised, in the form of 15.4 #3
  tooManyContainerInstances: (max: number) => `container instance ids can have at most ${max} items.`,
  // Put/DeleteAttributes. synthesised, in the form of 15.4 #2
  emptyAttributes: 'Attributes cannot be empty.',
  // synthesised from API18 PutAttributesRequest: "You can specify up to 10 attributes in a single call."
  tooManyAttributes: (max: number) => `You can specify up to ${max} attributes in a single call.`,
  // synthesised from API18 Attribute.name / Attribute.value (semantics 4.7)
  badAttributeName: (max: number) =>
    `Attribute names can have up to ${max} letters (uppercase and lowercase), numbers, hyphens, underscores, and periods.`,
  badAttributeValue: (max: number) =>
    `Attribute values can have up to ${max} letters (uppercase and lowercase), numbers, hyphens, underscores, periods, at signs (@), forward slashes, colons, and spaces.`,
  // synthesised, in the form of 15.1 #1
  targetIdRequired: 'targetId is required.',
  // synthesised from API18 Attribute.targetType: "required if you use the short form ID … instead of the full ARN"
  targetTypeRequired: 'targetType is required when targetId is not a full ARN.',
  // TargetNotFoundException; wording of getmoto/moto (_put_attribute), unverified against AWS
  targetNotFound: (targetId: string) => `Could not find ${targetId}`,
  // AttributeLimitExceededException: API18's description of the exception, first sentence
  attributeLimit: (max: number) => `You can apply up to ${max} custom attributes per resource.`,
  // ListAttributes. synthesised from API18: "You must also specify an attribute name to use this parameter."
  attributeValueWithoutName: 'attributeName must be specified when attributeValue is specified.',
} as const;

// ── Services ────────────────────────────────────────────────────────────────────────────────────
export const SERVICES = {
  notFound: 'Service not found.', // 15.2 #2, 15.3 #2
  notActive: 'Service was not ACTIVE.', // 15.2 #3, section 12
  // 15.1 #4, synthesised
  badName: 'Service names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.',
  // synthesised: API18 CreateServiceRequest.clientToken says "Up to 32 ASCII characters are allowed"; 15.1 has no row
  badClientToken: (max: number) => `clientToken can have up to ${max} ASCII characters.`,
  notIdempotent: 'Creation of service was not idempotent.', // 15.1 #5, D40
  stillDraining: 'Unable to Start a service that is still Draining.', // 15.1 #6
  // AWS output for an INACTIVE revision (observed for RunTask, DefangLabs/defang#775); DG18 says INACTIVE
  // task definitions cannot create services or be newly referenced by UpdateService. 15.1 has no row.
  taskDefinitionInactive: 'TaskDefinition is inactive',
  negativeDesiredCount: 'Task count can not be lesser than 0', // 15.1 #8, 15.2 #4
  launchTypeNotSupported: (launchType: string) => `Task definition does not support launch_type ${launchType}.`, // 15.1 #9
  platformVersionWithEc2: 'The platform version must be null when specifying an EC2 launch type.', // 15.1 #10
  platformUnknown: 'The specified platform version does not exist.', // 15.1 #11 (PlatformUnknownException)
  networkConfigurationRequired: "Network Configuration must be provided when networkMode 'awsvpc' is specified.", // 15.1 #12
  networkConfigurationNotValid: 'Network Configuration is not valid for the given networkMode of this task definition.', // 15.1 #13
  subnetsEmpty: 'subnets can not be empty.', // 15.1 #14
  // 15.1 #15, synthesised
  awsvpcLimits: (subnets: number, groups: number) =>
    `There is a limit of ${subnets} subnets and ${groups} security groups per AwsVpcConfiguration.`,
  // 15.1 #15a: real AWS output, as reproduced by getmoto/moto:moto/ecs/models.py
  subnetNotFound: (subnets: readonly string[], subnetId: string) =>
    `Error retrieving subnet information for [${subnets.join(', ')}]: The subnet ID '${subnetId}' does not exist (ErrorCode: InvalidSubnetID.NotFound)`,
  securityGroupNotFound: (groups: readonly string[], groupId: string) =>
    `Error retrieving security group information for [${groups.join(', ')}]: The security group '${groupId}' does not exist (ErrorCode: InvalidGroup.NotFound)`,
  assignPublicIpNotSupported: 'Assign public IP is not supported for this launch type.', // 15.1 #16
  fargateStrategies: 'Placement strategies are not supported with FARGATE launch type.', // 15.1 #17
  fargateConstraints: 'Placement constraints are not supported with FARGATE launch type.', // 15.1 #18
  tooManyStrategies: (max: number) => `You can specify a maximum of ${max} strategy rules per service.`, // 15.1 #19, synthesised
  tooManyConstraints: (max: number) => `You can specify a maximum of ${max} constraints per task.`, // 15.1 #20, synthesised
  badConstraintType: (type: string) => `Invalid placement constraint type: ${type}.`, // 15.1 #21, synthesised
  badStrategyType: (type: string) => `Invalid placement strategy type: ${type}.`, // 15.1 #21, synthesised
  // 15.1 #22, synthesised
  distinctInstanceExpression: 'An expression cannot be specified for the distinctInstance constraint type.',
  // 15.1 #23: the parse-error text comes from the query-language catalogue (QUERY, semantics 5.8 / D48)
  // 15.1 #24, synthesised
  badBinpackField: (field: string) => `Invalid field for binpack strategy: ${field}. Valid values are cpu and memory.`,
  badSpreadField: (field: string) => `Invalid field for spread strategy: ${field}.`,
  // 15.1 #25 and #26, D39
  minimumHealthyPercentRange: (value: number) =>
    `deploymentConfiguration.minimumHealthyPercent must be between 0 and 100, but was ${value}.`,
  maximumPercentTooLow: (value: number) => `deploymentConfiguration.maximumPercent must be at least 100, but was ${value}.`,
  tooManyLoadBalancers: (max: number) => `You can specify a maximum of ${max} load balancer per service.`, // 15.1 #27, synthesised
  // 15.1 #28: "both" is AWS output (no final period); "neither" is synthesised
  loadBalancerBoth: 'loadBalancerName and targetGroupArn cannot both be specified',
  loadBalancerNeither: 'Specify either loadBalancerName or targetGroupArn, but not both.',
  containerNotInTaskDefinition: (containerName: string) =>
    `The container ${containerName} does not exist in the task definition.`, // 15.1 #29
  containerPortNotDefined: (containerName: string, containerPort: string) =>
    `The container ${containerName} did not have a container port ${containerPort} defined.`, // 15.1 #30
  // 15.1 #31, synthesised
  awsvpcNeedsIpTargetGroup: 'Services with tasks that use the awsvpc network mode only support target groups with target type ip.',
  // 15.1 #31, synthesised. Superseded by D51 (targetGroupUnvalidated) for undeclared target groups; kept for the catalogue.
  targetGroupNotFound: (targetGroupArn: string) => `Target group ${targetGroupArn} does not exist.`,
  // 15.1 #31: real AWS output (hashicorp/terraform-provider-aws retries CreateService on it)
  targetGroupWithoutLoadBalancer: (targetGroupArn: string) =>
    `The target group with targetGroupArn ${targetGroupArn} does not have an associated load balancer.`,
  // Not in 15.1: real AWS output for an `ip` target group with bridge/host tasks (hashicorp/terraform#24266, 2020);
  // section 13 says bridge and host register `instance` targets.
  ipTargetGroupWithNetworkMode: (targetGroupArn: string, networkMode: string) =>
    `The provided target group ${targetGroupArn} has target type ip, which is incompatible with the ${networkMode} network mode specified in the task definition.`,
  roleWithoutLoadBalancer: 'A role was passed, but no load balancers were present.', // 15.1 #32
  roleWithAwsvpc: 'You cannot specify an IAM role for services that require a service linked role.', // 15.1 #33
  // D51
  serviceLinkedRoleMissing: 'Unable to assume the service linked role. Please verify that the ECS service linked role exists.',
  targetGroupUnvalidated:
    'Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.',
  gracePeriodWithoutLoadBalancer: 'Health check grace period is only valid for services configured to use load balancers', // 15.1 #34
  gracePeriodRange: (max: number) => `healthCheckGracePeriodSeconds must be between 0 and ${max}.`, // 15.1 #35, synthesised
  // 15.1 #36, synthesised
  tooManyServiceRegistries: 'Each service may be associated with one service registry.',
  serviceRegistryNotFound: (registryArn: string) => `Service registry ${registryArn} does not exist.`,
  // 15.1 #37 (observed 2018-11-16)
  registryNeedsContainer: (registryArn: string) =>
    `When specifying 'host' or 'bridge' for networkMode, values for 'containerName' and 'containerPort' must be specified from the task definition. Registry: ${registryArn}`,
  // 15.1 #38, Decision (synthesised)
  registryNeedsSrvOnly: (registryArn: string) =>
    `The SRV record is the only supported DNS record type for the 'host' or 'bridge' networkMode. Registry: ${registryArn}`,
  // 15.1 #39, synthesised
  registryContainerPortNotMapped: (containerName: string, containerPort: string, registryArn: string) =>
    `The container ${containerName} does not have a containerPort ${containerPort} in its port mappings. Registry: ${registryArn}`,
  // 15.1 #40, synthesised
  registryPortOrContainer: (registryArn: string) =>
    `When specifying 'awsvpc' for networkMode with an SRV record, specify either 'port' or 'containerName' and 'containerPort', but not both. Registry: ${registryArn}`,
  // 15.1 #41: containerPort in the 2020 wording; port as observed 2018-04
  registryContainerPortNotRequired:
    "The values specified for serviceRegistries do not require a value for 'containerPort'. Remove the value and retry.",
  registryPortNotRequired: 'A port was provided but is not required by the specified service registry',
  registryNetworkModeNone: "Service discovery is not supported for the 'none' networkMode.", // 15.1 #42, synthesised
  registryFargatePlatform: 'Service discovery requires Fargate platform version 1.1.0 or later.', // 15.1 #43, synthesised
  registryWithClassicLoadBalancer: 'Service discovery does not support Classic Load Balancers.', // 15.1 #44, synthesised
  scaledAboveZero: 'The service cannot be stopped while it is scaled above 0.', // 15.3 #3, D35
  servicesEmpty: 'Services cannot be empty.', // 15.4 #2
  tooManyServiceNames: (max: number) => `service names can have at most ${max} items.`, // 15.4 #3
  // 15.5 #2 and #3 use COMMON.maxResultsRange and COMMON.invalidNextToken
} as const;

// ── Tasks ───────────────────────────────────────────────────────────────────────────────────────
export const TASKS = {
  // DescribeTasks: AWS output (sil-org/ecs-deploy#54, 2016; aws/copilot-cli#3551)
  tasksEmpty: 'Tasks cannot be empty.',
  // DescribeTasks: synthesised after 15.4 #3 (API18: "A list of up to 100 task IDs or full ARN entries")
  tooManyTasks: (max: number) => `tasks can have at most ${max} items.`,
  // StopTask, InvalidParameterException: AWS output (wazuh/wazuh#25439; griptape-nodes-engine#1454; fog used it in 2015)
  notFound: 'The referenced task was not found.',
  // ListTasks `family`, InvalidParameterException: AWS output (awslabs/ecs-task-kite#6, 2017-11; aws/amazon-ecs-cli#542, 2018-06)
  familyPattern: 'family must match ^[a-zA-Z0-9\\-_]+$',
  // StopTask: synthesised (API18 StopTaskRequest.reason: "Up to 255 characters are allowed")
  reasonTooLong: (max: number) => `reason can have at most ${max} characters.`,
  // StopTask without `reason`: the stoppedReason AWS records (seen in DescribeTasks output from 2016 to 2025)
  stoppedByUser: 'Task stopped by user',

  // RunTask / StartTask (semantics 4.12)
  // synthesised, after COMMON.maxResultsRange (API18 RunTaskRequest.count: "You can specify up to 10 tasks per call")
  countRange: (max: number) => `count must be between 1 and ${max}.`,
  // observed 2018-01-30 (awsdocs/amazon-ecs-developer-guide#1), 4.12
  noContainerInstances: 'No Container Instances were found in your cluster.',
  // synthesised from API18 RunTaskRequest.startedBy: "Up to 36 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed."
  badStartedBy: (max: number) => `startedBy can have up to ${max} letters (uppercase and lowercase), numbers, hyphens, and underscores.`,
  // synthesised, after SERVICES.tooManyServiceNames (API18 StartTaskRequest.containerInstances: "up to 10 container instances")
  containerInstancesEmpty: 'containerInstances cannot be empty.',
  tooManyContainerInstances: (max: number) => `containerInstances can have at most ${max} items.`,
  // The `reason` of a RunTask/StartTask failure entry per stage (4.2 codes, DG18:api_failures_messages; 4.12)
  failureReason: {
    cpu: 'RESOURCE:CPU',
    memory: 'RESOURCE:MEMORY',
    ports: 'RESOURCE:PORTS',
    eni: 'RESOURCE:ENI',
    attribute: 'ATTRIBUTE',
    agent: 'AGENT',
    memberOf: 'MemberOf placement constraint unsatisfied.', // AWS RunTask output, 4.2
    distinctInstance: 'DistinctInstance placement constraint unsatisfied.', // AWS RunTask output, 4.2
    missing: 'MISSING', // StartTask, DG18:api_failures_messages
    inactive: 'INACTIVE', // StartTask, DG18:api_failures_messages
  },
  // The event reason of each stage (the table of 4.2), for 4.11 and DescribePlacement
  eventReason: {
    cpu: 'has insufficient CPU units available',
    memory: 'has insufficient memory available',
    ports: 'is already using a port required by your task',
    eni: 'encountered error "RESOURCE:ENI"', // D10, synthesised
    attribute: 'is missing an attribute required by your task',
    agent: 'encountered error "AGENT"', // D10
    memberOf: 'encountered error "MemberOf placement constraint unsatisfied."',
    distinctInstance: 'encountered error "DistinctInstance placement constraint unsatisfied."', // D10, synthesised
  },
  // 4.11, EX18 (the closest-match form) and the "No Container Instances" variant (D12)
  placementFailureEvent: (serviceName: string, containerInstanceId: string, reason: string) =>
    `(service ${serviceName}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${containerInstanceId}) ${reason}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  placementFailureNoInstancesEvent: (serviceName: string) =>
    `(service ${serviceName}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
} as const;

// ── Service events and task stop reasons of the scheduler (semantics 9–13, 16) ─────────────────────
export const SCHEDULER = {
  // 16.1 "Started": a real 2015 event; every task placed in the step, in placement order
  started: (serviceName: string, taskIds: readonly string[]) =>
    `(service ${serviceName}) has started ${taskIds.length} tasks: ${taskIds.map((id) => `(task ${id})`).join(' ')}.`,
  // 16.1 "Stopped", 10 step 3
  stopped: (serviceName: string, taskIds: readonly string[]) =>
    `(service ${serviceName}) has stopped ${taskIds.length} running tasks: ${taskIds.map((id) => `(task ${id})`).join(' ')}.`,
  // 13, 16.1: real events (target groups); the Classic forms: deregistered real, registered synthesised (Decision)
  registeredTargets: (serviceName: string, n: number, targetGroupArn: string) => `(service ${serviceName}) registered ${n} targets in (target-group ${targetGroupArn})`,
  deregisteredTargets: (serviceName: string, n: number, targetGroupArn: string) => `(service ${serviceName}) deregistered ${n} targets in (target-group ${targetGroupArn})`,
  registeredInstances: (serviceName: string, n: number, loadBalancerName: string) => `(service ${serviceName}) registered ${n} instances in (elb ${loadBalancerName})`,
  deregisteredInstances: (serviceName: string, n: number, loadBalancerName: string) => `(service ${serviceName}) deregistered ${n} instances in (elb ${loadBalancerName})`,
  // 10 step 2, 16.1: real events
  draining: (serviceName: string, n: number) => `(service ${serviceName}) has begun draining connections on ${n} tasks.`,
  // 9.9, 16.1: real events, DG18
  steady: (serviceName: string) => `(service ${serviceName}) has reached a steady state.`,
  // 11, 16.1: DG18
  throttled: (serviceName: string) => `(service ${serviceName}) is unable to consistently start tasks successfully.`,
  // 13: real events (ALB/NLB, bridge/host and awsvpc) and the Classic form
  unhealthyInstanceTarget: (serviceName: string, ec2InstanceId: string, port: number, targetGroupArn: string, reason: string) =>
    `(service ${serviceName}) (instance ${ec2InstanceId}) (port ${port}) is unhealthy in (target-group ${targetGroupArn}) due to (reason ${reason})`,
  unhealthyIpTarget: (serviceName: string, taskId: string, port: number, targetGroupArn: string, reason: string) =>
    `(service ${serviceName}) (task ${taskId}) (port ${port}) is unhealthy in (target-group ${targetGroupArn}) due to (reason ${reason})`,
  unhealthyClassic: (serviceName: string, ec2InstanceId: string, loadBalancerName: string) =>
    `(service ${serviceName}) (instance ${ec2InstanceId}) is unhealthy in (elb ${loadBalancerName}) due to (reason Instance has failed at least the UnhealthyThreshold number of health checks consecutively.)`,
  // 13: a typical ALB reason, used when a scenario makes targets fail without giving one (Decision)
  defaultUnhealthyReason: 'Health checks failed with these codes: [502]',
  // 9.5, later-era option only (DG23); never emitted in 2018 mode
  deploymentConfigurationStuck: (serviceName: string) =>
    `(service ${serviceName}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
  // stoppedReason texts: 10 step 5 (a text widely seen in ECS task logs), 9.2, D46
  scalingActivity: (deploymentId: string) => `Scaling activity initiated by (deployment ${deploymentId})`,
  failedElbHealthChecks: (targetGroupArn: string) => `Task failed ELB health checks in (target-group ${targetGroupArn})`,
  failedElbHealthChecksClassic: (loadBalancerName: string) => `Task failed ELB health checks in (elb ${loadBalancerName})`,
  failedContainerHealthChecks: 'Task failed container health checks.',
  // 3.2: a start failure without a reason of its own (Decision, synthesised after the agent's texts)
  defaultStartFailure: 'Essential container in task exited',
  // fault injection (EcsSandbox.InjectFault): what ECS recorded when the EC2 instance went away
  hostTerminated: (ec2InstanceId: string) => `Host EC2 (instance ${ec2InstanceId}) terminated.`,
} as const;

// ── Cluster query language (semantics 5.8 and D48) ─────────────────────────────────────────────
export const QUERY = {
  // D48 (16A), which supersedes the older 0-based form of 5.8: `<n>` is the 1-based offset in UTF-16
  // code units of the offending token, or text length + 1 at the end of the expression.
  invalidExpression: (position: number, detail: string) => `Invalid expression at position ${position}: ${detail}.`,
  // The six detail forms of D48, verbatim.
  unexpectedToken: (token: string) => `unexpected token '${token}'`,
  unexpectedEnd: 'unexpected end of expression',
  operatorNotValid: (operator: string, subject: string) => `operator '${operator}' is not valid for ${subject}`,
  invalidRegex: (reason: string) => `invalid regular expression: ${reason}`,
  invalidDate: (literal: string) => `invalid date '${literal}'`,
  unknownSubject: (subject: string) => `unknown subject '${subject}'`,
  // Reasons inside `invalid regular expression: <reason>` (5.6). All synthesised, in lower case to fit
  // the D48 sentence; several follow java.util.regex's own descriptions ("Unclosed group",
  // "Illegal repetition", "Unclosed character class").
  regex: {
    backreference: 'backreferences are not supported', // 5.6 rejected
    lookaround: 'lookaround is not supported', // 5.6 rejected
    namedGroup: 'named groups are not supported', // 5.6 rejected
    inlineFlags: 'inline flags are not supported', // 5.6 rejected
    atomicGroup: 'atomic groups are not supported', // Java `(?>…)`, outside the 5.6 subset
    unknownGroup: 'unknown group construct', // `(?` followed by anything else
    possessive: 'possessive quantifiers are not supported', // 5.6 rejected
    propertyClass: (escape: string) => `character classes '${escape}{…}' are not supported`, // 5.6: \p{…} and POSIX classes
    boundary: (escape: string) => `boundary matcher '${escape}' is not supported`, // 5.6: \b \B \A \z \Z \G
    intersection: "class intersection '&&' is not supported", // 5.6 rejected
    nestedClass: 'nested character classes are not supported', // 5.6 rejected
    unsupportedEscape: (escape: string) => `escape '${escape}' is not supported`, // \x \u \0 \c \e …
    trailingBackslash: 'trailing backslash',
    unclosedGroup: 'unclosed group',
    unmatchedParenthesis: "unmatched ')'",
    unclosedClass: 'unclosed character class',
    badClassRange: (range: string) => `invalid character class range '${range}'`,
    danglingQuantifier: (quantifier: string) => `dangling quantifier '${quantifier}'`,
    illegalRepetition: 'illegal repetition', // Java's text for `{` that is not `{n}`, `{n,}` or `{n,m}`
    repetitionTooLarge: (limit: number) => `repetition count exceeds ${limit}`, // 5.6: n, m ≤ 1000
    badRepetitionRange: (min: number, max: number) => `invalid repetition range {${min},${max}}`,
    tooLarge: (limit: number) => `regular expression is too large (more than ${limit} instructions)`,
    tooDeep: (limit: number) => `groups are nested more than ${limit} deep`,
  },
} as const;

// ── Sandbox operations (EcsSandbox.*) ───────────────────────────────────────────────────────────
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const SANDBOX = {
  // All synthesised: EcsSandbox.* has no AWS model, so these are the project's own words.
  // The shape checker (validate/validate-sandbox-input.ts): JSON types are SerializationException.
  wrongType: (path: string, expected: string) => `${path} must be ${expected}.`,
  required: (path: string) => `${path} is required.`,
  // D52's wording, reused for the sandbox's own enums.
  oneOf: (path: string, values: readonly string[]) => `${path} should be one of [${values.join(', ')}]`,
  // Reset
  badSeed: (seed: number) => `seed must be an integer from 0 to 4294967295, not ${seed}.`,
  badClock: (clock: string) =>
    `clock must be "manual", "realtime" or "realtime:<speed>" with a speed greater than 0, not "${clock}".`,
  badAccountId: (accountId: string) => `accountId must be 12 digits, not "${accountId}".`,
  // Put*: formats and ids (semantics 2.1)
  duplicateId: (kind: string, id: string) => `${kind} ${id} appears more than once in the request.`,
  badSubnetId: (id: string) =>
    `Invalid subnet id "${id}": expected "subnet-" and 8 or 17 lower-case hexadecimal digits.`,
  badAvailabilityZone: (az: string, region: string) =>
    `Availability zone "${az}" is not in ${region}: expected ${region} and one letter, such as ${region}a.`,
  badCidr: (cidr: string) =>
    `Invalid CIDR block "${cidr}": expected an IPv4 network with a prefix length from 16 to 28, such as 10.0.1.0/24.`,
  cidrHostBits: (cidr: string, network: string) => `CIDR block "${cidr}" has host bits set; the network is ${network}.`,
  badSecurityGroupId: (id: string) =>
    `Invalid security group id "${id}": expected "sg-" and 8 or 17 lower-case hexadecimal digits.`,
  badTargetGroupArn: (arn: string) =>
    `Invalid target group ARN "${arn}": expected arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hexadecimal digits>.`,
  badLoadBalancerArn: (arn: string) =>
    `Invalid load balancer ARN "${arn}": expected arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app|net/<name>/<16 hexadecimal digits>.`,
  foreignArn: (arn: string, region: string, accountId: string) =>
    `${arn} does not belong to region ${region} of account ${accountId}.`,
  badPort: (path: string, port: number) => `${path} must be from 1 to 65535, not ${port}.`,
  // AdvanceTime (D54)
  advanceBoth: 'Specify either seconds or untilSteady, not both.',
  advanceNeither: 'Specify seconds, or untilSteady: true with maxSeconds.',
  maxSecondsRequired: 'maxSeconds is required with untilSteady.',
  badSeconds: (path: string, value: number, limit: number) =>
    `${path} must be from 0 to ${limit} seconds, not ${value}.`,
  // ImportScenario and restore-document (src/persistence)
  invalidScenario: (path: string, problem: string) => `Invalid scenario: ${path} ${problem}.`,
  scenario: {
    notObject: 'must be a JSON object',
    missing: 'is missing',
    mustBe: (what: string) => `must be ${what}`,
    futureVersion: (version: number, supported: number) =>
      `is ${version}, but this ecs-sandbox reads schema versions up to ${supported}; update ecs-sandbox to open it`,
    noMigration: (version: number) => `is ${version}, and no migration leads from it to the current schema`,
    duplicate: (kind: string, id: string) => `repeats ${kind} ${id}`,
    unknownReference: (kind: string, id: string) => `names ${kind} ${id}, which the scenario does not contain`,
    badRegion: 'is not a region name such as us-east-1',
    unreadable: (detail: string) => `could not be read (${detail})`,
  },
  // The scenario library (src/persistence/scenario-library.ts, the worker's scenario methods): synthesised.
  library: {
    badName: (max: number) => `A scenario name must have 1 to ${max} characters, not only spaces.`,
    notFound: (id: string) => `Scenario ${id} was not found; another tab may have deleted it.`,
    conflict: (id: string, stored: string, expected: number) =>
      `Scenario ${id} was saved elsewhere (stored revision ${stored}, this tab has ${expected}).`,
    recordNotObject: 'The stored record is not a JSON object.',
    recordNotJson: (detail: string) => `The stored record is not valid JSON: ${detail}`,
    recordField: (path: string, problem: string) => `The stored record is damaged: ${path} ${problem}.`,
    newerSchema: (version: number, supported: number) =>
      `Another tab runs a newer ecs-sandbox (schema version ${version}; this one reads up to ${supported}): ` +
      'this tab stops saving. Reload the page to update it.',
    storage: (detail: string) => `The scenario library could not be used: ${detail}`,
    unavailable: 'This sandbox has no scenario library.',
    recovered: (id: string) => `Recovered scenario ${id.slice(0, 8)}`,
  },
  // loadScenario (src/scenarios)
  unknownScenario: (name: string) =>
    `Unknown scenario "${name}": expected "demo", a scenario document or a list of calls, as JSON.`,
  scenarioCallFailed: (index: number, target: string, message: string) =>
    `Scenario call ${index} (${target}) failed: ${message}`,
  scenarioNotJson: (detail: string) => `The scenario is not valid JSON: ${detail}`,
  unresolvedReference: (reference: string) => `${reference} names no earlier result of the scenario.`,
  // DescribePlacement: all synthesised. A DRAINING instance is no candidate (4.2); the details show the arithmetic.
  placement: {
    drainingReason: 'is DRAINING and receives no new tasks',
    // thousands grouped with commas, as the spec writes them (1,536 MiB), without depending on ICU
    needsCpu: (need: number, free: number) => `needs ${grouped(need)} CPU units, has ${grouped(free)}`,
    needsMemory: (need: number, free: number) => `needs ${grouped(need)} MiB, has ${grouped(free)}`,
    portInUse: (port: number, protocol: string) => `host port ${port}/${protocol} is already in use`,
    tooManyReserved: (protocol: string, max: number) => `would hold more than ${max} reserved ${protocol} ports`,
    noDynamicPort: (first: number, last: number, protocol: string) => `no free ${protocol} port in ${first}-${last}`,
    needsEni: (limit: number) => `has no free ENI (ENI limit ${limit}, the primary one included)`,
    missingAttribute: (name: string, value: string | undefined) =>
      value === undefined ? `lacks attribute ${name}` : `lacks attribute ${name} = ${value}`,
    notInSubnets: (subnet: string | undefined, subnets: readonly string[]) =>
      `its subnet ${subnet ?? '(none)'} is not one of [${subnets.join(', ')}]`,
    agentDisconnected: 'agentConnected is false',
    memberOf: (index: number, expression: string) => `constraint ${index + 1} is false: memberOf(${expression})`,
    distinctInstance: (index: number, live: number, group: string) =>
      `constraint ${index + 1}: hosts ${live} live task${live === 1 ? '' : 's'} of ${group}`,
  },
  // Ranges of sandbox settings (PutTargetGroups health settings: the ELBv2 limits; PutTaskBehaviours)
  outOfRange: (path: string, min: number, max: number, value: number) => `${path} must be from ${min} to ${max}, not ${value}.`,
  notNegative: (path: string, value: number) => `${path} must be 0 or more, not ${value}.`,
  // PutTaskBehaviours / DeleteTaskBehaviours (semantics 3.2, 10, 11, 13, D46)
  badTaskDefinitionReference: (ref: string) =>
    `Invalid task definition "${ref}": expected a family, family:revision or a task definition ARN.`,
  noTaskBehaviour: (taskDefinition: string) => `No task behaviour is set for ${taskDefinition}.`,
  // DescribeTargetHealth
  targetHealthEither: 'Specify either targetGroupArn or loadBalancerName, not both.',
  targetHealthNeither: 'Specify targetGroupArn or loadBalancerName.',
  unknownTargetGroup: (arn: string, region: string) =>
    `Target group ${arn} is not declared in ${region}; declare it with EcsSandbox.PutTargetGroups.`,
  unknownClassicLoadBalancer: (name: string, region: string) =>
    `No service in ${region} uses the Classic load balancer ${name}.`,
  // InjectFault (its failTasks default reason is SCHEDULER.defaultStartFailure, the agent's text)
  faultNeeds: (member: string, fault: string) => `${member} is required for the ${fault} fault.`,
  faultDoesNotTake: (member: string, fault: string) => `${member} does not apply to the ${fault} fault.`,
  faultSeconds: (value: number, limit: number) => `seconds must be greater than 0 and at most ${limit}, not ${value}.`,
  faultInstanceNotFound: (ref: string, cluster: string) => `Container instance ${ref} was not found in cluster ${cluster}.`,
  faultInstanceInactive: (ref: string) => `Container instance ${ref} is INACTIVE.`,
  faultNoTasks: 'tasks must name at least one task.',
  faultTaskNotFound: (ref: string, cluster: string) => `Task ${ref} was not found in cluster ${cluster}.`,
  faultTaskStopped: (ref: string) => `Task ${ref} is already STOPPED.`,
  faultServiceNotFound: (ref: string, cluster: string) => `Service ${ref} was not found in cluster ${cluster}.`,
  faultServiceNotActive: (name: string, status: string) => `Service ${name} is ${status}, not ACTIVE.`,
  faultNoLoadBalancer: (name: string) => `Service ${name} has no load balancer, so it has no targets to make unhealthy.`,
  // DescribeTargetHealth output (not errors): real texts of ELBv2 and Classic ELB
  targetHealth: {
    // ELBv2 TargetHealth reason codes and descriptions (ELBv2 API reference, TargetHealth)
    registrationInProgress: { Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
    responseCodeMismatch: 'Target.ResponseCodeMismatch',
    deregistrationInProgress: { Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' },
    // Classic InstanceState descriptions (ELB 2012-06-01 API reference, InstanceState)
    classicRegistering: 'Instance registration is still in progress.',
    classicUnhealthy: 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.',
    classicDeregistering: 'Instance deregistration currently in progress.',
    notApplicable: 'N/A',
  },
} as const;

// ── Route 53 Auto Naming ────────────────────────────────────────────────────────────────────────
export const DISCOVERY = {
  // The error descriptions of the Route 53 Auto Naming API reference, used as messages.
  namespaceNotFound: 'No namespace exists with the specified ID.',
  serviceNotFound: 'No service exists with the specified ID.',
  operationNotFound: 'No operation exists with the specified ID.',
  instanceNotFound:
    "No instance exists with the specified ID, or the instance was recently registered, and information about the instance hasn't propagated yet.",
  namespaceAlreadyExists: "The namespace that you're trying to create already exists.",
  serviceAlreadyExists: "The service can't be created because a service with the same name already exists.",
  duplicateRequest: 'The operation is already in progress.',
  // Real AWS output (hashicorp/terraform#18264, 2018).
  serviceHasInstances: 'Service contains registered instances; delete the instances before deleting the service',
  // synthesised, in the wording of the one above
  namespaceHasServices: 'Namespace contains services; delete the services before deleting the namespace',
  // Coral's validation texts, as Auto Naming returns them (e.g. aws/aws-sdk-java#1973:
  // "1 validation error detected: Value null at 'id' failed to satisfy constraint: Member must not be null").
  constraint: (value: string, path: string, rule: string) =>
    `1 validation error detected: Value ${value} at '${path}' failed to satisfy constraint: ${rule}`,
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  minValue: (n: number) => `Member must have value greater than or equal to ${n}`,
  maxValue: (n: number) => `Member must have value less than or equal to ${n}`,
  pattern: (re: string) => `Member must satisfy regular expression pattern: ${re}`,
  // synthesised (InvalidInput)
  badVpc: (vpc: string) => `Invalid VPC ID "${vpc}": expected "vpc-" and 8 or 17 lower-case hexadecimal digits.`,
  badNamespaceName: (name: string) =>
    `Invalid namespace name "${name}": expected a DNS domain name of labels of letters, digits and hyphens separated by dots.`,
  creatorRequestIdReused: (id: string) =>
    `CreatorRequestId ${id} was already used for a different request.`,
  dnsConfigRequired: 'DnsConfig is required: a service in a DNS namespace must specify its DNS records.',
  namespaceIdConflict: 'NamespaceId and DnsConfig.NamespaceId name different namespaces.',
  noDnsRecords: 'DnsConfig.DnsRecords must contain at least one record.',
  duplicateRecordType: (type: string) => `DnsConfig.DnsRecords contains more than one record of type ${type}.`,
  cnameAlone: 'A CNAME record cannot be combined with other record types.',
  cnameNeedsWeighted: 'CNAME records are supported only with the WEIGHTED routing policy.',
  bothHealthChecks: 'You can specify either HealthCheckConfig or HealthCheckCustomConfig, but not both.',
  healthCheckPrivate: 'HealthCheckConfig is supported only for public DNS namespaces; use HealthCheckCustomConfig.',
  resourcePathForTcp: 'ResourcePath is supported only when HealthCheckConfig.Type is HTTP or HTTPS.',
  missingAttribute: (attribute: string, type: string) =>
    `Attributes must include ${attribute} because the service has a DNS record of type ${type}.`,
  badIpv4: (value: string) => `AWS_INSTANCE_IPV4 must be an IPv4 address, not "${value}".`,
  badPort: (value: string) => `AWS_INSTANCE_PORT must be a port number from 1 to 65535, not "${value}".`,
  unsupportedFilter: (name: string) => `Filter ${name} is not supported by this operation.`,
  filterCondition: (name: string, condition: string) => `Condition ${condition} is not supported for filter ${name}.`,
  filterValues: (name: string, condition: string, count: string) =>
    `Filter ${name} with condition ${condition} takes ${count}.`,
  // GetOperation of a DeleteNamespace whose namespace gained a service before it completed (synthesised).
  deleteFailedInUse: 'The namespace contains services, so it was not deleted.',
  targetGone: 'The service was deleted before the operation completed.',
} as const;


// ── EMBED: the <ecs-sandbox> widget's sessions in the embed worker (src/worker/embed-sessions.ts; issue 6 item 2). All synthesised. ──
export const EMBED = {
  unknownSession: (id: string) => `No widget session ${id} (it was closed, or never created).`,
  coreFailed: (detail: string) => `The scheduler core did not load: ${detail}`,
  whatIfUnavailable: 'What-if analysis is not available in this build of ecs-sandbox yet.',
  notWhatIf: 'This widget\'s scenario has no what-if variants: give a what-if request ({"scenario", "variants"}).',
  whatIfFailed: (detail: string) => `The what-if run failed: ${detail}`,
} as const;

// ── What-if (src/whatif; issue 6) ───────────────────────────────────────────────────────────────────
// The texts of what-if errors (issue 6). All synthesised: what-if is ecs-sandbox's own, with no AWS
// counterpart. Every error names the JSON path of the fault first, `<path>: <problem>`, so that the CLI
// and the playground can point at it (the style of SANDBOX.wrongType).
export const WHATIF = {
  at: (path: string, problem: string) => (path ? `${path}: ${problem}` : problem),
  required: 'required',
  expected: (what: string) => `expected ${what}`,
  unknownMember: 'unknown member',
  noVariants: 'expected at least one variant',
  tooManyVariants: (limit: number) => `expected at most ${limit} variants`,
  emptyName: 'expected a non-empty name',
  duplicateName: (name: string, first: string) => `"${name}" is already the name of ${first}`,
  oneKind: (kinds: readonly string[]) => `expected exactly one of ${kinds.join(', ')}`,
  integerRange: (low: number, high: number, value: unknown) => `expected an integer from ${low} to ${high}, got ${String(value)}`,
  positiveUpTo: (high: number, value: unknown) => `expected a number greater than 0 and at most ${high}, got ${String(value)}`,
  atSecondsRange: (high: number, value: unknown) => `expected a number from 0 to ${high}, got ${String(value)}`,
  nothingToChange: 'expected at least one of placementStrategy, placementConstraints, deploymentConfiguration, desiredCount, taskDefinition',
  noCluster: (cluster: string) => `no cluster "${cluster}"`,
  noService: (service: string, cluster: string) => `no service "${service}" in cluster "${cluster}"`,
  serviceNotActive: (service: string, status: string) => `service "${service}" is ${status}`,
  unknownInstanceType: (type: string) => `unknown instance type "${type}"`,
  wrongRegion: (zone: string, region: string) => `"${zone}" is not an Availability Zone of ${region}`,
  noInstance: (ec2InstanceId: string, cluster: string) => `no container instance of EC2 instance "${ec2InstanceId}" in cluster "${cluster}"`,
  noInstancesInZone: (zone: string, cluster: string) => `no ACTIVE container instance in ${zone} in cluster "${cluster}"`,
  faultNeedsZone: 'terminateAvailabilityZone needs availabilityZone',
  zoneOnlyForZoneFault: 'availabilityZone goes with terminateAvailabilityZone only',
  inVariant: (message: string, name: string) => `${message} (variant "${name}")`,
} as const;

// ── The command line: check and what-if (src/cli; issue 6) ─────────────────────────────────────────
// The texts `ecs-sandbox check` and `ecs-sandbox what-if` print. All synthesised (the CLI has no AWS
// counterpart); service events quoted in reasons are the scheduler's own (SCHEDULER, TASKS above). They are
// the command line's words, never an API response.
export const CLI = {
  // Reading a file (read-json-file.ts)
  fileMissing: (file: string) => `${file}: no such file`,
  notAFile: (file: string) => `${file}: not a file`,
  unreadable: (file: string, detail: string) => `${file}: could not be read (${detail})`,
  tooLarge: (file: string, bytes: number, limit: number) =>
    `${file}: ${bytes} bytes is more than the ${limit / (1024 * 1024)} MB a scenario file may have`,
  notJson: (file: string, line: number, column: number, detail: string) =>
    `${file}:${line}:${column}: not valid JSON: ${detail}`,
  invalidScenario: (file: string, detail: string) => `${file}: ${detail}`,
  // Unknown members (unknown-members.ts): ECS ignores them (D1); a check refuses them, since a typo'd
  // member silently does nothing.
  unknownCallMember: (file: string, index: number, target: string, path: string) =>
    `${file}: scenario call ${index} (${target}): unknown member ${path}`,
  unknownDocumentMember: (file: string, path: string) => `${file}: unknown member ${path}`,
  notAnObjectEntry: (file: string, path: string) => `${file}: ${path} is not an object`,
  // what-if variants (what-if-command.ts)
  badVariants: (file: string, detail: string) => `${file}: ${detail}`,
  variantsShape: 'expected a list of variants, or an object with "variants" (and optionally "timeline", "seeds", "maxSeconds", "region")',
  variantsScenario: 'the scenario comes from the command line; remove "scenario" from the variants file',
  whatIfFailed: (detail: string) => `what-if: ${detail}`,

  // check: one reason per service (check-reasons.ts)
  phase: { steady: 'initial run', deployment: 'forced deployment' } as const,
  cannotPlace: (event: string) => `cannot place a task: ${event}`,
  stuckCapacity: (minimumHealthyPercent: number, min: number, event: string | undefined) =>
    `deployment stuck (CAPACITY): no instance has room for a replacement task, and minimumHealthyPercent ` +
    `${minimumHealthyPercent} keeps ${min} old task${min === 1 ? '' : 's'} running` + (event ? `; ${event}` : ''),
  stuckConfiguration: (min: number, max: number, desired: number, minimum: number, maximum: number) =>
    `deployment stuck (DEPLOYMENT_CONFIGURATION): minimumHealthyPercent ${min} and maximumPercent ${max} ` +
    `leave no room to replace a task (with desiredCount ${desired}, at least ${minimum} must stay healthy and at most ` +
    `${maximum} may run); lower minimumHealthyPercent or raise maximumPercent`,
  stuckNoMove: (min: number, max: number, minimum: number, maximum: number) =>
    `deployment stuck (DEPLOYMENT_CONFIGURATION): no task can be started or stopped while at least ${minimum} must stay ` +
    `healthy (minimumHealthyPercent ${min}) and at most ${maximum} may run (maximumPercent ${max})`,
  notSteady: (seconds: number, running: number, desired: number, pending: number) =>
    `not steady after ${seconds} s: ${running} of ${desired} tasks RUNNING` + (pending > 0 ? `, ${pending} PENDING` : ''),
  refused: (message: string) => `UpdateService refused the forced deployment: ${message}`,
  lastEvent: (event: string) => `; last event: ${event}`,
  steady: (desired: number) => `steady, ${desired} task${desired === 1 ? '' : 's'} RUNNING`,
  noServices: 'the scenario has no ACTIVE service to check',
  summaryOk: (services: number) => `${services} service${services === 1 ? '' : 's'} OK`,
  summaryFailed: (failed: number, services: number) =>
    `${failed} of ${services} service${services === 1 ? '' : 's'} failed the check`,

  // progress (progress.ts)
  checkProgress: (step: number, steps: number, what: string) => `[${step}/${steps}] ${what}…`,
  whatIfProgress: (run: number, total: number, variant: string) => `[${run}/${total}] variant ${variant}…`,
  /** The variant of a what-if without --variants: the scenario as it is. */
  asIs: 'as is',
} as const;
