// The numbers both sides of the boundary agree on. src/wasm/abi.ts mirrors this file and a test
// asserts that the two agree.

// Bumped whenever an export's meaning or a code below changes.
export const ABI_VERSION: i32 = 1;
