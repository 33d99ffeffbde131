// Mirror of assembly/abi.ts; test/assembly/abi.test.ts asserts the two agree.
export const ABI_VERSION = 1;
