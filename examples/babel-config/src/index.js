export { processOrder, fetchOrder, gather } from "./orders";
export { checkStock, OutOfStockError } from "./inventory";
export { priceLine, applyDiscount } from "./pricing";
