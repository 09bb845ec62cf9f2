export { type Random, createRandom, xoshiro128StarStar } from "./random";
export { sampleBeta, sampleExponential, sampleGamma, sampleGeometric, sampleNormal } from "./samplers";
export { type SimulatedCustomer, type SimulationOptions, simulateCustomers, summarizeSimulation } from "./simulateCustomers";
export { CDNOW_IN_DAYS, type TransactionLog, type TransactionLogOptions, simulateTransactionLog, transactionLogCsv } from "./simulateTransactions";
