//! A large byte buffer whose pages hold no memory until they are written: ekdo-check keeps its
//! copy of a scanned document in one, writing all of the file but the image data, which it
//! hashes and leaves out (`ekdo_check::pdf::sparse`).
//!
//! This is the one place with `unsafe` code, kept out of the checker's core, which forbids it.
//! Safe Rust cannot have such a buffer in WebAssembly: `vec![0; n]` goes to the allocator's
//! `calloc`, which writes every byte there. Natively the allocator maps large zeroed blocks
//! from the system, untouched, so [`Pages`] is a plain zeroed `Vec` there. In WebAssembly it
//! takes pages straight from `memory.grow` (zero by the specification, committed by the engine
//! only when written) and gives them to the next buffer when dropped: memory cannot shrink, and
//! the allocator never sees them.
//!
//! The bytes of a new buffer are zero, or, when its pages were used before, what was written
//! there last: read only what you wrote.

/// A buffer of a fixed length; see the [crate docs](crate).
pub struct Pages(imp::Region);

impl Pages {
    /// A buffer of `len` bytes, or `None` when the memory cannot grow by that much.
    pub fn new(len: usize) -> Option<Self> {
        imp::Region::new(len).map(Pages)
    }

    /// Its length.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Its bytes.
    pub fn as_slice(&self) -> &[u8] {
        self.0.as_slice()
    }

    /// Its bytes, to write.
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        self.0.as_mut_slice()
    }
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages").field("len", &self.len()).finish()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// A zeroed `Vec`: large ones are mapped by the system allocator, untouched until written.
    pub struct Region(Vec<u8>);

    impl Region {
        pub fn new(len: usize) -> Option<Self> {
            Some(Region(vec![0; len]))
        }

        pub fn len(&self) -> usize {
            self.0.len()
        }

        pub fn as_slice(&self) -> &[u8] {
            &self.0
        }

        pub fn as_mut_slice(&mut self) -> &mut [u8] {
            &mut self.0
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    const PAGE: usize = 65_536;

    /// `pages` WebAssembly pages from `start` (a byte address), of which `len` bytes are in use.
    pub struct Region {
        start: usize,
        pages: usize,
        len: usize,
    }

    thread_local! {
        /// Regions given back, as (start, pages): memory never shrinks, so they wait here.
        static SPARE: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
    }

    impl Region {
        pub fn new(len: usize) -> Option<Self> {
            let pages = len.div_ceil(PAGE).max(1);
            // The smallest spare region that is large enough, else new pages.
            let spare = SPARE.with_borrow_mut(|spare| {
                let best =
                    spare.iter().enumerate().filter(|(_, r)| r.1 >= pages).min_by_key(|(_, r)| r.1).map(|(i, _)| i)?;
                Some(spare.swap_remove(best))
            });
            let (start, pages) = match spare {
                Some(region) => region,
                None => {
                    let before = core::arch::wasm32::memory_grow(0, pages);
                    if before == usize::MAX {
                        return None;
                    }
                    (before.checked_mul(PAGE)?, pages)
                }
            };
            Some(Region { start, pages, len })
        }

        pub fn len(&self) -> usize {
            self.len
        }

        pub fn as_slice(&self) -> &[u8] {
            // SAFETY: `start..start + pages * PAGE` came from `memory.grow`, so it is inside the
            // module's memory, which never shrinks; nothing else uses it (the allocator only
            // uses pages it grew itself, and a region is owned by one `Region` at a time, from
            // `new` to `drop`); WebAssembly memory is always initialised (zero when grown), so
            // every byte is a valid `u8`; `len <= pages * PAGE`; the borrow of `self` keeps
            // `as_mut_slice` from aliasing it.
            unsafe { std::slice::from_raw_parts(std::ptr::with_exposed_provenance::<u8>(self.start), self.len) }
        }

        pub fn as_mut_slice(&mut self) -> &mut [u8] {
            // SAFETY: as in `as_slice`, with the exclusive borrow of `self`.
            unsafe { std::slice::from_raw_parts_mut(std::ptr::with_exposed_provenance_mut::<u8>(self.start), self.len) }
        }
    }

    impl Drop for Region {
        fn drop(&mut self) {
            let region = (self.start, self.pages);
            SPARE.with_borrow_mut(|spare| spare.push(region));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_holds_what_is_written() {
        let mut pages = Pages::new(200_000).expect("memory");
        assert_eq!(pages.len(), 200_000);
        assert!(pages.as_slice().iter().all(|b| *b == 0));
        pages.as_mut_slice()[123_456] = 7;
        assert_eq!(pages.as_slice()[123_456], 7);
        assert!(Pages::new(0).is_some_and(|p| p.is_empty()));
    }
}
