//! One file per provider wire format.
