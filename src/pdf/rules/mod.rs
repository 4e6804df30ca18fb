//! The rule checks, one file per clause group of ISO 19005-1, and what they share: the context
//! they report into.
//!
//! A check marks the rules it decides with [`Ctx::decided`], reports each failure with
//! [`Ctx::fail`] and each object it cannot judge with [`Ctx::not_checked`]. A rule never
//! passes silently for want of a check: an undecidable rule is reported `not-checked`.

pub mod actions;
pub mod annotations;
pub mod file_structure;
pub mod fonts;
pub mod forms;
pub mod graphics;
pub mod logical;
pub mod metadata;
pub mod transparency;

use std::collections::{BTreeMap, BTreeSet};

use crate::limits::{Budget, Limits};
use crate::pdf::cos::ObjId;
use crate::pdf::filter::Inflation;
use crate::pdf::model::Doc;
use crate::pdf::registry;
use crate::report::{Occurrence, RuleStatus, Violation};

/// Where a rule failed.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Place {
    /// veraPDF-style path.
    pub context: Option<String>,
    /// The object, when indirect.
    pub object: Option<ObjId>,
    /// The 0-based page.
    pub page: Option<usize>,
}

impl Place {
    /// A place by path only.
    pub fn path(context: impl Into<String>) -> Self {
        Place { context: Some(context.into()), object: None, page: None }
    }

    /// A place at an object.
    pub fn object(context: impl Into<String>, object: Option<ObjId>, page: Option<usize>) -> Self {
        Place { context: Some(context.into()), object, page }
    }
}

#[derive(Clone, Debug, Default)]
struct Tally {
    count: u32,
    occurrences: Vec<Occurrence>,
}

/// What the checks share.
pub struct Ctx<'d> {
    /// The document.
    pub doc: &'d Doc<'d>,
    /// Level A is checked (the document claims PDF/A-1a).
    pub level_a: bool,
    /// The bounds.
    pub limits: &'d Limits,
    /// Decompression still allowed.
    pub inflation: Inflation,
    /// Work still allowed.
    pub budget: Budget,
    /// A bound ran out: `(what, detail)`; the verdict is undecided.
    pub stopped: Option<(LimitKind, String)>,
    decided: BTreeSet<&'static str>,
    failed: BTreeMap<&'static str, Tally>,
    unchecked: BTreeMap<&'static str, Tally>,
}

/// Which bound ran out.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum LimitKind {
    /// Decompression.
    Decompressed,
    /// The work budget.
    Budget,
    /// Object nesting.
    Nesting,
    /// Object count.
    Objects,
}

impl<'d> Ctx<'d> {
    /// A context for `doc`.
    pub fn new(doc: &'d Doc<'d>, level_a: bool, limits: &'d Limits, inflation: Inflation) -> Self {
        Ctx {
            doc,
            level_a,
            limits,
            inflation,
            budget: Budget::new(limits.max_pdf_work),
            stopped: None,
            decided: BTreeSet::new(),
            failed: BTreeMap::new(),
            unchecked: BTreeMap::new(),
        }
    }

