//! Review packets: the translators' round trip through CAT tools and Poedit.
//!
//! `model` is the packet every format shares; `inline` maps kurso's masked segments to a
//! packet's inline codes and back.

pub mod apply;
pub mod collect;
pub mod export;
pub mod import;
pub mod inline;
pub mod model;
pub mod po;
pub mod tmx;
pub mod xliff12;
pub mod xliff2;

pub use model::{
    Code, CodeKind, Inline, Note, NoteKind, Packet, PacketFile, State, TermHint, Unit,
};
