// A class whose instances are thenables; then uses this.
class Deferred {
  constructor(label) {
    this.label = label;
  }
  then(resolve, reject) {
    console.log("then on", this.label);
    if (this.label.startsWith("bad")) reject(new Error(this.label));
    else resolve(this.label.toUpperCase());
  }
}
async function main() {
  console.log(await new Deferred("one"));
  try {
    await new Deferred("bad two");
  } catch (e) {
    console.log("caught", e.message);
  }
}
main();
