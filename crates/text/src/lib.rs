//! Pure text handling: everything between "bytes decoded to a string" and "a text the
//! extraction core can read". No I/O, no clock: the same input always gives the same output.
//!
//! - [`normalize`]: Unicode NFC, whitespace, boilerplate lines, glued sentences.
//! - [`lang`]: English / Spanish / other.
//! - [`dateline`]: a publication date read from a dateline or byline when metadata has none.
//! - [`segment`]: sentence boundaries as byte ranges into the normalised text.

pub mod dateline;
pub mod lang;
pub mod normalize;
pub mod segment;
