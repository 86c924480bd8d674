// The program the demo compiles: the seed's say_hi, and one that waits for something.
export async function sayHi() {
  console.log("    Hi!");
  return "said hi";
}

export async function greet(loadName) {
  const name = await loadName();
  return `Hello, ${name}!`;
}
