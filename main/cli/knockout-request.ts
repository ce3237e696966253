// What `gatelab knockout` asks (--gate, --mode, --expert) is checked where the lab checks it for every face
// (the app's What if too): main/lab/analytics/knockout-request.ts.
export { assertKnockoutRequest, assertOneKnockout, gatesAre, type KnockoutRequest } from '../lab/analytics/knockout-request';
