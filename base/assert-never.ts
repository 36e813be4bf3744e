/** Makes a `switch` exhaustive: the compiler rejects a call with anything but `never`. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
