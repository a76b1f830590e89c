//! Sentence segmentation (owned by the extraction work; see issue 3).
