import { CancelledError, InvalidStateError, StopIteration } from "../src/index";

test("StopIteration is an Error named StopIteration that carries .value", () => {
  const e = new StopIteration({ answer: 42 });
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe("StopIteration");
  expect(e.value).toEqual({ answer: 42 });
  expect(e.message).toBe("coroutine finished; its return value is in .value");
});

test("CancelledError and InvalidStateError are Errors with their own names", () => {
  const c = new CancelledError("why");
  expect(c).toBeInstanceOf(Error);
  expect(c.name).toBe("CancelledError");
  expect(c.message).toBe("why");
  expect(new CancelledError().message).toBe("");
  const i = new InvalidStateError("state");
  expect(i).toBeInstanceOf(Error);
  expect(i.name).toBe("InvalidStateError");
  expect(String(i)).toBe("InvalidStateError: state");
});
