//! УКЭП or УНЭП: the qualified certificate profile (FSB order 795) and the classification.
