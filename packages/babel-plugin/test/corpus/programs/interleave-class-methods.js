// Async instance, static and private methods using this.
class Account {
  static created = 0;
  #balance = 0;
  constructor(name) {
    this.name = name;
    Account.created++;
  }
  async #audit(what) {
    await null;
    console.log(this.name, "audit", what, this.#balance);
  }
  async deposit(n) {
    console.log(this.name, "deposit", n);
    await null;
    this.#balance += n;
    await this.#audit("deposit");
    return this.#balance;
  }
  static async open(name, initial) {
    const account = new Account(name);
    await account.deposit(initial);
    return account;
  }
}
async function main() {
  const [a, b] = await Promise.all([Account.open("a", 10), Account.open("b", 20)]);
  console.log(await a.deposit(1), await b.deposit(2), Account.created);
}
main();
