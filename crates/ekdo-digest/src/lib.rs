//! Streebog-256 and -512 (GOST R 34.11-2012, RFC 6986) as a WebAssembly module of a few dozen
//! kilobytes with no imports: the hashing worker of ekdo-check's Node package
//! (`js/package/hash-worker.cjs`) instantiates it in a few milliseconds, where the whole
//! ekdo-check module would cost a worker some 10 ms and 10 MiB more. The hash is ekdo-check's own
//! (`src/crypto/streebog.rs`, compiled in here), so both compute the same digests.
//!
//! The interface is four functions over one input buffer of [`PIECE`] bytes in the module's
//! memory: `input()` gives its address; `begin(bits)` starts a digest (256 or 512) and returns
//! its slot; `update(slot, len)` hashes the first `len` bytes of the input buffer; `finish(slot)`
//! ends the digest and returns the address of its bytes (32 or 64), valid until the next call.
//! Two more move a digest in progress between instances (the CLI hashes the start of a file while
//! its hashing worker starts): `save(slot)` takes the digest out as `state_size()` bytes and
//! returns their address, `restore()` resumes one from the first `state_size()` bytes of the
//! input buffer and returns its slot.
//! Errors (an unknown slot, a length over [`PIECE`], bits other than 256 or 512, bytes that are
//! not a saved state) return [`FAILED`]; nothing panics.

#[path = "../../../src/crypto/streebog.rs"]
#[allow(dead_code, missing_docs)]
mod streebog;

use std::cell::RefCell;

use streebog::{Output, Streebog, STATE_LEN};

/// The input buffer's size: the worker copies its chunks in 64 KiB pieces, which also lets the
/// engine move the hash to optimised code after the first calls.
pub const PIECE: usize = 1 << 16;

/// Returned on a misuse.
pub const FAILED: u32 = u32::MAX;

/// The most digests in progress at once (one per check that runs in the worker).
const SLOTS: usize = 64;

struct State {
    input: Vec<u8>,
    slots: Vec<Option<Streebog>>,
    output: Vec<u8>,
}

thread_local! {
    static STATE: RefCell<State> =
        RefCell::new(State { input: vec![0; PIECE], slots: Vec::new(), output: Vec::new() });
}

/// The address of the input buffer in the module's memory.
#[no_mangle]
pub extern "C" fn input() -> usize {
    STATE.with_borrow(|state| state.input.as_ptr().addr())
}

/// Starts a digest of `bits` (256 or 512); returns its slot, or [`FAILED`].
#[no_mangle]
pub extern "C" fn begin(bits: u32) -> u32 {
    match bits {
        256 => place(Streebog::new(Output::Bits256)),
        512 => place(Streebog::new(Output::Bits512)),
        _ => FAILED,
    }
}

/// Puts a digest in a free slot; returns the slot, or [`FAILED`] when all are taken.
fn place(hasher: Streebog) -> u32 {
    STATE.with_borrow_mut(|state| {
        let free = state.slots.iter().position(Option::is_none);
        let slot = match free {
            Some(slot) => slot,
            None if state.slots.len() < SLOTS => {
                state.slots.push(None);
                state.slots.len().saturating_sub(1)
            }
            None => return FAILED,
        };
        match state.slots.get_mut(slot) {
            Some(place) => *place = Some(hasher),
            None => return FAILED,
        }
        u32::try_from(slot).unwrap_or(FAILED)
    })
}

/// Hashes the first `len` bytes of the input buffer into the digest of `slot`; returns 0, or
/// [`FAILED`].
#[no_mangle]
pub extern "C" fn update(slot: u32, len: u32) -> u32 {
    STATE.with_borrow_mut(|state| {
        let State { input, slots, .. } = state;
        let data = usize::try_from(len).ok().and_then(|len| input.get(..len));
        let hasher = usize::try_from(slot).ok().and_then(|slot| slots.get_mut(slot)).and_then(Option::as_mut);
        match (data, hasher) {
            (Some(data), Some(hasher)) => {
                hasher.update(data);
                0
            }
            _ => FAILED,
        }
    })
}

/// Ends the digest of `slot` and frees the slot; returns the address of the digest's bytes
/// (32 for Streebog-256, 64 for Streebog-512), or [`FAILED`].
#[no_mangle]
pub extern "C" fn finish(slot: u32) -> usize {
    take_out(slot, Streebog::finalize)
}

/// Takes the digest of `slot` out, frees the slot and keeps `bytes(digest)` in the output
/// buffer; returns their address, or [`FAILED`] for an unknown slot.
fn take_out(slot: u32, bytes: impl FnOnce(Streebog) -> Vec<u8>) -> usize {
    STATE.with_borrow_mut(|state| {
        let taken = usize::try_from(slot).ok().and_then(|slot| state.slots.get_mut(slot)).and_then(Option::take);
        match taken {
            Some(hasher) => {
                state.output = bytes(hasher);
                state.output.as_ptr().addr()
            }
            None => usize::try_from(FAILED).unwrap_or(usize::MAX),
        }
    })
}

/// The size of a saved digest (`save`, `restore`).
#[no_mangle]
pub extern "C" fn state_size() -> u32 {
    u32::try_from(STATE_LEN).unwrap_or(FAILED)
}

/// Takes the digest of `slot` out as its saved state and frees the slot; returns the address of
/// the state's `state_size()` bytes (valid until the next call), or [`FAILED`].
#[no_mangle]
pub extern "C" fn save(slot: u32) -> usize {
    take_out(slot, |hasher| hasher.save())
}

/// Resumes the digest saved in the first `state_size()` bytes of the input buffer; returns its
/// slot, or [`FAILED`].
#[no_mangle]
pub extern "C" fn restore() -> u32 {
    let hasher = STATE.with_borrow(|state| state.input.get(..STATE_LEN).and_then(Streebog::restore));
    hasher.map_or(FAILED, place)
}
