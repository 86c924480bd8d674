// The seed's `say_hi`, with the printing injected so a test can see when it happens.
export async function sayHi(print = console.log) {
  print("Hi!");
}
