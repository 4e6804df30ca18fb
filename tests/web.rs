//! The wasm binding in a browser (`wasm-pack test --headless --chrome`): the same checks as
//! tests/node.rs, run in Chromium.
#![cfg(target_arch = "wasm32")]

#[path = "wasm_common/mod.rs"]
mod wasm_common;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn checks_a_signed_sample() {
    wasm_common::checks_a_signed_sample();
}

#[wasm_bindgen_test]
fn bad_document_is_a_report() {
    wasm_common::bad_document_is_a_report();
}

#[wasm_bindgen_test]
fn misuse_throws_a_coded_error() {
    wasm_common::misuse_throws_a_coded_error();
}

#[wasm_bindgen_test]
fn render_text_round_trips() {
    wasm_common::render_text_round_trips();
}

#[wasm_bindgen_test]
fn checker_streams_to_the_same_report() {
    wasm_common::checker_streams_to_the_same_report();
}
