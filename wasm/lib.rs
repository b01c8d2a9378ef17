//! The wasm module: the core's wasm-bindgen exports (`lectern::wasm`), linked into a cdylib.

pub use lectern::wasm::*;
