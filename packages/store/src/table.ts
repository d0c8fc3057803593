/**
 * The one table, as data: infra/ declares it from this, the local server and tests
 * create it from this. Keys are generic (pk/sk, gsiNpk/gsiNsk) and overloaded per entity;
 * README.md lists the access patterns each one serves.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAt",
  indexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk" },
    gsi4: { partitionKey: "gsi4pk", sortKey: "gsi4sk" },
    gsi5: { partitionKey: "gsi5pk", sortKey: "gsi5sk" },
    gsi6: { partitionKey: "gsi6pk", sortKey: "gsi6sk" },
  },
} as const;

export type IndexName = keyof typeof tableDefinition.indexes;

/** Every key attribute is a string. */
export function keyAttributes(): string[] {
  const { partitionKey, sortKey, indexes } = tableDefinition;
  return [partitionKey, sortKey, ...Object.values(indexes).flatMap((i) => [i.partitionKey, i.sortKey])];
}
