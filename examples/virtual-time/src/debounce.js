/**
 * Calls `fn` once `ms` have passed without another call, with the last call's arguments (a
 * search box that queries only when the user stops typing). `cancel()` drops a pending call.
 */
export function debounce(fn, ms) {
  let timer = null;
  function debounced(...args) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  }
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return debounced;
}
