// Stand-ins for globals that Office provides at run time but Node does not.
import { customFunctionsStandIn } from "../src/excel/fake/customFunctionsStandIn";

Object.assign(globalThis, { CustomFunctions: customFunctionsStandIn(() => undefined) });
