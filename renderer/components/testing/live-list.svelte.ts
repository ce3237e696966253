// A deeply reactive list for component tests: the app's stores update runs in place (a status field),
// which a test's plain arrays cannot show.
export function liveList<T extends object>(initial: T[]): { list: T[] } {
  const state = $state({ list: initial });
  return state;
}
