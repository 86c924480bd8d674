export async function priceLine(http, line) {
  const res = await http.get(`/prices/${line.sku}`);
  if (res.status !== 200) throw new Error(`price service answered ${res.status} for ${line.sku}`);
  return { ...line, unitPrice: res.body.unitPrice, total: res.body.unitPrice * line.quantity };
}

export function applyDiscount(subtotal, code) {
  // Not async: stays an ordinary function.
  return code === "TENOFF" ? Math.round(subtotal * 0.9 * 100) / 100 : subtotal;
}
