//! Extraction core (see issue 3).
