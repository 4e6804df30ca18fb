//! The wasm binding in a browser (`wasm-pack test --headless --chrome`): the same checks as
//! tests/node.rs, run in Chromium.
#![cfg(target_arch = "wasm32")]

#[path = "wasm_common/mod.rs"]
#[macro_use]
mod wasm_common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

wasm_binding_tests!();
