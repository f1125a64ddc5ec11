import { syntheticDatabase } from '/work/main/bench/support/synthetic-items';
const db = await syntheticDatabase(310_000);
console.log('dataset', db.datasetId, db.items);
