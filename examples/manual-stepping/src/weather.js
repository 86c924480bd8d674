// Code that awaits an injected client: `http.get(url)` returns whatever the client returns (a
// Promise in production); the compiled function suspends on it and waits to be resumed with the
// response.

export async function currentTemperature(http, city, cache = new Map()) {
  let res;
  try {
    res = await http.get(`/weather/${encodeURIComponent(city)}`);
  } catch (error) {
    if (cache.has(city)) return { city, tempC: cache.get(city), stale: true };
    throw new Error(`weather for ${city} unavailable: ${error.message}`, { cause: error });
  }
  if (res.status !== 200) throw new Error(`weather service answered ${res.status} for ${city}`);
  cache.set(city, res.body.tempC);
  return { city, tempC: res.body.tempC, stale: false };
}

// Awaits currentTemperature once per city: each of those runs inline, so what the report is
// suspended on is the request of the city it is at.
export async function dailyReport(http, cities, log = []) {
  const readings = [];
  try {
    for (const city of cities) readings.push(await currentTemperature(http, city));
    return readings.map((r) => `${r.city}: ${r.tempC}°C`).join(", ");
  } finally {
    log.push(`report finished after ${readings.length} of ${cities.length} cities`);
  }
}
