//! `json`: the whole ledger, `{"incidents", "tallies", "developments"}`, as serde writes it
//! (fields in `EXPORTS.md`).

use std::io::{self, Write};

use super::pretty_json;
use crate::Ledger;

pub(super) fn write(ledger: &Ledger, out: &mut dyn Write) -> io::Result<()> {
    pretty_json(out, ledger)
}
