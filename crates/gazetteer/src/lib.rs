//! Gazetteer (see issue 3, item 6).
