// What a check found wrong with one field of an item: its path on the wire and why. Checks answer these in bulk and
// the ledger turns them into an item's error details.
global using Problem = (string Field, string Message);