    /// Marks rules as decided by the check that is about to run.
    pub fn decided(&mut self, rules: &[&'static str]) {
        for rule in rules {
            if registry::rule(rule).is_some_and(|r| r.applies(self.level_a)) {
                self.decided.insert(rule);
            }
        }
    }

    /// Spends work; `false` (and the verdict undecided) when the budget is gone.
    pub fn spend(&mut self, units: u64) -> bool {
        if self.budget.spend(units) {
            return true;
        }
        if self.stopped.is_none() {
            self.stopped = Some((LimitKind::Budget, "PDF/A rules".to_owned()));
        }
        false
    }

    /// Records that a bound ran out.
    pub fn stop(&mut self, kind: LimitKind, detail: impl Into<String>) {
        if self.stopped.is_none() {
            self.stopped = Some((kind, detail.into()));
        }
    }

    /// Records a failure of `rule` at `place`.
    pub fn fail(&mut self, rule: &'static str, place: Place, detail: impl Into<String>) {
        if !registry::rule(rule).is_some_and(|r| r.applies(self.level_a)) {
            return;
        }
        self.decided.insert(rule);
        let max = usize::from(self.limits.max_occurrences_per_rule);
        add(self.failed.entry(rule).or_default(), self.doc, place, detail.into(), max);
    }

    /// Fails `rule` at `place` unless `ok`.
    pub fn check(
        &mut self,
        rule: &'static str,
        ok: bool,
        place: impl FnOnce() -> Place,
        detail: impl FnOnce() -> String,
    ) {
        if !ok {
            self.fail(rule, place(), detail());
        }
    }

    /// Records that `rule` could not be decided at `place`.
    pub fn not_checked(&mut self, rule: &'static str, place: Place, detail: impl Into<String>) {
        if !registry::rule(rule).is_some_and(|r| r.applies(self.level_a)) {
            return;
        }
        let max = usize::from(self.limits.max_occurrences_per_rule);
        add(self.unchecked.entry(rule).or_default(), self.doc, place, detail.into(), max);
    }

    /// `rule` has failed somewhere.
    pub fn has_failed(&self, rule: &str) -> bool {
        self.failed.contains_key(rule)
    }

    /// The violations in clause order, and the number of rules decided.
    pub fn finish(self) -> (Vec<Violation>, u32) {
        let level_a = self.level_a;
        let mut violations = Vec::new();
        let mut rules: BTreeSet<&'static str> = self.failed.keys().copied().collect();
        rules.extend(self.unchecked.keys().copied());
        let mut checked = 0u32;
        for rule in registry::RULES.iter().filter(|r| r.applies(level_a)) {
            let failed = self.failed.get(rule.id);
            if failed.is_some() || (self.decided.contains(rule.id) && !self.unchecked.contains_key(rule.id)) {
                checked = checked.saturating_add(1);
            }
        }
        for rule in rules {
            let Some(meta) = registry::rule(rule) else { continue };
            let (status, tally) = match (self.failed.get(rule), self.unchecked.get(rule)) {
                (Some(t), _) => (RuleStatus::Failed, t),
                (None, Some(t)) => (RuleStatus::NotChecked, t),
                (None, None) => continue,
            };
            let first = tally.occurrences.first();
            violations.push(Violation {
                rule: rule.to_owned(),
                clause: meta.clause.to_owned(),
                status,
                message_ru: meta.ru.to_owned(),
                message_en: meta.en_for(level_a).to_owned(),
                context: first.and_then(|o| o.context.clone()),
                object: first.and_then(|o| o.object.clone()),
                page: first.and_then(|o| o.page),
                count: tally.count,
                occurrences: tally.occurrences.clone(),
            });
        }
        violations.sort_by(|a, b| registry::compare_ids(&a.rule, &b.rule));
        (violations, checked)
    }
}

fn add(tally: &mut Tally, doc: &Doc<'_>, place: Place, detail: String, max: usize) {
    tally.count = tally.count.saturating_add(1);
    if tally.occurrences.len() >= max {
        return;
    }
    let page = place.page.or_else(|| place.object.and_then(|id| doc.page_index(id)));
    tally.occurrences.push(Occurrence {
        context: place.context,
        object: place.object.map(|id| id.to_string()),
        page: page.and_then(|p| u32::try_from(p.saturating_add(1)).ok()),
        detail: (!detail.is_empty()).then_some(detail),
    });
}

/// A bytes value for messages.
pub fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(60).collect();
        format!("{cut}…")
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registry_rule_has_a_check() {
        let mut covered: BTreeSet<&str> = BTreeSet::new();
        for list in [
            file_structure::RULES,
            graphics::RULES,
            fonts::RULES,
            transparency::RULES,
            annotations::RULES,
            actions::RULES,
            metadata::RULES,
            logical::RULES,
            forms::RULES,
        ] {
            for rule in list {
                assert!(registry::rule(rule).is_some(), "{rule} is not a registry rule");
                assert!(covered.insert(rule), "{rule} is decided by two files");
            }
        }
        let all: BTreeSet<&str> = registry::RULES.iter().map(|r| r.id).collect();
        assert_eq!(covered, all);
    }

    #[test]
    fn rule_ids_in_the_sources_exist() {
        let sources = [
            include_str!("file_structure.rs"),
            include_str!("graphics.rs"),
            include_str!("fonts.rs"),
            include_str!("transparency.rs"),
            include_str!("annotations.rs"),
            include_str!("actions.rs"),
            include_str!("metadata.rs"),
            include_str!("logical.rs"),
            include_str!("forms.rs"),
            include_str!("../cos.rs"),
            include_str!("../raw.rs"),
        ];
        for source in sources {
            for literal in source.split('"').skip(1).step_by(2) {
                let looks_like_rule = literal.starts_with("6.")
                    && literal.contains('-')
                    && literal.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
                if looks_like_rule {
                    assert!(registry::rule(literal).is_some(), "unknown rule id {literal}");
                }
            }
        }
    }
}
