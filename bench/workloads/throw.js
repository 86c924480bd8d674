// An error thrown by an async function and caught three awaiting callers up, each of which runs
// a finally block on the way. Every variant creates the same Error (stack capture included).
async function fail(i) {
  const error = new Error("fail");
  error.code = i;
  throw error;
}

async function inner(i, tally) {
  try {
    return await fail(i);
  } finally {
    tally.finallies++;
  }
}

async function middle(i, tally) {
  try {
    return await inner(i, tally);
  } finally {
    tally.finallies++;
  }
}

async function outer(i, tally) {
  try {
    return await middle(i, tally);
  } finally {
    tally.finallies++;
  }
}

export async function throwMany(n) {
  const tally = { finallies: 0, caught: 0 };
  for (let i = 0; i < n; i++) {
    try {
      await outer(i, tally);
    } catch (error) {
      tally.caught += error.code;
    }
  }
  return tally.caught + tally.finallies;
}
