//! The wasm binding under Node (`wasm-pack test --node`): types, errors, one real check end to end.
//! The rules themselves are proven natively.
#![cfg(target_arch = "wasm32")]

#[path = "wasm_common/mod.rs"]
#[macro_use]
mod wasm_common;

wasm_binding_tests!();
