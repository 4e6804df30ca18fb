//! A hook called now and then during long synchronous work, the PDF/A rules above all, so that
//! the caller gets a moment of its own meanwhile: in Node, checkStream keeps the hashing worker
//! fed from the module's copy of the document while `precheck` runs (js/package/node.cjs).
//!
//! The calls (`tick`) sit between the check's phases, in its whole-file scans (every MiB), in
//! the loop over objects, in each inflate step, and before each signer and each signature
//! verification of the checks that follow: at most ~5 ms apart in wasm, cold. Without a hook
//! they cost a thread-local read.
use std::cell::RefCell;

thread_local! {
    static HOOK: RefCell<Option<Box<dyn FnMut()>>> = const { RefCell::new(None) };
}

/// Runs `work` with `hook` called at every `tick` inside it (on this thread).
pub fn with_hook<R>(hook: Box<dyn FnMut()>, work: impl FnOnce() -> R) -> R {
    let previous = HOOK.with(|h| h.borrow_mut().replace(hook));
    let out = work();
    HOOK.with(|h| *h.borrow_mut() = previous);
    out
}

/// Calls the hook, if one is set (a tick inside the hook itself does nothing).
pub fn tick() {
    HOOK.with(|h| {
        if let Ok(mut hook) = h.try_borrow_mut() {
            if let Some(f) = hook.as_mut() {
                f();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    #[test]
    fn the_pdf_rules_tick_and_the_hook_goes_with_the_work() {
        let document = std::fs::read("tests/data/signatures/05-two-signers/document.pdf").expect("fixture");
        let ticks = Rc::new(Cell::new(0u32));
        let seen = Rc::clone(&ticks);
        let (report, _) = with_hook(Box::new(move || seen.set(seen.get() + 1)), || {
            crate::pdf::check(&document, &crate::limits::Limits::default())
        });
        assert!(ticks.get() >= 4, "{} ticks", ticks.get());
        assert_eq!(report.verdict, crate::pdf::check(&document, &crate::limits::Limits::default()).0.verdict);
        // Gone after the work: a tick now calls nothing.
        let before = ticks.get();
        tick();
        assert_eq!(ticks.get(), before);
    }

    #[test]
    fn a_tick_inside_the_hook_does_not_recurse() {
        let calls = Rc::new(Cell::new(0u32));
        let seen = Rc::clone(&calls);
        with_hook(
            Box::new(move || {
                seen.set(seen.get() + 1);
                tick();
            }),
            tick,
        );
        assert_eq!(calls.get(), 1);
    }
}
