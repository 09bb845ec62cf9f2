// Stand-ins for globals that Office provides at run time but Node does not.
import { TextDecoder, TextEncoder } from "util";
import { customFunctionsStandIn } from "../src/excel/fake/customFunctionsStandIn";

// jsdom (the pane's tests) lacks the Encoding API that browsers, workers and Node have.
if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });

Object.assign(globalThis, { CustomFunctions: customFunctionsStandIn(() => undefined) });
