// The instance types the instance editor offers: common types of 2018-05-22. The sandbox's own
// catalogue (src/engine/instance-types.ts) is behind the worker; a type it does not know is refused by
// RegisterContainerInstance with its own message, which the editor shows next to the field.
const sizes = ['large', 'xlarge', '2xlarge', '4xlarge'];

export const INSTANCE_TYPES: readonly string[] = [
  't2.micro', 't2.small', 't2.medium', 't2.large', 't2.xlarge', 't2.2xlarge',
  ...['m4', 'm5', 'c4', 'c5', 'r4'].flatMap((family) => sizes.map((size) => `${family}.${size}`)),
];
