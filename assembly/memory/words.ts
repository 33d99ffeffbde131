// Word access to regions the host wrote into linear memory. Callers keep indices within the region
// sizes the header declares (performance notes 4), so no bounds checks here.

// @ts-ignore: decorator
@inline export function word(region: usize, index: i32): i32 {
  return load<i32>(region + (<usize>index << 2));
}

// @ts-ignore: decorator
@inline export function setWord(region: usize, index: i32, value: i32): void {
  store<i32>(region + (<usize>index << 2), value);
}

// @ts-ignore: decorator
@inline export function fillWords(region: usize, length: i32, value: i32): void {
  for (let k = 0; k < length; k++) store<i32>(region + (<usize>k << 2), value);
}

// @ts-ignore: decorator
@inline export function copyWords(to: usize, from: usize, length: i32): void {
  memory.copy(to, from, <usize>length << 2);
}

/** The address of the array whose word offset the header holds in `slot`. */
// @ts-ignore: decorator
@inline export function regionAt(base: usize, slot: i32): usize {
  return base + (<usize>load<i32>(base + (<usize>slot << 2)) << 2);
}
