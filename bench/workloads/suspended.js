// Many tasks suspended on one shared gate until it opens (a pending Promise for native/Babel, a
// pending Future for Stepwise); sumAll then collects their results.
export async function waiter(gate, i) {
  const v = await gate;
  return v + i;
}

// The same, three calls deep: the task's own function, a middle one, and the one that waits.
export async function waiterChain(gate, i) {
  return 1 + (await middle(gate, i));
}

async function middle(gate, i) {
  return 1 + (await waiter(gate, i));
}

export async function sumAll(pending) {
  let sum = 0;
  for (const p of pending) sum += await p;
  return sum;
}
