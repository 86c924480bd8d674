// return in finally overrides a return or a throw from try, also with awaits.
async function overridesReturn() {
  try {
    return await "from try";
  } finally {
    await null;
    return "from finally";
  }
}
async function overridesThrow() {
  try {
    await null;
    throw new Error("lost");
  } finally {
    return "finally wins";
  }
}
async function finallyThrows() {
  try {
    return "try value";
  } finally {
    await null;
    throw new Error("finally threw");
  }
}
async function main() {
  console.log(await overridesReturn());
  console.log(await overridesThrow());
  try {
    await finallyThrows();
  } catch (e) {
    console.log("caught", e.message);
  }
}
main();
