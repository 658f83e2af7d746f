//! Every cap and typo budget of the engine, in one place.
//!
//! Caps bound the work a single query can cause, whatever the input; typo budgets say how
//! many edits a token may differ by and still be looked up as a fuzzy match.
