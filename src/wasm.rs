//! The JavaScript binding: every `#[wasm_bindgen]` item, and nothing else.
