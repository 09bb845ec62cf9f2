export { type Random, createRandom, xoshiro128StarStar } from "./random";
export { sampleBeta, sampleExponential, sampleGamma, sampleGeometric, sampleNormal } from "./samplers";
export { type SimulatedCustomer, type SimulationOptions, simulateCustomers, summarizeSimulation } from "./simulateCustomers";
export { type TransactionLog, type TransactionLogOptions, simulateTransactionLog, transactionLogCsv } from "./simulateTransactions";
