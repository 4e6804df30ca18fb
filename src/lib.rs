#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod cms;
pub mod crypto;
pub mod error;
#[doc(hidden)]
pub mod fuzz;
pub mod limits;
pub mod pdf;
pub mod policy;
pub mod progress;
pub mod qualify;
pub mod render;
pub mod report;
pub mod sign;
pub mod stream;
pub mod time;
pub mod trust;
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

mod check;
mod verify;

pub use check::{check, Lang, Options, SignatureFile};
pub use error::{Code, Finding, Message};
pub use limits::Limits;
pub use render::render_text;
pub use report::{Kind, Report, SCHEMA_ID};
pub use time::Time;
