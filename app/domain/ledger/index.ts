export * from "./accounts";
export * from "./transaction";
export * from "./balances";
export * from "./movements";
export * from "./gift-aid";
