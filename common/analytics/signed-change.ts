// A knockout's change, signed: "+0.005320" reads as a change, where an unsigned 0.005320 under "test mse
// 0.810690 as trained" read as the knocked-out model's MSE. Shared by the app's knockout bars and the gate
// report's (HTML) and `gatelab knockout`'s table, as the CLI's --rows signs a change.

/** `text` (the change as its table's notation writes it) with a "+" when `delta` is above 0. */
export const signedChange = (delta: number, text: string): string => (delta > 0 ? `+${text}` : text);
